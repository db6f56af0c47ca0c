import { SCALE_MAX, SCALE_MIN } from '../checklist/vocabulary.js';
import { lowerMedian, OTHER_ANSWERS, type QuestionKind } from './kind.js';

const POINTS = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);
const WORDS: Record<number, string> = { 1: 'Not at all', 2: 'A little', 3: 'Partly', 4: 'Mostly', 5: 'Fully' };

/** 1 (not at all) to 5 (fully), evenly spaced: 1 → 0, 3 → 0.5, 5 → 1. */
export const scale: QuestionKind = {
  scored: true,
  hasChoices: false,
  invalid: (q, value) =>
    Number.isInteger(value) && (value as number) >= SCALE_MIN && (value as number) <= SCALE_MAX
      ? undefined
      : `${JSON.stringify(value)} cannot answer scale question ${q.key}; write a whole number from ${SCALE_MIN} to ${SCALE_MAX}, ${OTHER_ANSWERS}`,
  compliance: (_q, value) => ((value as number) - SCALE_MIN) / (SCALE_MAX - SCALE_MIN),
  label: (_q, value) => `${String(value)} of ${SCALE_MAX}`,
  conditionValues: () => POINTS,
  prompt: () => ({ kind: 'select', options: POINTS.map((v) => ({ value: v, label: `${v}  ${WORDS[v] ?? ''}`.trimEnd() })) }),
  examples: () => POINTS,
  describe: () => `a whole number from ${SCALE_MIN} (${WORDS[SCALE_MIN]?.toLowerCase()}) to ${SCALE_MAX} (${WORDS[SCALE_MAX]?.toLowerCase()})`,
  agree: (_q, given) => lowerMedian([...given].sort((a, b) => Number(a) - Number(b))),
  disputable: true,
};
