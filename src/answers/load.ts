import { dayOf } from '../audit/freshness.js';
import type { Diagnostic } from '../files/diagnostic.js';
import type { LoadedChecklist, Question } from '../checklist/model.js';
import { NOT_APPLICABLE, UNSURE } from '../checklist/vocabulary.js';
import { schemaDiagnostics } from '../files/schema-diagnostics.js';
import type { ReadContext } from '../files/read-input.js';
import { readYamlFile, type YamlFile } from '../files/yaml-file.js';
import { validateAnswersFile } from '../generated/validators.js';
import { kindOf } from '../questions/index.js';
import { questionStamp } from '../questions/stamp.js';
import { answersVocabulary } from './answers-vocabulary.js';
import type { AnswerRecord, Answers, AnswersFile, AnswerValue } from './model.js';

export type AnswersLoad =
  { ok: true; answers: Answers; file: YamlFile; diagnostics: Diagnostic[] } | { ok: false; unreadable: boolean; diagnostics: Diagnostic[] };

/** Why a value cannot answer a question, or undefined when it can. */
function invalidAnswer(question: Question, value: AnswerValue): string | undefined {
  if (value === NOT_APPLICABLE || value === UNSURE) return undefined;
  return kindOf(question).invalid(question, value);
}

/**
 * Reads an answers file. Shape errors are errors; answers that do not fit the
 * loaded checklists are errors too when their value is wrong, and warnings
 * when the question or checklist is gone or has a new version: never dropped
 * silently.
 */
export async function loadAnswers(path: string, checklists: readonly LoadedChecklist[], context: ReadContext = {}): Promise<AnswersLoad> {
  const read = await readYamlFile(path, { ...context, kind: 'answers file' });
  return read.ok
    ? checkAnswers(read.file, read.diagnostics, checklists)
    : { ok: false, unreadable: read.reason === 'unreadable', diagnostics: read.diagnostics };
}

/** Checks parsed answers against the schema and the checklists (see loadAnswers). */
export function checkAnswers(file: YamlFile, readDiagnostics: readonly Diagnostic[], checklists: readonly LoadedChecklist[]): AnswersLoad {
  const path = file.path;
  const schema = schemaDiagnostics(validateAnswersFile, file, answersVocabulary);
  if (schema.length) return { ok: false, unreadable: false, diagnostics: [...readDiagnostics, ...schema] };

  const data = file.data as AnswersFile;
  const diagnostics: Diagnostic[] = [...readDiagnostics];
  const at = (p: (string | number)[], severity: Diagnostic['severity'], rule: string, message: string, key = false) =>
    diagnostics.push({ file: path, ...file.placeOf(p, { key }), severity, rule, message });

  const byId = new Map(checklists.map((c) => [c.id, c]));
  const questions = new Map<string, Question>();
  for (const c of checklists) for (const q of c.questions) questions.set(q.key, q);

  const answers: Answers = {
    client: data.client,
    auditor: data.auditor,
    respondent: data.respondent,
    profile: data.profile,
    checklists: new Map(),
    answers: new Map(),
  };
  for (const [id, stamp] of Object.entries(data.checklists ?? {})) {
    answers.checklists.set(id, { version: stamp.version, ...(stamp.hash ? { hash: stamp.hash } : {}) });
    const current = byId.get(id);
    if (current && current.version !== stamp.version) {
      at(
        ['checklists', id, 'version'],
        'warning',
        'checklist-version',
        `these answers were given for ${id} ${stamp.version}; the checklist is now ${current.version}. Answers to questions that still exist are kept; check them and the new questions`,
      );
    } else if (current && stamp.hash && current.hash !== stamp.hash) {
      at(
        ['checklists', id, 'hash'],
        'warning',
        'checklist-changed',
        `checklist ${id} ${stamp.version} has changed since these answers were given (its content differs, its version does not); check that the answers still fit the questions, and ask whoever maintains ${current.file} to raise its version when questions change`,
      );
    }
  }
  const missingChecklists = new Set<string>();
  const empty: string[] = [];
  for (const key in data.answers) {
    const given = data.answers[key]!;
    // An empty answer (a skeleton from `cx-audit answers init`) is one not given yet.
    if (given.answer === null) {
      if (questions.has(key)) empty.push(key);
      continue;
    }
    const record = given as AnswerRecord;
    const question = questions.get(key);
    const checklistId = key.split('/')[0]!;
    if (!question) {
      const checklist = byId.get(checklistId);
      if (!checklist) {
        if (!missingChecklists.has(checklistId)) {
          missingChecklists.add(checklistId);
          at(
            ['answers', key],
            'warning',
            'unknown-checklist',
            `answers for checklist "${checklistId}", which is not loaded, are ignored; pass its file to include them`,
            true,
          );
        }
      } else {
        at(
          ['answers', key],
          'warning',
          'unknown-question',
          `question ${key} is not in ${checklistId} ${checklist.version} (removed or renamed?); this answer is ignored`,
          true,
        );
      }
      answers.answers.set(key, record);
      continue;
    }
    // An answer to a question that has changed since no longer says what it said: it is asked again
    // (first: a choice since renamed would otherwise stop the run as a wrong answer).
    if (record.asked !== undefined && record.asked !== questionStamp(question)) {
      at(
        ['answers', key, 'asked'],
        'warning',
        'question-changed',
        `question ${key} has changed since it was answered (it now reads "${question.text.length > 80 ? `${question.text.slice(0, 80)}…` : question.text}"); the answer ${JSON.stringify(record.answer)} is set aside until it is answered again`,
      );
      continue;
    }
    const problem = invalidAnswer(question, record.answer);
    if (problem) {
      at(['answers', key, 'answer'], 'error', 'invalid-answer', problem);
      continue;
    }
    // The dates decide whether an answer has expired: one that is not a real day would silently never expire.
    if (record.at !== undefined && !dayOf(record.at)) {
      at(
        ['answers', key, 'at'],
        'error',
        'bad-date',
        `"at" of the answer to ${key} is not a date (${JSON.stringify(record.at)}); write it as 2026-03-01 or 2026-03-01T09:30:00Z`,
      );
      continue;
    }
    const badVote = record.votes?.findIndex((v) => invalidAnswer(question, v.answer) !== undefined) ?? -1;
    if (badVote !== -1) {
      at(['answers', key, 'votes', badVote, 'answer'], 'error', 'invalid-answer', invalidAnswer(question, record.votes![badVote]!.answer)!);
      continue;
    }
    const badCheck = record.evidence?.findIndex((e) => e.checked !== undefined && !dayOf(e.checked)) ?? -1;
    if (badCheck !== -1) {
      at(
        ['answers', key, 'evidence', badCheck, 'checked'],
        'error',
        'bad-date',
        `evidence ${badCheck + 1} of the answer to ${key} was checked on a day that does not exist (${record.evidence![badCheck]!.checked})`,
      );
      continue;
    }
    answers.answers.set(key, record);
  }
  if (empty.length) {
    const shown = empty.slice(0, 5).join(', ');
    at(
      ['answers', empty[0]!, 'answer'],
      'warning',
      'empty-answer',
      `${empty.length} question${empty.length === 1 ? ' has' : 's have'} no answer yet (${shown}${empty.length > 5 ? ', …' : ''}); write each after "answer:", or run cx-audit --answers ${path} to be asked them`,
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, unreadable: false, diagnostics };
  return { ok: true, answers, file, diagnostics };
}
