import type { AnswersFile } from '../generated/answers.js';
import type { Channel, CustomerType, Market } from '../checklist/vocabulary.js';

export type { AnswersFile };

/** An answer as stored: yes/no, a scale point, a choice id, choice ids, free text, or n/a / unsure. */
export type AnswerValue = string | number | string[];

export interface AnswerRecord {
  answer: AnswerValue;
  note?: string;
  /** ISO 8601 time it was given. */
  at?: string;
  /** The fingerprint of the question as it was asked (questions/stamp.ts). */
  asked?: string;
  /** What shows the answer is true: links or file paths, each with the day it was checked. */
  evidence?: Evidence[];
  /** A merged team file: the people gave different answers, and nobody has decided yet. */
  disputed?: boolean;
  /** Who decided a disputed answer. */
  decidedBy?: string;
  /** A merged team file: every respondent's answer. */
  votes?: Vote[];
}

/** One respondent's answer, kept in a merged team file. */
export interface Vote {
  respondent: string;
  answer: AnswerValue;
  note?: string;
}

/** Who gave the answers of a file, when a team answers. */
export interface Respondent {
  name: string;
  role?: string;
}

interface Evidence {
  /** A link or a file path. */
  ref: string;
  /** The day it was checked (YYYY-MM-DD). */
  checked?: string;
}

/**
 * What the business is, as the interview asks it first. A part left
 * undefined was not asked: every question that depends on it is asked.
 */
export interface Profile {
  customerTypes?: CustomerType[];
  /** Some buyers buy as a one-person business or freelancer. */
  soleProprietors?: boolean;
  channels?: Channel[];
  /** It sends physical goods to customers. */
  shipsGoods?: boolean;
  /** Someone besides the owner deals with customers. */
  hasStaff?: boolean;
  /** An outside service answers customers for it. */
  outsideSupport?: boolean;
  markets?: Market[];
}

/** The answers file in memory. Maps keep ids that look like `__proto__` harmless. */
export interface Answers {
  client?: string;
  auditor?: string;
  respondent?: Respondent;
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

/** A copy that shares no map or list with the original. */
export function cloneAnswers(answers: Answers): Answers {
  return structuredClone(answers);
}

/** Makes `target` hold exactly what `source` holds, keeping the object (the interview holds on to it). */
export function replaceAnswers(target: Answers, source: Answers): void {
  target.client = source.client;
  target.auditor = source.auditor;
  target.profile = source.profile;
  target.checklists = source.checklists;
  target.answers = source.answers;
}
