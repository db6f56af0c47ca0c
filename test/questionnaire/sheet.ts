import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/**
 * A person filling in an exported questionnaire, as a test does it: the
 * cells read and written the way a spreadsheet program would, by another
 * code path than cx-audit's own reader.
 */

/** What to write in a question's row: the Answer cell and, optionally, the Note cell. */
export type Fill = Record<string, { answer?: string; note?: string }>;

/** RFC 4180 records (quoted cells, doubled quotes, CRLF or LF), after a byte-order mark. */
export function parseCsv(text: string, separator = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += c;
  }
  if (cell || record.length) records.push([...record, cell]);
  return records;
}

/** The exported CSV's records with the answers and notes filled in, by the columns its header names. */
export function fillCsv(exported: string, fill: Fill): string[][] {
  const [header, ...rows] = parseCsv(exported);
  const column = (name: string) => header!.indexOf(name);
  for (const row of rows) {
    const cells = fill[row[column('Key')]!];
    if (cells?.answer !== undefined) row[column('Answer')] = cells.answer;
    if (cells?.note !== undefined) row[column('Note')] = cells.note;
  }
  return [header!, ...rows];
}

/** CSV as a spreadsheet saves it: UTF-8 with a byte-order mark, CRLF, the separator of its language. */
export function csvText(records: string[][], separator = ','): string {
  return stringify(records, { bom: true, delimiter: separator, record_delimiter: 'windows' });
}

/** The exported workbook, opened as a spreadsheet program opens it. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The Key column's rows of a sheet: key → row number. */
export function rowsByKey(sheet: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  sheet.eachRow((row, n) => {
    if (n > 1) rows.set(row.getCell(1).text, n);
  });
  return rows;
}

/** The items a list validation's formula points at ("Lists!$B$3:$H$3"), read from the sheet it names. */
export function listItems(workbook: ExcelJS.Workbook, formula: string): string[] {
  const match = /^(\w+)!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!match) throw new Error(`not a one-row range: ${formula}`);
  const [, sheetName, from, row, to] = match;
  const number = (name: string) => [...name].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const sheet = workbook.getWorksheet(sheetName)!;
  const items: string[] = [];
  for (let c = number(from!); c <= number(to!); c++) items.push(sheet.getRow(Number(row)).getCell(c).text);
  return items;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of ZIP (and PNG): what an entry's header says its content sums to. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A ZIP archive of one deflated entry, as a zip bomb is made: `content`
 * packed small, its headers saying it unpacks to `claimed` bytes (the truth
 * unless given).
 */
export function zipOf(name: string, content: Uint8Array, claimed = content.length): Buffer {
  const packed = deflateRawSync(content, { level: 9 });
  const fileName = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(claimed, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(claimed, 24);
  central.writeUInt16LE(fileName.length, 28);
  const directoryAt = local.length + fileName.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, fileName, packed, central, fileName, end]);
}
