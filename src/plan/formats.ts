/** What `cx-audit plan` writes: the plan itself, a CSV for trackers, a Markdown task list. */
export const PLAN_FORMATS = ['yaml', 'csv', 'md'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
