import { isScored } from '../model.js';
import type { ChecklistRule } from './context.js';

function adviceRule(key: 'why' | 'fix', description: string, consequence: string): ChecklistRule {
  return {
    name: `missing-${key}`,
    severity: 'warning',
    description,
    check(ctx) {
      // A shared action's own fix says what to do for every question it closes.
      const sharedFix = new Set(key === 'fix' ? (ctx.checklist.actions ?? []).filter((a) => a.fix).map((a) => a.id) : []);
      return ctx.checklist.questions.flatMap((q, i) =>
        !isScored(q) || q[key] || (q.action !== undefined && sharedFix.has(q.action))
          ? []
          : [ctx.at(['questions', i, 'id'], `question "${q.id}" has no "${key}"; ${consequence}`)],
      );
    },
  };
}

export const missingWhy = adviceRule(
  'why',
  'A scored question does not say what the gap costs the customer.',
  'the report cannot tell the owner why this gap matters',
);
export const missingFix = adviceRule(
  'fix',
  'A scored question does not say how to close the gap, and names no shared action that does.',
  'the report will list the gap without an action to take',
);
