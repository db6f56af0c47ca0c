import { Readable } from 'node:stream';
import ExcelJS, { type Worksheet } from 'exceljs';
import type { Profile } from '../answers/model.js';
import type { Diagnostic } from '../files/diagnostic.js';
import { csvCellText } from '../text/spreadsheet.js';
import { csvFault } from './csv.js';
import { isQuestionnaire, type Grid } from './import.js';
import { columnName, COLUMNS, rowCells, type QuestionnaireRow } from './rows.js';
import { withFixedTimes } from './zip.js';

/**
 * The questionnaire as an Excel workbook, and any questionnaire file back to
 * a grid of text. The only module that loads exceljs: the command imports it
 * only for a workbook or an import, so every other command starts without it.
 */

/** A very hidden sheet with each drop-down's items in one row: a list validation may point at cells, with no limit on length or commas. */
const LISTS = 'Lists';
/** A very hidden sheet with what the export knew that the answers file wants back: the client and the profile. */
const SETTINGS = 'cx-audit';
const DEFAULT_SHEET = 'Questionnaire';
/** Excel's limit on a sheet name. */
const SHEET_NAME_MAX = 31;

/** What an export knew besides the questions, kept in the workbook for the import. */
export interface QuestionnaireSettings {
  client?: string | undefined;
  profile?: Profile | undefined;
}

const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD0D0D0' } } as const;

/**
 * The client's name as a sheet name, which Excel limits to 31 characters
 * without : \ / ? * [ ] or an apostrophe at either end; a name that is empty
 * then, or taken (by a hidden sheet, or Excel's own History), gives "Questionnaire".
 */
function sheetName(client: string | undefined): string {
  const name = (client ?? '')
    .replace(/[\p{Cc}:\\/?*[\]]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SHEET_NAME_MAX)
    .replace(/^'+|'+$/g, '')
    .trim();
  return !name || [LISTS, SETTINGS, 'History'].some((taken) => taken.toLowerCase() === name.toLowerCase()) ? DEFAULT_SHEET : name;
}

