import { orList } from '../text/suggest.js';
import type { AnswerValue } from '../answers/model.js';
import { lowerMedian, OTHER_ANSWERS, type QuestionKind } from './kind.js';

/** One of the question's choices, each with its own score; a choice marked notApplicable means the question does not apply. */
export const choice: QuestionKind = {
  scored: true,
  hasChoices: true,
  invalid: (q, value) =>
    typeof value === 'string' && q.choices.some((c) => c.id === value)
      ? undefined
      : `${JSON.stringify(value)} cannot answer choice question ${q.key}; write one of ${orList([...q.choices.map((c) => c.id), ...OTHER_ANSWERS.split(' or ')])}`,
  compliance: (q, value) => {
    const picked = q.choices.find((c) => c.id === value);
    return picked?.notApplicable ? null : (picked?.score ?? 0);
  },
  label: (q, value) => q.choices.find((c) => c.id === value)?.label ?? String(value),
  conditionValues: (q) => (q.choices ?? []).map((c) => c.id),
  prompt: (q) => ({ kind: 'select', options: q.choices.map((c) => ({ value: c.id, label: c.label })) }),
  examples: (q) => q.choices.map((c) => c.id),
  describe: (q) => `one of ${orList(q.choices.map((c) => c.id))}`,
  // The lower median by score; a choice that means "does not apply here" counts as n/a and never outweighs a scored one.
  agree: (q, given) => {
    const score = (a: AnswerValue) => choice.compliance(q, a);
    const scored = given.filter((a) => score(a) !== null);
    return scored.length ? lowerMedian([...scored].sort((a, b) => score(a)! - score(b)!)) : given[0]!;
  },
  disputable: true,
};
