import type { ChecklistRule } from './context.js';

export const noFullScore: ChecklistRule = {
  name: 'no-full-score',
  severity: 'warning',
  description: 'No answer to a choice question reaches full marks, so it can never be met.',
  check(ctx) {
    return ctx.checklist.questions.flatMap((q, i) => {
      if (q.type !== 'choice' || !q.choices) return [];
      if (q.choices.some((c) => c.score === 1)) return [];
      return [ctx.at(['questions', i, 'choices'], `no choice of question "${q.id}" scores 1, so it always counts as a gap; give the best-practice choice score 1`, { key: true })];
    });
  },
};
