import { describe, expect, it } from 'vitest';
import { QUESTION_KINDS } from '../../src/questions/index.js';
import { checklist } from '../helpers/build.js';

/** Every question type agrees with itself: its examples are valid answers, scored between 0 and 1, labelled, and offered by its prompt. */
const CHOICES = [
  { id: 'never', label: 'Never', score: 0 },
  { id: 'sometimes', label: 'Sometimes', score: 0.5 },
  { id: 'always', label: 'Always', score: 1 },
];
const c = checklist(
  'k',
  Object.keys(QUESTION_KINDS).map((type) => ({
    id: type,
    type: type as keyof typeof QUESTION_KINDS,
    ...(QUESTION_KINDS[type as keyof typeof QUESTION_KINDS].hasChoices ? { choices: CHOICES } : {}),
  })),
);

describe.each(c.questions.map((q) => [q.type, q] as const))('%s', (type, question) => {
  const kind = QUESTION_KINDS[type];

  it('accepts its own examples, scores them from 0 to 1 and labels them', () => {
    const examples = kind.examples(question);
    if (!kind.scored) {
      expect(examples).toEqual([]);
      return;
    }
    expect(examples.length).toBeGreaterThan(1);
    const scores = examples.map((a) => kind.compliance(question, a));
    for (const [i, answer] of examples.entries()) {
      expect(kind.invalid(question, answer), JSON.stringify(answer)).toBeUndefined();
      expect(scores[i]).toBeGreaterThanOrEqual(0);
      expect(scores[i]).toBeLessThanOrEqual(1);
      expect(kind.label(question, answer)).not.toBe('');
    }
    // The examples span the type: the gap and the best practice are among them.
    expect(Math.min(...(scores as number[]))).toBe(0);
    expect(Math.max(...(scores as number[]))).toBe(1);
  });

  it('refuses answers of another shape, saying what to write', () => {
    for (const wrong of [true, { a: 1 }, 'certainly-not-an-answer', 99.5]) {
      const problem = kind.invalid(question, wrong as never);
      if (kind.scored) expect(problem, JSON.stringify(wrong)).toMatch(new RegExp(`${question.key}.*(write|choices are)`));
    }
  });

  it('offers in its prompt what it accepts', () => {
    const spec = kind.prompt(question);
    if (spec.kind === 'input') {
      const parsed = spec.parse('some text');
      if ('value' in parsed) expect(kind.invalid(question, parsed.value)).toBeUndefined();
      return;
    }
    for (const option of spec.options) {
      const answer = spec.kind === 'checkbox' ? [String(option.value)] : option.value;
      expect(kind.invalid(question, answer), JSON.stringify(answer)).toBeUndefined();
    }
  });

  it('lets conditions test exactly the answers it can give', () => {
    const values = kind.conditionValues(question);
    if (values === undefined) return;
    for (const v of values) {
      const answer = kind.hasChoices && type === 'multi' ? [String(v)] : v;
      expect(kind.invalid(question, answer), JSON.stringify(v)).toBeUndefined();
    }
  });
});
