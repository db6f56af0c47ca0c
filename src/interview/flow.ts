import type { AnswerRecord, Answers, AnswerValue, Profile, Vote } from '../answers/model.js';
import { askedQuestions, possibleQuestions } from '../checklist/applicability.js';
import type { LoadedChecklist, Question } from '../checklist/model.js';
import { UNSURE } from '../checklist/vocabulary.js';
import { questionStamp } from '../questions/stamp.js';

/** What the person did at a question. */
export type QuestionResponse = { kind: 'answer'; value: AnswerValue } | { kind: 'back' } | { kind: 'why' } | { kind: 'note' };

/**
 * Where the person is, for the screen. Counts are of the questions that can
 * still be asked, follow-ups included until an answer rules them out: they
 * never grow as the interview goes on.
 */
export interface QuestionView {
  checklist: { index: number; count: number; title: string };
  position: { index: number; count: number };
  progress: { answered: number; total: number };
  /** The answer already given, offered as the default. */
  current?: AnswerRecord;
  /** A note typed for this question and not yet saved with an answer. */
  note?: string;
  canGoBack: boolean;
  /** What going back returns to, when not the previous question (the business profile). */
  backLabel?: string;
  /** A disputed question of a merged team file: what each person answered. */
  votes?: readonly Vote[];
}

interface ResumeSummary {
  path: string;
  answered: number;
  total: number;
  /** Answers marked unsure, which the person may want to revisit. */
  unsure: number;
  lastAt?: string;
}

/** The facts of the business profile, in the order they are asked. */
const PROFILE_FACTS = ['customerTypes', 'soleProprietors', 'channels', 'shipsGoods', 'hasStaff', 'outsideSupport', 'markets'] as const;
export type ProfileFact = (typeof PROFILE_FACTS)[number];

/**
 * Whether a fact can change which questions are asked: some question of
 * these checklists depends on it, and the facts before it leave it open
 * (sole-proprietor buyers matter to a consumer seller, not to one that
 * sells to businesses anyway). An owner's time is the cost of the audit.
 */
function factMatters(fact: ProfileFact, profile: Profile, checklists: readonly LoadedChecklist[]): boolean {
  const questions = checklists.flatMap((c) => c.questions);
  const needs = (...needed: string[]) => questions.some((q) => q.needs?.some((n) => needed.includes(n)));
  switch (fact) {
    case 'customerTypes':
      return questions.some((q) => q.appliesTo) || needs('business-buyers');
    case 'soleProprietors': {
      const types = profile.customerTypes ?? [];
      return needs('business-buyers') && types.includes('b2c') && !types.includes('b2b') && !types.includes('b2g');
    }
    case 'channels':
      return questions.some((q) => q.channels);
    case 'shipsGoods':
      return needs('ships-goods');
    case 'hasStaff':
      return needs('has-staff', 'solo');
    case 'outsideSupport':
      return needs('outside-support');
    case 'markets':
      return questions.some((q) => q.markets);
  }
}

/**
 * The seam between the interview and the terminal: src/interview/ask.ts
 * implements it with inquirer; tests script it.
 */
export interface Ask {
  resume(summary: ResumeSummary): Promise<'resume' | 'revisit' | 'restart'>;
  /** Asks one fact of the business profile, the current value (if any) offered as default. */
  profileFact<F extends ProfileFact>(fact: F, current: Profile): Promise<NonNullable<Profile[F]>>;
  /** The opening: how many questions, about how long, and the keys. */
  opening(count: number, minutes: number): void;
  /** Asks for a line of text, such as a name. */
  text(message: string): Promise<string>;
  /** After the last question: go through the unsure answers again, or finish. */
  revisit(unsure: number): Promise<'revisit' | 'finish'>;
  question(question: Question, view: QuestionView): Promise<QuestionResponse>;
  note(question: Question, current: string | undefined): Promise<string>;
  /** Shows a text (a question's `why`) above the next prompt. */
  show(text: string): void;
  /** Stops watching the terminal; the interview is over. */
  close(): void;
}

