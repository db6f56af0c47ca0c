import { OTHER_ANSWERS, type QuestionKind } from './kind.js';

/** Yes is the good practice: checklists phrase questions that way. */
export const yesNo: QuestionKind = {
  scored: true,
  hasChoices: false,
  invalid: (q, value) =>
    value === 'yes' || value === 'no' ? undefined : `${JSON.stringify(value)} cannot answer yes-no question ${q.key}; write yes, no, ${OTHER_ANSWERS}`,
  compliance: (_q, value) => (value === 'yes' ? 1 : 0),
  label: (_q, value) => (value === 'yes' ? 'Yes' : 'No'),
  conditionValues: () => ['yes', 'no'],
  prompt: () => ({
    kind: 'select',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  }),
  describe: () => 'yes or no',
  examples: () => ['yes', 'no'],
  // The cautious answer: one "no" makes it no.
  agree: (_q, given) => (given.includes('no') ? 'no' : 'yes'),
  disputable: true,
};
