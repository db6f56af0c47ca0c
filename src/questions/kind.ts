import type { AnswerValue } from '../answers/model.js';
import type { Question } from '../checklist/model.js';

/** What the interview shows for a question: one pick from a list, several, or typed text. */
export type PromptSpec =
  | { kind: 'select'; options: { value: string | number; label: string }[] }
  | { kind: 'checkbox'; options: { value: string; label: string }[]; hint: string }
  | { kind: 'input'; parse(input: string): { value: AnswerValue } | { error: string } };

/** A question as far as its type needs to see it. */
type TypedQuestion = Pick<Question, 'key' | 'type' | 'choices'>;

/**
 * Everything the rest of cx-audit needs to know about one question type.
 * Each type is a module of src/questions/, collected in one Record, so the
 * compiler names every place a new type must fill and nothing else switches
 * on the type. `n/a` and `unsure` are every type's and handled by callers.
 */
export interface QuestionKind {
  /** Scored types need impact and effort, and count in the score. */
  scored: boolean;
  /** Whether its answers are the ids of a `choices` list. */
  hasChoices: boolean;
  /** Why `value` cannot answer the question, in words that say what to write; undefined when it can. */
  invalid(question: TypedQuestion, value: AnswerValue): string | undefined;
  /** How far an answer meets the good practice, from 0 to 1; null when it carries no score. */
  compliance(question: TypedQuestion, value: AnswerValue): number | null;
  /** The answer as the person saw it when they gave it. */
  label(question: TypedQuestion, value: AnswerValue): string;
  /** The answers a `when` condition may test; undefined when conditions cannot look at this type. */
  conditionValues(question: { choices?: TypedQuestion['choices'] | undefined }): readonly (string | number)[] | undefined;
  /** What the interview asks with. */
  prompt(question: TypedQuestion): PromptSpec;
  /** The allowed answers in a few words, for hand-written files: "yes or no", "1 to 5". */
  describe(question: TypedQuestion): string;
  /** Answers that span what the type can say, the best and the worst among them; empty for unscored types. */
  examples(question: TypedQuestion): AnswerValue[];
  /**
   * A team's agreed answer from the real answers (never n/a or unsure) of
   * everyone who gave one, at least one; the rule is in docs/scoring.md.
   * `disputable` is false for a type whose different answers are no
   * disagreement (free text).
   */
  agree(question: TypedQuestion, given: readonly AnswerValue[]): AnswerValue;
  disputable: boolean;
}

/** The lower middle of sorted values: with an even count, the more cautious of the two. */
export function lowerMedian<T>(sorted: readonly T[]): T {
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** `write yes, no, n/a or unsure`: what every invalid-answer message ends with. */
export const OTHER_ANSWERS = 'n/a or unsure';