export interface InterviewOptions {
  checklists: readonly LoadedChecklist[];
  /** Updated in place: the answers file's content, saved after every change. */
  answers: Answers;
  ask: Ask;
  save(answers: Answers): void;
  /** The time an answer is given, ISO 8601. */
  now(): string;
  /** Whether back from the first question returns to the profile. */
  profileBack?: boolean;
  /** Who decides disputed answers of a merged team file (--resolve): answering one records them. */
  decidedBy?: string;
}

/** The questions asked, given the profile and answers so far, in order. */
function plan(checklists: readonly LoadedChecklist[], answers: Answers): Question[] {
  return askedQuestions(
    checklists.flatMap((c) => c.questions),
    answers.profile,
    answers.answers,
  );
}

/** Every question that applies, given the profile and answers, that has no answer yet. */
export function unansweredQuestions(checklists: readonly LoadedChecklist[], answers: Answers): Question[] {
  return plan(checklists, answers).filter((q) => !answers.answers.has(q.key));
}

/** How many questions can still be asked, and how many of those have an answer. */
export function progressOf(checklists: readonly LoadedChecklist[], answers: Answers): { answered: number; total: number; unsure: number } {
  const possible = possibleQuestions(
    checklists.flatMap((c) => c.questions),
    answers.profile,
    answers.answers,
  );
  const asked = new Set(plan(checklists, answers).map((q) => q.key));
  let answered = 0;
  let unsure = 0;
  for (const q of possible) {
    const record = answers.answers.get(q.key);
    if (!record || !asked.has(q.key)) continue;
    answered++;
    if (record.answer === UNSURE) unsure++;
  }
  return { answered, total: possible.length, unsure };
}

/** Seconds an owner takes for a question of each type, reading it and thinking: an honest average, not a best case. */
const SECONDS: Record<Question['type'], number> = { 'yes-no': 20, scale: 25, choice: 30, multi: 40, text: 60 };

/** About how many minutes these questions take, rounded up to a whole minute. */
export function estimateMinutes(questions: readonly Pick<Question, 'type'>[]): number {
  return Math.ceil(questions.reduce((sum, q) => sum + SECONDS[q.type], 0) / 60);
}

/**
 * Asks the facts of the profile that are missing (or every fact, to change
 * the profile), saving after each; facts that cannot change the questions
 * are not asked.
 */
export async function askProfile(options: InterviewOptions, defaults: Profile, everything = false): Promise<void> {
  const { answers } = options;
  const profile: Profile = { ...defaults, ...answers.profile };
  for (const fact of PROFILE_FACTS) {
    if (!everything && answers.profile?.[fact] !== undefined) continue;
    if (!factMatters(fact, profile, options.checklists)) continue;
    const value = await options.ask.profileFact(fact, profile);
    (profile as Record<ProfileFact, unknown>)[fact] = value;
    answers.profile = { ...answers.profile, [fact]: value };
    options.save(answers);
  }
}

/** How a walk through the questions moves: where it goes after an answer, and where back goes (-1: nowhere). */
interface Steps {
  next(asked: readonly Question[], after: string | undefined): number;
  previous(asked: readonly Question[], from: number): number;
}

