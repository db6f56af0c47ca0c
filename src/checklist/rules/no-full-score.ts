import { QUESTION_KINDS } from '../../questions/index.js';
import type { ChecklistRule } from './context.js';

export const noFullScore: ChecklistRule = {
  name: 'no-full-score',
  severity: 'warning',
  description: 'No answer to a question with choices reaches full marks, so it can never be met.',
  check(ctx) {
    return ctx.checklist.questions.flatMap((q, i) => {
      const kind = QUESTION_KINDS[q.type];
      if (!kind.hasChoices || !q.choices) return [];
      const typed = { key: q.id, type: q.type, choices: q.choices };
      const best = Math.max(0, ...kind.examples(typed).map((a) => kind.compliance(typed, a) ?? 0));
      if (best >= 1) return [];
      const message = `no answer to question "${q.id}" reaches full marks (the best scores ${best}), so it always counts as a gap; give the best-practice answer a score of 1`;
      return [ctx.at(['questions', i, 'choices'], message, { key: true })];
    });
  },
};
