import type { Diagnostic } from '../files/diagnostic.js';
import type { LoadedChecklist, Question } from '../checklist/model.js';
import { NOT_APPLICABLE, UNSURE } from '../checklist/vocabulary.js';
import { schemaDiagnostics } from '../files/schema-diagnostics.js';
import type { ReadContext } from '../files/read-input.js';
import { readYamlFile, type YamlFile } from '../files/yaml-file.js';
import { validateAnswersFile } from '../generated/validators.js';
import { kindOf } from '../questions/index.js';
import { answersVocabulary } from './answers-vocabulary.js';
import type { Answers, AnswersFile, AnswerValue } from './model.js';

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
  for (const key in data.answers) {
    const record = data.answers[key]!;
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
    const problem = invalidAnswer(question, record.answer);
    if (problem) {
      at(['answers', key, 'answer'], 'error', 'invalid-answer', problem);
      continue;
    }
    answers.answers.set(key, record);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, unreadable: false, diagnostics };
  return { ok: true, answers, file, diagnostics };
}
