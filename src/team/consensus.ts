import type { AnswerRecord, AnswerValue } from '../answers/model.js';
import type { Question } from '../checklist/model.js';
import { NOT_APPLICABLE, UNSURE } from '../checklist/vocabulary.js';
import { kindOf } from '../questions/index.js';

/** One person's answer to a question. */
export interface Vote {
  respondent: string;
  record: AnswerRecord;
}

export interface Consensus {
  /** The agreed answer. */
  answer: AnswerValue;
  /** Whether people who gave a real answer gave different ones. */
  disputed: boolean;
}

const real = (v: AnswerValue) => v !== NOT_APPLICABLE && v !== UNSURE;

/**
 * The agreed answer of a team, and whether they disagree. The rule, in
 * docs/scoring.md: "unsure" and n/a from one person never override a real
 * answer from another; among real answers, each question type agrees its own
 * way (src/questions/: yes-no takes the more cautious answer, a scale and a
 * choice the lower median, a multi question the options more than half
 * picked, a text the first given). With no real answer, anyone unsure makes
 * it unsure, else it is n/a.
 */
export function consensus(question: Question, votes: readonly Vote[]): Consensus | undefined {
  if (!votes.length) return undefined;
  const answers = votes.map((v) => v.record.answer);
  const given = answers.filter(real);
  if (!given.length) return { answer: answers.includes(UNSURE) ? UNSURE : NOT_APPLICABLE, disputed: false };
  const kind = kindOf(question);
  const key = (a: AnswerValue) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a);
  return { answer: kind.agree(question, given), disputed: kind.disputable && new Set(given.map(key)).size > 1 };
}
