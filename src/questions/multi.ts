import { orList } from '../text/suggest.js';
import { OTHER_ANSWERS, type QuestionKind } from './kind.js';

/** Any of the question's choices: their scores add up, to at most 1; none picked scores 0. */
export const multi: QuestionKind = {
  scored: true,
  hasChoices: true,
  invalid: (q, value) => {
    const ids = q.choices.map((c) => c.id);
    if (!Array.isArray(value))
      return `${JSON.stringify(value)} cannot answer multi question ${q.key}; write a list of choice ids ([${ids.join(', ')}], or [] for none), ${OTHER_ANSWERS}`;
    const unknown = value.filter((v) => !ids.includes(v));
    return unknown.length ? `${JSON.stringify(unknown[0])} is not a choice of multi question ${q.key}; its choices are ${orList(ids)}` : undefined;
  },
  compliance: (q, value) => {
    const picked = q.choices.filter((c) => (value as string[]).includes(c.id));
    // Only "does not apply" picked: n/a; beside real choices it adds nothing.
    if (picked.length && picked.every((c) => c.notApplicable)) return null;
    return Math.min(
      1,
      picked.reduce((sum, c) => sum + (c.score ?? 0), 0),
    );
  },
  label: (q, value) => {
    const picked = new Set(value as string[]);
    const labels = q.choices.filter((c) => picked.has(c.id)).map((c) => c.label);
    return labels.length ? labels.join(', ') : 'None of these';
  },
  conditionValues: (q) => (q.choices ?? []).map((c) => c.id),
  prompt: (q) => ({
    kind: 'checkbox',
    options: q.choices.map((c) => ({ value: c.id, label: c.label })),
    hint: 'tick all that apply with space, or a for all, then Enter; none is an answer too',
  }),
  // Nothing, each choice alone, and everything: the whole range without every combination.
  examples: (q) => [[], ...q.choices.map((c) => [c.id]), q.choices.map((c) => c.id)],
  describe: (q) => `a list of any of ${orList(q.choices.map((c) => c.id))}, or [] for none`,
  // The options more than half of the people picked, in the question's order.
  agree: (q, given) => {
    const picks = given as readonly string[][];
    return q.choices.map((c) => c.id).filter((id) => picks.filter((p) => p.includes(id)).length * 2 > picks.length);
  },
  disputable: true,
};
