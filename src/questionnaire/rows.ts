import type { Profile } from '../answers/model.js';
import { possibleQuestions } from '../checklist/applicability.js';
import type { LoadedChecklist, Question } from '../checklist/model.js';
import { answerForm, dropDownItems, howToAnswer } from './answer-text.js';
import { conditionText } from './follow-up.js';

/**
 * The questionnaire as rows, the same for a workbook and for CSV: one row
 * per question the profile can be asked, follow-ups included and marked.
 */

/** The columns, in order, with their widths in a workbook (in characters). Import finds Key, Answer and Note by their headers. */
export const COLUMNS = [
  { id: 'key', header: 'Key', width: 34 },
  { id: 'checklist', header: 'Checklist', width: 22 },
  { id: 'question', header: 'Question', width: 50 },
  { id: 'answer', header: 'Answer', width: 26 },
  { id: 'note', header: 'Note', width: 36 },
  { id: 'why', header: 'Why it matters', width: 50 },
  { id: 'howTo', header: 'How to answer', width: 50 },
] as const;

/** "D", "AA": the name of a column number, as the spreadsheet shows it. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

type ColumnId = (typeof COLUMNS)[number]['id'];

/** One question of the sheet, with the row it is written in (the header is row 1). */
export interface QuestionnaireRow {
  row: number;
  key: string;
  checklist: string;
  question: string;
  why: string;
  howTo: string;
  /** The drop-down's items for a one-answer question; undefined for a free cell. */
  dropDown: string[] | undefined;
  followUp: boolean;
}

/** "Asked only if …": what a person filling in the sheet needs to know to skip a follow-up. */
function followUpText(question: Question, locate: Parameters<typeof conditionText>[2]): string {
  return question.when ? `Asked only if ${conditionText(question.when, question.checklistId, locate)}; otherwise leave it empty. ` : '';
}

/**
 * Every question the profile can be asked (questions/applicability's
 * possibleQuestions, with no answers yet: a follow-up stays unless its
 * condition can never hold), in checklist order.
 */
export function questionnaireRows(checklists: readonly LoadedChecklist[], profile: Profile): QuestionnaireRow[] {
  const titles = new Map(checklists.map((c) => [c.id, c.title]));
  const questions = checklists.flatMap((c) => possibleQuestions(c.questions, profile, new Map()));
  const rows = new Map(questions.map((q, i) => [q.key, { question: q, row: i + 2 }]));
  return questions.map((q, i) => {
    const form = answerForm(q);
    return {
      row: i + 2,
      key: q.key,
      checklist: titles.get(q.checklistId) ?? q.checklistId,
      question: q.text,
      why: q.why ?? '',
      howTo: `${followUpText(q, (key) => rows.get(key))}${howToAnswer(form)}`,
      dropDown: dropDownItems(form),
      followUp: q.when !== undefined,
    };
  });
}

/** A row's cells in column order, the answer and the note left empty. */
export function rowCells(row: QuestionnaireRow): string[] {
  const cells: Record<ColumnId, string> = { ...row, answer: '', note: '' };
  return COLUMNS.map((c) => cells[c.id]);
}
