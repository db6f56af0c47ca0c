import type { ChecklistRule } from './context.js';

export const choiceScoreRange: ChecklistRule = {
  name: 'choice-score-range',
  severity: 'error',
  description: 'A choice score lies outside 0 to 1.',
  check(ctx) {
    return ctx.checklist.questions.flatMap((q, i) =>
      (q.choices ?? []).flatMap((c, j) =>
        c.score === undefined || (c.score >= 0 && c.score <= 1)
          ? []
          : [
              ctx.at(
                ['questions', i, 'choices', j, 'score'],
                `choice "${c.id}" of question "${q.id}" scores ${c.score}; scores run from 0 (the gap) to 1 (best practice)`,
              ),
            ],
      ),
    );
  },
};
