import { QUESTION_KINDS } from '../../questions/index.js';
import type { ChecklistRule } from './context.js';

export const choicesMatchType: ChecklistRule = {
  name: 'choices-match-type',
  severity: 'error',
  description: 'choice and multi questions need choices; other types must not have them.',
  check(ctx) {
    return ctx.checklist.questions.flatMap((q, i) => {
      const needs = QUESTION_KINDS[q.type].hasChoices;
      if (needs && !q.choices) {
        return [ctx.at(['questions', i], `${q.type} question "${q.id}" has no choices; add a "choices" list of {id, label, score}`)];
      }
      if (!needs && q.choices) {
        return [
          ctx.at(
            ['questions', i, 'choices'],
            `${q.type} question "${q.id}" has choices, which only questions that pick from choices use; remove them or change its type`,
            { key: true },
          ),
        ];
      }
      return [];
    });
  },
};
