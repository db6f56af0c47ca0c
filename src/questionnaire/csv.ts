import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../text/spreadsheet.js';
import { COLUMNS, rowCells, type QuestionnaireRow } from './rows.js';

/**
 * The questionnaire as CSV, for people whose spreadsheet is not Excel: the
 * same columns as the workbook, the allowed answers spelled out in "How to
 * answer" since CSV has no drop-downs. RFC 4180 quoting, CRLF line ends, and
 * UTF-8 with a byte-order mark, without which Excel reads "Müller" in the
 * computer's old code page. No cell starts a formula (csvCell).
 */
export function questionnaireCsv(rows: readonly QuestionnaireRow[]): string {
  const records = [COLUMNS.map((c) => c.header), ...rows.map((r) => rowCells(r).map(csvCell))];
  // A line break inside a quoted cell is quoted too: csv-stringify stops doing so once the record delimiter is set.
  return stringify(records, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true });
}
