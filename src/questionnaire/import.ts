import type { AnswerRecord, Profile } from '../answers/model.js';
import { askedQuestions, inProfile } from '../checklist/applicability.js';
import type { LoadedChecklist, Question } from '../checklist/model.js';
import type { Diagnostic } from '../files/diagnostic.js';
import { answerForm, readAnswer } from './answer-text.js';
import { conditionText } from './follow-up.js';
import { columnName, COLUMNS } from './rows.js';

/**
 * A filled-in questionnaire back to answers: the spreadsheet's cells, read
 * as text, become answer records, and every cell that cannot be read gets a
 * diagnostic at its row (the line) and column (the column number: D is 4),
 * all of them in one pass.
 */

/** A sheet as text: its rows that hold something, by their number (1-based), each with its cells (cells[0] is column A). */
export interface Grid {
  rows: { row: number; cells: string[] }[];
}

/** The columns import reads, by number (1-based), found by their headers: people may move or add columns. */
interface Columns {
  key: number;
  answer: number;
  note: number | undefined;
}

export interface GridAnswers {
  answers: Map<string, AnswerRecord>;
  /** Where each question's row is, with the columns: diagnostics about an answer point at its cell. */
  places: Map<string, { row: number; columns: Columns }>;
  diagnostics: Diagnostic[];
}

const HEADER = Object.fromEntries(COLUMNS.map((c) => [c.id, c.header])) as Record<(typeof COLUMNS)[number]['id'], string>;

/** Where the Key, Answer and Note headers are in a row, if it has them. */
function headerColumns(cells: readonly string[]): Partial<Columns> {
  const find = (header: string) => {
    const i = cells.findIndex((c) => c.trim().toLowerCase() === header.toLowerCase());
    return i < 0 ? undefined : i + 1;
  };
  return { key: find(HEADER.key), answer: find(HEADER.answer), note: find(HEADER.note) };
}

/** Whether a sheet starts with a questionnaire's header row. */
export function isQuestionnaire(grid: Grid): boolean {
  const first = grid.rows[0];
  const columns = first && headerColumns(first.cells);
  return columns?.key !== undefined && columns.answer !== undefined;
}

/** The rule of a sheet with no rows at all: the one error of an import that is not in a cell. */
export const EMPTY_QUESTIONNAIRE = 'empty-questionnaire';

function diagnostic(file: string, row: number, column: number, severity: Diagnostic['severity'], rule: string, message: string): Diagnostic {
  return { file, line: row, column, severity, rule, message };
}

/** Why a row that is not one of the checklists' questions is skipped: a warning, once per missing checklist. */
function unknownKey(key: string, checklists: ReadonlyMap<string, LoadedChecklist>, warned: Set<string>): { rule: string; message: string } | undefined {
  const checklistId = key.split('/')[0]!;
  const checklist = checklists.get(checklistId);
  if (checklist)
    return { rule: 'unknown-question', message: `question ${key} is not in ${checklistId} ${checklist.version} (removed or renamed?); this row is ignored` };
  if (warned.has(checklistId)) return undefined;
  warned.add(checklistId);
  return { rule: 'unknown-checklist', message: `answers for checklist "${checklistId}", which is not loaded, are ignored; pass its file to include them` };
}

/**
 * Reads the answers of a questionnaire sheet. Empty answers are left out
 * (the report names them as unanswered); unknown keys are warnings, as in
 * an answers file; a cell that answers nothing is an error.
 */
