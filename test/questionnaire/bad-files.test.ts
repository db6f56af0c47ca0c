import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';

const DIR = 'test/fixtures/bad/questionnaire';
const CAFE = 'test/fixtures/questionnaire/cafe.yaml';
const CELLS = 'Fix these cells and import it again; nothing was written.';
const NOTHING = 'Nothing was written.';

/**
 * Questionnaires that cannot be imported: each gets exit 2, every problem
 * with its place (file:row:column when it is in a cell), the closing line,
 * and no answers file.
 */
const CASES: Record<string, { lines: string[]; closing: string }> = {
  'bad-cells.csv': {
    lines: [
      '3:4: error: "7" in D3 does not answer cafe/menu-clarity: pick one of 1 – Not at all, 2 – A little, 3 – Partly, 4 – Mostly, 5 – Fully, Not applicable or Unsure [invalid-answer]',
      '4:4: error: "Within a minute" in D4 does not answer cafe/wait-time: pick one of Over ten minutes, Under ten minutes, Served at once, Not applicable or Unsure [invalid-answer]',
      '5:1: warning: question cafe/terrace is not in cafe 1.0.0 (removed or renamed?); this row is ignored [unknown-question]',
      '6:1: error: cafe/wifi is also in row 2; keep one row per question [duplicate-key]',
      '7:4: error: "phone, pigeon" in D7 does not answer cafe/bookings: "pigeon" is not one of its choices; write any of phone, email or web (or their labels), separated by commas, or none [invalid-answer]',
      '8:1: error: row 8 has a note but no key in A8; copy the key of its question from the exported questionnaire [missing-key]',
    ],
    closing: CELLS,
  },
  'csv-named-xlsx.xlsx': {
    lines: [': error: is a text file, not an Excel workbook; if it is the CSV questionnaire, name it .csv, else export the questionnaire again [not-xlsx]'],
    closing: NOTHING,
  },
  'damaged.xlsx': {
    lines: [': error: is a damaged Excel workbook (its ZIP archive cannot be read); open it in Excel and save it again [bad-xlsx]'],
    closing: NOTHING,
  },
  'empty.csv': {
    lines: ['1:1: error: is empty; export a questionnaire with `cx-audit questionnaire export`, fill it in, then import that [empty-questionnaire]'],
    closing: NOTHING,
  },
  'excel-97.xls': {
    lines: [': error: is an Excel 97–2003 workbook (.xls) or a password-protected one; save it as an Excel Workbook (.xlsx) without a password [old-xls]'],
    closing: NOTHING,
  },
  'no-answer-column.csv': {
    lines: ['1:1: error: the header row has no Answer column; keep the first row of the exported questionnaire as it is [missing-column]'],
    closing: CELLS,
  },
  'text-after-quote.csv': {
    lines: [
      '2:58: error: is not valid CSV: there is text after the closing quote of a cell; a quote inside a quoted cell is written twice (""); save it from the spreadsheet as CSV again [bad-csv]',
    ],
    closing: NOTHING,
  },
  'unclosed-quote.csv': {
    lines: [
      '2:25: error: is not valid CSV: this quoted cell has no closing quote ("), so the rest of the file would be one cell; save it from the spreadsheet as CSV again [bad-csv]',
    ],
    closing: NOTHING,
  },
  'windows-1252.csv': {
    lines: ['2:23: error: is not valid UTF-8; save the questionnaire with UTF-8 encoding [encoding]'],
    closing: NOTHING,
  },
  'workbook-named-csv.csv': {
    lines: [': error: is an Excel workbook, not CSV; name it .xlsx [not-csv]'],
    closing: NOTHING,
  },
};

describe('questionnaires that cannot be imported', () => {
  it.each(Object.entries(CASES))('%s', async (name, { lines, closing }) => {
    const file = `${DIR}/${name}`;
    const output = join(mkdtempSync(join(tmpdir(), 'cx-audit-questionnaire-')), 'answers.yaml');
    const result = await runCli(['questionnaire', 'import', file, CAFE, '-o', output]);
    expect(result.code).toBe(EXIT.cannotRun);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cx-audit: cannot import ${file}:\n${lines.map((l) => `${file}${l.startsWith(':') ? l : `:${l}`}\n`).join('')}${closing}\n`);
    expect(existsSync(output)).toBe(false);
  });

  it('covers every file in the folder', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(CASES).sort());
  });
});
