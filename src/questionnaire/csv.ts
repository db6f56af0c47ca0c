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

/** Where a CSV file breaks the quoting rules, by line and column of the text, and what is wrong there. */
export interface CsvFault {
  line: number;
  column: number;
  message: string;
}

/**
 * The first place the CSV reader stumbles on, found again by a scan of the
 * quoting alone: the library's own error says neither the line nor the
 * column. A quoted cell must end with a quote followed by the separator or
 * the end of the line (spaces may come between), and must end at all.
 */
export function csvFault(text: string, separator: string): CsvFault | undefined {
  let line = 1;
  let lineStart = 0;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      cellStart = true;
    } else if (c === separator) cellStart = true;
    else if (c === '"' && cellStart) {
      const open = { line, column: i - lineStart + 1 };
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') i++;
        else if (text[i] === '"') break;
        else if (text[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      if (i >= text.length) return { ...open, message: 'this quoted cell has no closing quote ("), so the rest of the file would be one cell' };
      let after = i + 1;
      while (text[after] === ' ' || text[after] === '\t') after++;
      const next = text[after];
      if (next !== undefined && next !== separator && next !== '\r' && next !== '\n')
        return {
          line,
          column: after - lineStart + 1,
          message: 'there is text after the closing quote of a cell; a quote inside a quoted cell is written twice ("")',
        };
      i = after - 1;
      cellStart = false;
    } else if (c !== ' ' && c !== '\t') cellStart = false;
  }
  return undefined;
}
