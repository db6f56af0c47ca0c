import { statSync } from 'node:fs';
import type { Diagnostic } from '../files/diagnostic.js';
import { describeSize, MAX_FILE_BYTES } from '../files/limits.js';
import { readInput, readRegular, type ReadContext } from '../files/read-input.js';
import { looksLikeZip, unpackedSize } from './zip.js';

/** What the file is, for messages. */
const QUESTIONNAIRE = 'questionnaire';

/**
 * The most a workbook may unpack to. Its ZIP entries are unpacked whole into
 * memory, so this, not the file size, bounds what an import costs; a
 * questionnaire of a thousand questions unpacks to well under a megabyte.
 */
const MAX_UNPACKED_BYTES = 4 * MAX_FILE_BYTES;

/** The two kinds of questionnaire file: a workbook's bytes, or the text of a CSV file. */
type QuestionnaireFile = { format: 'xlsx'; bytes: Uint8Array } | { format: 'csv'; text: string };

export type QuestionnaireRead = { ok: true; file: QuestionnaireFile; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** An old binary Office file (Excel 97–2003, or any password-protected workbook): an OLE2 compound document. */
function looksLikeOle(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0].every((b, i) => bytes[i] === b);
}

/**
 * Reads a questionnaire and tells a workbook from CSV by its content: a name
 * that says one while the content is the other is an error that says so,
 * since the file is then not what the person thinks they sent. Text goes
 * through readInput, with the project's size limit and encoding checks; a
 * workbook is read again as bytes, and its unpacked size checked before any
 * of it is unpacked.
 */
export async function readQuestionnaire(path: string, context: ReadContext): Promise<QuestionnaireRead> {
  const fail = (rule: string, message: string): QuestionnaireRead => ({ ok: false, diagnostics: [{ file: path, severity: 'error', rule, message }] });
  const namedXlsx = /\.xls[xm]$/i.test(path);
  const namedCsv = /\.csv$/i.test(path);
  // readInput would ask for the YAML files in a folder; a questionnaire is one spreadsheet file.
  if (path !== '-' && statSync(path, { throwIfNoEntry: false })?.isDirectory())
    return fail('unreadable', 'is a folder, not a questionnaire; pass the filled-in questionnaire file (.xlsx or .csv)');
  const read = await readInput(path, { ...context, kind: QUESTIONNAIRE });
  if (read.ok) {
    if (namedXlsx)
      return fail('not-xlsx', 'is a text file, not an Excel workbook; if it is the CSV questionnaire, name it .csv, else export the questionnaire again');
    // The byte-order mark is what Excel needs to read CSV as UTF-8: no warning for it.
    return { ok: true, file: { format: 'csv', text: read.input.text }, diagnostics: read.input.diagnostics.filter((d) => d.rule !== 'byte-order-mark') };
  }
  if (read.reason === 'unreadable' || read.diagnostics.some((d) => d.rule === 'file-too-large')) return read;
  if (path === '-' || !statSync(path).isFile())
    return fail('not-a-file', 'is not a regular file; an Excel workbook is read from a file, not a pipe or the standard input');
  const bytes = readRegular(path, MAX_FILE_BYTES);
  if (looksLikeOle(bytes))
    return fail('old-xls', 'is an Excel 97–2003 workbook (.xls) or a password-protected one; save it as an Excel Workbook (.xlsx) without a password');
  if (!looksLikeZip(bytes))
    return namedXlsx ? fail('not-xlsx', 'is not an Excel workbook (.xlsx): it does not start as one; export the questionnaire again') : read;
  if (namedCsv) return fail('not-csv', 'is an Excel workbook, not CSV; name it .xlsx');
  const size = unpackedSize(bytes, MAX_UNPACKED_BYTES);
  if (size === undefined) return fail('bad-xlsx', 'is a damaged Excel workbook (its ZIP archive cannot be read); open it in Excel and save it again');
  if (size > MAX_UNPACKED_BYTES)
    return fail('file-too-large', `unpacks to more than ${describeSize(MAX_UNPACKED_BYTES)}; a questionnaire may unpack to at most that. Export it again`);
  return { ok: true, file: { format: 'xlsx', bytes }, diagnostics: [] };
}
