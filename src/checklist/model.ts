import type { Checklist, Choice, Condition, Effort, Impact, Kind, Markets, MaturityStage, Needs, QuestionType, Reach } from '../generated/checklist.js';
import { QUESTION_KINDS } from '../questions/index.js';
import type { Origin } from './extends.js';
import type { Channel, CustomerType, Stage } from './vocabulary.js';

export type { Checklist, Condition, Effort, Impact, Kind, MaturityStage, QuestionType, Reach };
export type { Question as QuestionSource, Action as ActionSource, Capability as CapabilitySource } from '../generated/checklist.js';
export type Need = Needs[number];
type Market = Markets[number];

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
  /** Profile facts that must all hold; undefined = none. */
  needs: readonly Need[] | undefined;
  /** Markets of which the business must sell in one; undefined = every market. */
  markets: readonly Market[] | undefined;
  when: Condition | undefined;
  /** Scored questions always have both; text questions may not. */
  impact: Impact | undefined;
  effort: Effort | undefined;
  kind: Kind;
  reach: Reach;
  why: string | undefined;
  fix: string | undefined;
  /** The key of the action that closes it: a shared action's id, or this question's own key. */
  action: string;
  /** The achievement the report names when the practice is in place. */
  strength: string | undefined;
  owner: string | undefined;
  /** How long an answer stays true, such as "6 months". */
  validFor: string | undefined;
  learnMore: readonly string[];
  choices: readonly Choice[];
}

/** What the owner is told to do: one action closes one question, or several (a test order checks four). */
export interface Action {
  /** A shared action's id, or `checklist-id/question-id` for a question's own fix. */
  key: string;
  checklistId: string;
  /** A short imperative: the report's heading. */
  title: string;
  /** The whole action's instructions, when it has them; otherwise each question's fix says what to do. */
  fix: string | undefined;
  /** Keys of the actions to do first. */
  after: readonly string[];
  owner: string | undefined;
  /** Keys of the questions it closes, in checklist order. */
  questions: readonly string[];
}

/** What a business must have in place to reach a maturity stage, whatever its score. */
export interface Capability {
  id: string;
  checklistId: string;
  title: string;
  requiredFor: MaturityStage;
  /** Holds when the business has it, on the answers of its checklist. */
  met: Condition;
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
  /** Every action of its scored questions: shared ones and each question's own. */
  actions: Action[];
  capabilities: Capability[];
  /** For a checklist that extends another: where each inherited question comes from, and what was overridden. */
  origins?: ReadonlyMap<string, Origin>;
}

/** The most a title should hold before the report's headings wrap. */
export const TITLE_LENGTH = 70;

export function isScored(question: Pick<Question, 'type'>): boolean {
  return QUESTION_KINDS[question.type].scored;
}
