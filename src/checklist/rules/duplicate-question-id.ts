import type { ChecklistRule } from './context.js';

export const duplicateQuestionId: ChecklistRule = {
  name: 'duplicate-question-id',
  severity: 'error',
  description: 'Two questions of one checklist share an id.',
  check(ctx) {
    const first = new Map<string, number>();
    return ctx.checklist.questions.flatMap((q, i) => {
      const earlier = first.get(q.id);
      if (earlier === undefined) {
        first.set(q.id, i);
        return [];
      }
      const { line } = ctx.placeOf(['questions', earlier, 'id']);
      return [ctx.at(['questions', i, 'id'], `question id "${q.id}" is already used on line ${line}; give each question its own id`)];
    });
  },
};