/** Points each one-answer question's Answer cell at its row of the Lists sheet: Excel shows it as a drop-down and refuses other text. */
function addDropDowns(sheet: Worksheet, lists: Worksheet, rows: readonly QuestionnaireRow[]): void {
  const answer = COLUMNS.findIndex((c) => c.id === 'answer') + 1;
  let listRow = 0;
  for (const row of rows) {
    if (!row.dropDown) continue;
    listRow++;
    lists.getRow(listRow).values = [row.key, ...row.dropDown];
    sheet.getCell(row.row, answer).dataValidation = {
      type: 'list',
      allowBlank: true,
      // A range, not an inline "a,b,c" list: Excel caps those at 255 characters and cannot escape a comma.
      formulae: [`${LISTS}!$B$${listRow}:$${columnName(row.dropDown.length + 1)}$${listRow}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Not one of the answers',
      error: 'Pick an answer from the list, or leave the cell empty.',
    };
  }
}

/**
 * The questionnaire as .xlsx bytes: the header frozen, text wrapped, the Key
 * column grey and locked (the import needs it; the sheet is protected
 * without a password, so it can be unlocked on purpose), everything else
 * open. Dated `date` inside and in the archive, so the same questions,
 * settings and date give the same bytes.
 */
export async function questionnaireWorkbook(rows: readonly QuestionnaireRow[], settings: QuestionnaireSettings, date: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cx-audit';
  workbook.lastModifiedBy = 'cx-audit';
  workbook.created = date;
  workbook.modified = date;
  const sheet = workbook.addWorksheet(sheetName(settings.client), { views: [{ state: 'frozen', ySplit: 1, activeCell: 'D2' }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.id,
    width: c.width,
    style:
      c.id === 'key'
        ? { alignment: { vertical: 'top' }, fill: GREY, font: { color: { argb: 'FF595959' } }, protection: { locked: true } }
        : { alignment: { vertical: 'top', wrapText: true }, protection: { locked: false } },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.protection = { locked: true };
  for (const row of rows) sheet.addRow(rowCells(row));

  addDropDowns(sheet, workbook.addWorksheet(LISTS, { state: 'veryHidden' }), rows);
  const kept = workbook.addWorksheet(SETTINGS, { state: 'veryHidden' });
  if (settings.client !== undefined) kept.addRow(['client', settings.client]);
  if (settings.profile && Object.keys(settings.profile).length) kept.addRow(['profile', JSON.stringify(settings.profile)]);

  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return withFixedTimes(new Uint8Array(await workbook.xlsx.writeBuffer()), date);
}

/** A worksheet's rows as text, as the spreadsheet shows each cell (rich text joined, a formula's result, a number's digits). */
function gridOf(sheet: Worksheet, text: (cell: string) => string = (cell) => cell): Grid {
  const rows: Grid['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(text(row.getCell(c).text));
    rows.push({ row: number, cells });
  });
  return { rows };
}

/** The settings an export kept in the workbook; a profile that does not read back is a warning, and the flags can give it. */
function settingsOf(sheet: Worksheet | undefined, file: string): { settings: QuestionnaireSettings; diagnostics: Diagnostic[] } {
  const settings: QuestionnaireSettings = {};
  const diagnostics: Diagnostic[] = [];
  sheet?.eachRow((row) => {
    const [name, value] = [row.getCell(1).text, row.getCell(2).text];
    if (name === 'client' && value) settings.client = value;
    if (name !== 'profile') return;
    try {
      const profile: unknown = JSON.parse(value);
      if (profile === null || typeof profile !== 'object' || Array.isArray(profile)) throw new Error('not an object');
      settings.profile = profile;
    } catch {
      diagnostics.push({
        file,
        severity: 'warning',
        rule: 'lost-profile',
        message: 'the business profile kept in the workbook cannot be read; give it with the profile flags (--profile, --channels…) as for the export',
      });
    }
  });
  return { settings, diagnostics };
}

export type GridRead = { ok: true; grid: Grid; settings: QuestionnaireSettings; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * A workbook's questionnaire sheet as a grid: the first sheet that starts
 * with the questionnaire's header row, else the first sheet, whose
 * missing header the import then names.
 */
export async function workbookGrid(bytes: Uint8Array, file: string): Promise<GridRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares the pre-generic Buffer type; a fresh Buffer satisfies it at run time.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostics: [
        { file, severity: 'error', rule: 'bad-xlsx', message: `cannot be read as an Excel workbook (${why}); open it in Excel and save it again as .xlsx` },
      ],
    };
  }
  const sheets = workbook.worksheets.filter((s) => s.name !== LISTS && s.name !== SETTINGS).map((s) => gridOf(s));
  const { settings, diagnostics } = settingsOf(workbook.getWorksheet(SETTINGS), file);
  return { ok: true, grid: sheets.find(isQuestionnaire) ?? sheets[0] ?? { rows: [] }, settings, diagnostics };
}

/** The separator of a CSV file: a comma, or what a spreadsheet set to another language saves with (a semicolon, a tab), by its first line. */
function separatorOf(text: string): string {
  const first = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = [',', ';', '\t'].map((s) => ({ s, n: first.split(s).length }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).s;
}

/**
 * A CSV questionnaire as a grid, read by the same library as a workbook.
 * Each record is one row, numbered as a spreadsheet numbers it, and the
 * apostrophe the export put before a formula-like cell is taken off.
 */
export async function csvGrid(text: string, file: string): Promise<GridRead> {
  const workbook = new ExcelJS.Workbook();
  const separator = separatorOf(text);
  try {
    const sheet = await workbook.csv.read(Readable.from([text]), { map: (value: string) => value, parserOptions: { delimiter: separator } });
    return { ok: true, grid: gridOf(sheet, csvCellText), settings: {}, diagnostics: [] };
  } catch (error) {
    // The library's message names no place and quotes the rest of the file: the place is found again, the quote left out.
    const fault = csvFault(text, separator);
    const why = fault?.message ?? (error instanceof Error ? error.message : String(error)).replace(/ (in line: )?at '[\s\S]*$/, '');
    const place = fault ? { line: fault.line, column: fault.column } : {};
    return {
      ok: false,
      diagnostics: [{ file, ...place, severity: 'error', rule: 'bad-csv', message: `is not valid CSV: ${why}; save it from the spreadsheet as CSV again` }],
    };
  }
}
