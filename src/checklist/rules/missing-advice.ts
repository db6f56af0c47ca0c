import { isScored } from '../model.js';
import type { ChecklistRule } from './context.js';

function adviceRule(key: 'why' | 'fix', description: string, consequence: string): ChecklistRule {
  return {
    name: `missing-${key}`,
    severity: 'warning',
    description,
    check(ctx) {
      return ctx.checklist.questions.flatMap((q, i) =>
        !isScored(q) || q[key] ? [] : [ctx.at(['questions', i, 'id'], `question "${q.id}" has no "${key}"; ${consequence}`)],
      );
    },
  };
}

export const missingWhy = adviceRule(
  'why',
  'A scored question does not say what the gap costs the customer.',
  'the report cannot tell the owner why this gap matters',
);
export const missingFix = adviceRule('fix', 'A scored question does not say how to close the gap.', 'the report will list the gap without an action to take');
