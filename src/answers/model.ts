import type { AnswersFile, Answer as AnswerSource } from '../generated/answers.js';
import type { Channel, CustomerType } from '../checklist/vocabulary.js';

export type { AnswersFile, AnswerSource };

/** An answer as stored: yes/no, a scale point, a choice id, choice ids, free text, or n/a / unsure. */
export type AnswerValue = string | number | string[];

export interface AnswerRecord {
  answer: AnswerValue;
  note?: string;
  /** ISO 8601 time it was given. */
  at?: string;
}

export interface Profile {
  /** Undefined when not asked: every customer type applies. */
  customerTypes?: CustomerType[];
  /** Undefined when not asked: every channel applies. */
  channels?: Channel[];
}

/** The answers file in memory. Maps keep ids that look like `__proto__` harmless. */
export interface Answers {
  client?: string;
  auditor?: string;
  profile?: Profile;
  /** Checklist id → the version (and hash) the answers were given against. */
  checklists: Map<string, { version: string; hash?: string }>;
  /** `checklist-id/question-id` → answer. */
  answers: Map<string, AnswerRecord>;
}

/** When the most recent answer was given (ISO 8601), if any answer says. */
export function lastAnsweredAt(answers: Answers): string | undefined {
  let last: string | undefined;
  for (const record of answers.answers.values()) if (record.at && (!last || record.at > last)) last = record.at;
  return last;
}

export function emptyAnswers(): Answers {
  return { checklists: new Map(), answers: new Map() };
}
