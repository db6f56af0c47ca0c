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

/** The lower middle of sorted values: with an even count, the more cautious of the two. */
function lowerMedian<T>(sorted: readonly T[]): T {
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * The agreed answer of a team, and whether they disagree. The rule, in
 * docs/scoring.md: "unsure" and n/a from one person never override a real
 * answer from another; among real answers, yes-no takes the more cautious
 * answer (one "no" makes it no), a scale and a choice take the median (the
 * lower one of an even count, ordered by score), and a multi question keeps
 * the options more than half of the people picked. With no real answer,
 * anyone unsure makes it unsure, else it is n/a. A text question keeps the
 * first answer given, in the order of the files.
 */
export function consensus(question: Question, votes: readonly Vote[]): Consensus | undefined {
  if (!votes.length) return undefined;
  const answers = votes.map((v) => v.record.answer);
  const given = answers.filter(real);
  if (!given.length) return { answer: answers.includes(UNSURE) ? UNSURE : NOT_APPLICABLE, disputed: false };
  const kind = kindOf(question);
  const compliance = (a: AnswerValue) => kind.compliance(question, a);
  const key = (a: AnswerValue) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a);
  const disputed = new Set(given.map(key)).size > 1;
  switch (question.type) {
    case 'yes-no':
      return { answer: given.includes('no') ? 'no' : 'yes', disputed };
    case 'scale':
      return { answer: lowerMedian([...given].sort((a, b) => Number(a) - Number(b))), disputed };
    case 'choice': {
      // A choice that means "does not apply here" counts as n/a: it never outweighs a scored one.
      const scored = given.filter((a) => compliance(a) !== null);
      if (!scored.length) return { answer: given[0]!, disputed };
      return { answer: lowerMedian([...scored].sort((a, b) => compliance(a)! - compliance(b)!)), disputed };
    }
    case 'multi': {
      const picks = given as string[][];
      const answer = question.choices.map((c) => c.id).filter((id) => picks.filter((p) => p.includes(id)).length * 2 > picks.length);
      return { answer, disputed };
    }
    default:
      return { answer: given[0]!, disputed: false };
  }
}
