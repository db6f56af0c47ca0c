import type { AnswerRecord, Answers, AnswerValue, Profile } from '../answers/model.js';
import { askedQuestions } from '../checklist/applicability.js';
import type { LoadedChecklist, Question } from '../checklist/model.js';
import type { Channel, CustomerType } from '../checklist/vocabulary.js';

/** What the person did at a question. */
export type QuestionResponse = { kind: 'answer'; value: AnswerValue } | { kind: 'back' } | { kind: 'why' } | { kind: 'note' };

/** Where the person is, for the screen. Counts are of the questions that apply, and change as answers open or skip follow-ups. */
export interface QuestionView {
  checklist: { index: number; count: number; title: string };
  position: { index: number; count: number };
  progress: { answered: number; total: number };
  /** The answer already given, offered as the default. */
  current?: AnswerRecord;
  /** A note typed for this question and not yet saved with an answer. */
  note?: string;
  canGoBack: boolean;
}

interface ResumeSummary {
  path: string;
  answered: number;
  total: number;
  lastAt?: string;
}

/**
 * The seam between the interview and the terminal: src/interview/ask.ts
 * implements it with inquirer; tests script it.
 */
export interface Ask {
  resume(summary: ResumeSummary): Promise<'resume' | 'restart'>;
  profile(defaults: Profile, ask: { customerTypes: boolean; channels: boolean }): Promise<{ customerTypes: CustomerType[]; channels: Channel[] }>;
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
}

/** Asked questions and the index of the first one without an answer. */
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

/** How many of the questions that apply have an answer. */
export function progressOf(checklists: readonly LoadedChecklist[], answers: Answers): { answered: number; total: number } {
  const asked = plan(checklists, answers);
  return { answered: asked.filter((q) => answers.answers.has(q.key)).length, total: asked.length };
}

/** Asks for the profile parts that are missing, then saves. */
export async function askProfile(options: InterviewOptions, defaults: Profile): Promise<void> {
  const { answers } = options;
  const missing = { customerTypes: !answers.profile?.customerTypes, channels: !answers.profile?.channels };
  if (!missing.customerTypes && !missing.channels) return;
  const picked = await options.ask.profile({ ...defaults, ...answers.profile }, missing);
  answers.profile = {
    customerTypes: answers.profile?.customerTypes ?? picked.customerTypes,
    channels: answers.profile?.channels ?? picked.channels,
  };
  options.save(answers);
}

/**
 * The interview: one question at a time, in checklist order, skipping what
 * the profile and earlier answers rule out, starting at the first question
 * without an answer. Back goes to the previous asked question; after it, the
 * interview walks forward again, offering each existing answer as default.
 * Every answer is saved before the next question appears.
 */
export async function runInterview(options: InterviewOptions): Promise<void> {
  const { answers, ask, checklists } = options;
  let asked = plan(checklists, answers);
  let cursor = asked.findIndex((q) => !answers.answers.has(q.key));
  if (cursor === -1) return;
  let note: string | undefined;

  while (cursor < asked.length) {
    const question = asked[cursor]!;
    const current = answers.answers.get(question.key);
    const checklistIndex = checklists.findIndex((c) => c.id === question.checklistId);
    const inChecklist = asked.filter((q) => q.checklistId === question.checklistId);
    const view: QuestionView = {
      checklist: { index: checklistIndex + 1, count: checklists.length, title: checklists[checklistIndex]!.title },
      position: { index: inChecklist.indexOf(question) + 1, count: inChecklist.length },
      progress: { answered: asked.filter((q) => answers.answers.has(q.key)).length, total: asked.length },
      ...(current ? { current } : {}),
      ...(note !== undefined ? { note } : {}),
      canGoBack: cursor > 0,
    };
    const response = await ask.question(question, view);
    switch (response.kind) {
      case 'why':
        ask.show(question.why ?? 'This checklist does not say why this question matters.');
        continue;
      case 'note':
        note = await ask.note(question, note ?? current?.note);
        continue;
      case 'back':
        cursor = Math.max(0, cursor - 1);
        note = undefined;
        continue;
      case 'answer': {
        const keptNote = note ?? current?.note;
        const record: AnswerRecord = { answer: response.value, ...(keptNote ? { note: keptNote } : {}), at: options.now() };
        answers.answers.set(question.key, record);
        options.save(answers);
        note = undefined;
        asked = plan(checklists, answers);
        cursor = asked.findIndex((q) => q.key === question.key) + 1;
      }
    }
  }
}
