import { isScored } from '../model.js';
import type { ChecklistRule } from './context.js';

export const unscoredFields: ChecklistRule = {
  name: 'unscored-fields',
  severity: 'warning',
  description: 'A text question sets impact, effort or fix, which only scored questions use.',
  check(ctx) {
    return ctx.checklist.questions.flatMap((q, i) =>
      isScored(q)
        ? []
        : (['impact', 'effort', 'fix'] as const)
            .filter((k) => q[k] !== undefined)
            .map((k) =>
              ctx.at(['questions', i, k], `${q.type} question "${q.id}" is not scored, so its "${k}" is never used; remove it or make it a scored question`, {
                key: true,
              }),
            ),
    );
  },
};
