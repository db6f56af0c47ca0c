import type { Checklist, Choice, Condition, Effort, Impact, QuestionType } from '../generated/checklist.js';
import { QUESTION_KINDS } from '../questions/index.js';
import type { Channel, CustomerType, Stage } from './vocabulary.js';

export type { Checklist, Condition, Effort, Impact, QuestionType };
export type { Question as QuestionSource } from '../generated/checklist.js';

/** A question with its checklist's defaults applied: what the interview and the audit use. */
export interface Question {
  /** `checklist-id/question-id`, the key in answers files. */
  key: string;
  checklistId: string;
  id: string;
  /** Position within its checklist, for stable ordering. */
  index: number;
  text: string;
  type: QuestionType;
  stage: Stage;
  /** Customer types it concerns; undefined = all. */
  appliesTo: readonly CustomerType[] | undefined;
  /** Channels of which the business must run one; undefined = every business. */
  channels: readonly Channel[] | undefined;
  when: Condition | undefined;
  /** Scored questions always have both; text questions may not. */
  impact: Impact | undefined;
  effort: Effort | undefined;
  why: string | undefined;
  fix: string | undefined;
  learnMore: readonly string[];
  choices: readonly Choice[];
}

/** A valid checklist, ready to ask and score. */
export interface LoadedChecklist {
  id: string;
  title: string;
  version: string;
  description: string | undefined;
  /** `sha256-` and 16 hex digits of the checklist file's text. */
  hash: string;
  file: string;
  questions: Question[];
}

export function isScored(question: Pick<Question, 'type'>): boolean {
  return QUESTION_KINDS[question.type].scored;
}
