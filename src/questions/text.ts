import { OTHER_ANSWERS, type QuestionKind } from './kind.js';

/** Free text: context for the report, never scored, never a condition. */
export const text: QuestionKind = {
  scored: false,
  hasChoices: false,
  invalid: (q, value) => (typeof value === 'string' ? undefined : `text question ${q.key} takes text; put the answer in quotes (or write ${OTHER_ANSWERS})`),
  compliance: () => null,
  label: (_q, value) => String(value),
  conditionValues: () => undefined,
  prompt: () => ({ kind: 'input', parse: (input) => ({ value: input.trim() }) }),
  describe: () => 'text, in quotes',
  examples: () => [],
  // The first answer given, in the order of the files: different words are no disagreement.
  agree: (_q, given) => given[0]!,
  disputable: false,
};
