import type { ChecklistRule } from './context.js';

export const duplicateChoiceId: ChecklistRule = {
  name: 'duplicate-choice-id',
  severity: 'error',
  description: 'Two choices of one question share an id.',
  check(ctx) {
    return ctx.checklist.questions.flatMap((q, i) => {
      const seen = new Set<string>();
      return (q.choices ?? []).flatMap((c, j) => {
        if (!seen.has(c.id)) {
          seen.add(c.id);
          return [];
        }
        return [ctx.at(['questions', i, 'choices', j, 'id'], `choice id "${c.id}" appears twice in question "${q.id}"; give each choice its own id`)];
      });
    });
  },
};