export function answersFromGrid(grid: Grid, checklists: readonly LoadedChecklist[], file: string): GridAnswers {
  const result: GridAnswers = { answers: new Map(), places: new Map(), diagnostics: [] };
  const at = (row: number, column: number, severity: Diagnostic['severity'], rule: string, message: string) =>
    result.diagnostics.push(diagnostic(file, row, column, severity, rule, message));
  const [header, ...rows] = grid.rows;
  if (!header) {
    at(1, 1, 'error', EMPTY_QUESTIONNAIRE, 'is empty; export a questionnaire with `cx-audit questionnaire export`, fill it in, then import that');
    return result;
  }
  const found = headerColumns(header.cells);
  if (found.key === undefined || found.answer === undefined) {
    const missing = [found.key === undefined && HEADER.key, found.answer === undefined && HEADER.answer].filter(Boolean).join(' and ');
    at(header.row, 1, 'error', 'missing-column', `the header row has no ${missing} column; keep the first row of the exported questionnaire as it is`);
    return result;
  }
  const columns: Columns = { key: found.key, answer: found.answer, note: found.note };
  const questions = new Map(checklists.flatMap((c) => c.questions.map((q) => [q.key, q])));
  const byId = new Map(checklists.map((c) => [c.id, c]));
  const warned = new Set<string>();
  const cell = (cells: readonly string[], column: number | undefined) => (column === undefined ? '' : (cells[column - 1] ?? '').trim());

  for (const { row, cells } of rows) {
    const key = cell(cells, columns.key);
    const answer = cell(cells, columns.answer);
    const note = cell(cells, columns.note);
    const ref = (column: number) => `${columnName(column)}${row}`;
    if (!key) {
      if (answer || note)
        at(
          row,
          columns.key,
          'error',
          'missing-key',
          `row ${row} has ${answer ? 'an answer' : 'a note'} but no key in ${ref(columns.key)}; copy the key of its question from the exported questionnaire`,
        );
      continue;
    }
    const earlier = result.places.get(key);
    if (earlier) {
      at(row, columns.key, 'error', 'duplicate-key', `${key} is also in row ${earlier.row}; keep one row per question`);
      continue;
    }
    const question = questions.get(key);
    if (!question) {
      const problem = unknownKey(key, byId, warned);
      if (problem) at(row, columns.key, 'warning', problem.rule, problem.message);
      continue;
    }
    result.places.set(key, { row, columns });
    if (!answer) {
      if (note)
        at(
          row,
          columns.note!,
          'warning',
          'note-without-answer',
          `${ref(columns.note!)} has a note, but ${ref(columns.answer)} no answer; the note is left out until the question is answered`,
        );
      continue;
    }
    const reading = readAnswer(answerForm(question), answer);
    if ('error' in reading) {
      at(row, columns.answer, 'error', 'invalid-answer', `${JSON.stringify(answer)} in ${ref(columns.answer)} does not answer ${key}: ${reading.error}`);
      continue;
    }
    result.answers.set(key, note ? { answer: reading.value, note } : { answer: reading.value });
  }
  return result;
}

/**
 * Answers to follow-ups whose condition the other answers rule out: the
 * report leaves them out, as the interview would never have asked them, and
 * the person who filled in the sheet should know.
 */
export function unaskedAnswers(imported: GridAnswers, checklists: readonly LoadedChecklist[], profile: Profile | undefined, file: string): Diagnostic[] {
  const questions = new Map<string, Question>(checklists.flatMap((c) => c.questions.map((q) => [q.key, q])));
  const locate = (key: string) => {
    const place = imported.places.get(key);
    const question = questions.get(key);
    return place && question ? { question, row: place.row } : undefined;
  };
  const diagnostics: Diagnostic[] = [];
  for (const checklist of checklists) {
    const asked = new Set(askedQuestions(checklist.questions, profile, imported.answers).map((q) => q.key));
    for (const q of checklist.questions) {
      const place = imported.places.get(q.key);
      if (!q.when || asked.has(q.key) || !imported.answers.has(q.key) || !place || !inProfile(q, profile)) continue;
      diagnostics.push(
        diagnostic(
          file,
          place.row,
          place.columns.answer,
          'warning',
          'not-asked',
          `${q.key} is answered, but it is asked only if ${conditionText(q.when, q.checklistId, locate)}, which the other answers rule out; the report leaves this answer out`,
        ),
      );
    }
  }
  return diagnostics;
}