/** Asks questions from `first`, moving by `steps`; back, why and notes work the same everywhere. */
async function walk(options: InterviewOptions, steps: Steps, first: number): Promise<void> {
  const { answers, ask, checklists } = options;
  let asked = plan(checklists, answers);
  let cursor = first;
  let note: string | undefined;

  while (cursor >= 0 && cursor < asked.length) {
    const question = asked[cursor]!;
    const current = answers.answers.get(question.key);
    const possible = possibleQuestions(
      checklists.flatMap((c) => c.questions),
      answers.profile,
      answers.answers,
    );
    const checklistIndex = checklists.findIndex((c) => c.id === question.checklistId);
    const inChecklist = possible.filter((q) => q.checklistId === question.checklistId);
    const progress = progressOf(checklists, answers);
    const previous = steps.previous(asked, cursor);
    const atProfile = previous === -1 && options.profileBack === true;
    const view: QuestionView = {
      checklist: { index: checklistIndex + 1, count: checklists.length, title: checklists[checklistIndex]!.title },
      position: { index: inChecklist.indexOf(question) + 1, count: inChecklist.length },
      progress: { answered: progress.answered, total: progress.total },
      ...(current ? { current } : {}),
      ...(note !== undefined ? { note } : {}),
      canGoBack: previous !== -1 || atProfile,
      ...(current?.disputed && current.votes ? { votes: current.votes } : {}),
      ...(atProfile ? { backLabel: '← Back to your business profile' } : {}),
    };
    const response = await ask.question(question, view);
    switch (response.kind) {
      case 'why':
        ask.show(question.why ?? 'This checklist does not say why this question matters.');
        continue;
      case 'note':
        note = await ask.note(question, note ?? current?.note);
        continue;
      case 'back': {
        note = undefined;
        if (previous !== -1) {
          cursor = previous;
          continue;
        }
        if (!atProfile) continue;
        // Back from the first question: the profile, every fact offered again.
        await askProfile(options, answers.profile ?? {}, true);
        asked = plan(checklists, answers);
        cursor = steps.next(asked, undefined);
        continue;
      }
      case 'answer': {
        const keptNote = note ?? current?.note;
        // Evidence written into the file by hand stays with the question; its checked day still dates it.
        // In a merged team file the votes stay beside the answer, and answering a disputed question decides it.
        const decided = options.decidedBy !== undefined && (current?.disputed === true || current?.decidedBy !== undefined);
        const record: AnswerRecord = {
          answer: response.value,
          ...(keptNote ? { note: keptNote } : {}),
          at: options.now(),
          asked: questionStamp(question),
          ...(current?.evidence ? { evidence: current.evidence } : {}),
          ...(decided ? { decidedBy: options.decidedBy! } : current?.disputed ? { disputed: true } : {}),
          ...(current?.votes ? { votes: current.votes } : {}),
        };
        answers.answers.set(question.key, record);
        options.save(answers);
        note = undefined;
        asked = plan(checklists, answers);
        cursor = steps.next(asked, question.key);
      }
    }
  }
}

/**
 * The interview: one question at a time, in checklist order, skipping what
 * the profile and earlier answers rule out, starting at the first question
 * without an answer. Back goes to the previous question asked (from the
 * first, to the profile); after it, the interview walks forward again,
 * offering each existing answer as default. Every answer is saved before the
 * next question appears.
 */
export async function runInterview(options: InterviewOptions): Promise<void> {
  const { answers, checklists } = options;
  const firstOpen = (asked: readonly Question[]) => asked.findIndex((q) => !answers.answers.has(q.key));
  const start = firstOpen(plan(checklists, answers));
  if (start === -1) return;
  // After an answer: the next question in order (its answer offered as default); at the start, the first without one.
  await walk(
    options,
    {
      next: (asked, after) => (after === undefined ? Math.max(0, firstOpen(asked)) : asked.findIndex((q) => q.key === after) + 1),
      previous: (_asked, from) => from - 1,
    },
    start,
  );
}

/**
 * The questions whose answers `pick` chooses (unsure ones, or those out of
 * date), one after another, each with its note; every other answer is left
 * as it is, and back goes to the previous one of them.
 */
export async function revisit(options: InterviewOptions, pick: (question: Question, record: AnswerRecord) => boolean): Promise<void> {
  const { answers, checklists } = options;
  // Chosen once at the start: a question answered now is not asked again.
  const keys = new Set(
    plan(checklists, answers)
      .filter((q) => {
        const record = answers.answers.get(q.key);
        return record !== undefined && pick(q, record);
      })
      .map((q) => q.key),
  );
  const nextOf = (asked: readonly Question[], from: number) => asked.findIndex((q, i) => i >= from && keys.has(q.key));
  const start = nextOf(plan(checklists, answers), 0);
  if (start === -1) return;
  await walk(
    { ...options, profileBack: false },
    {
      next: (asked, after) => nextOf(asked, after === undefined ? 0 : asked.findIndex((q) => q.key === after) + 1),
      previous: (asked, from) => asked.findLastIndex((q, i) => i < from && keys.has(q.key)),
    },
    start,
  );
}

/** The disputed questions of a merged team file, one after another, each showing what everyone answered. */
export function resolveDisputes(options: InterviewOptions & { decidedBy: string }): Promise<void> {
  return revisit(options, (_q, record) => record.disputed === true);
}

/** The questions answered unsure, one after another. */
export function revisitUnsure(options: InterviewOptions): Promise<void> {
  return revisit(options, (_q, record) => record.answer === UNSURE);
}
