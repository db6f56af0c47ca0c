import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/main.js';
import { EXIT } from '../../src/errors.js';
import type { Report } from '../../src/generated/report.js';
import { Capture, runBin, runCli } from '../helpers/run-cli.js';
import { csvText, fillCsv, listItems, openWorkbook, parseCsv, rowsByKey, zipOf, type Fill } from './sheet.js';

const CAFE = 'test/fixtures/questionnaire/cafe.yaml';
const PROFILE = ['--profile', 'b2c', '--channels', 'physical-store'];
/** 2026-03-02: the day of every run here, so answers are dated and reports made that day. */
const ENV = { SOURCE_DATE_EPOCH: '1772409600' };
const DAY = '2026-03-02';

/** The questions of cafe.yaml this profile can be asked, in order: not delivery-app (web-shop only). */
const CAFE_KEYS = [
  'cafe/wifi',
  'cafe/card-payment',
  'cafe/allergens-listed',
  'cafe/menu-clarity',
  'cafe/wait-time',
  'cafe/bookings',
  'cafe/regulars-known',
  'cafe/loyalty-card',
  'cafe/loyalty-digital',
  'cafe/staff-briefed',
  'cafe/story',
];

const HEADER = ['Key', 'Checklist', 'Question', 'Answer', 'Note', 'Why it matters', 'How to answer'];

/** What each filled-in sheet must come back as: a yes with a note, a no, n/a, a scale point, a choice, a multi, unsure, text. */
const EXPECTED_ANSWERS = {
  'cafe/wifi': { answer: 'yes', note: 'The password is on the counter', at: DAY },
  'cafe/card-payment': { answer: 'no', at: DAY },
  'cafe/allergens-listed': { answer: 'n/a', at: DAY },
  'cafe/menu-clarity': { answer: 3, at: DAY },
  'cafe/wait-time': { answer: 'short', at: DAY },
  'cafe/bookings': { answer: ['phone', 'web'], at: DAY },
  'cafe/regulars-known': { answer: 'unsure', at: DAY },
  'cafe/story': { answer: 'Family-run since 1962', at: DAY },
};

const tmp = () => mkdtempSync(join(tmpdir(), 'cx-audit-questionnaire-'));

/** `cx-audit report answers -f json` on cafe.yaml, checked to have run. */
async function reportOf(answersFile: string): Promise<{ json: Report; stderr: string }> {
  const result = await runCli(['report', answersFile, CAFE, '-f', 'json'], ENV);
  expect(result.code, result.stderr).toBe(0);
  return { json: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

/** What the report makes of the EXPECTED_ANSWERS: each scored, and the three rows left empty named as unanswered. */
function expectScored(json: Report): void {
  const byKey = new Map(json.answers.map((a) => [a.key, a]));
  expect(json.answers.filter((a) => a.status === 'unanswered').map((a) => a.key)).toEqual(['cafe/loyalty-card', 'cafe/loyalty-digital', 'cafe/staff-briefed']);
  expect(byKey.get('cafe/wifi')).toMatchObject({ status: 'answered', compliance: 1, note: 'The password is on the counter' });
  expect(byKey.get('cafe/card-payment')).toMatchObject({ status: 'answered', compliance: 0 });
  expect(byKey.get('cafe/menu-clarity')).toMatchObject({ status: 'answered', answer: 3, compliance: 0.5 });
  expect(byKey.get('cafe/wait-time')).toMatchObject({ status: 'answered', answer: 'short', label: 'Under ten minutes', compliance: 0.5 });
  expect(byKey.get('cafe/bookings')).toMatchObject({ status: 'answered', answer: ['phone', 'web'], compliance: 0.75 });
  expect(byKey.get('cafe/allergens-listed')?.status).toBe('not-applicable');
  expect(byKey.get('cafe/regulars-known')?.status).toBe('unsure');
  expect(json.coverage).toMatchObject({ applicable: 11, answered: 6, notApplicable: 1, unsure: 1, unanswered: 3, stale: 0 });
}

describe('questionnaire export → filled in → import → report', () => {
  it('round-trips a workbook: drop-downs, the why, the answers, the client and the profile it kept', async () => {
    const dir = tmp();
    const sheetFile = join(dir, 'café.xlsx');
    const answersFile = join(dir, 'answers.yaml');
    const exported = await runCli(['questionnaire', 'export', CAFE, ...PROFILE, '--client', 'Café Müller', '-o', sheetFile], ENV);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toBe(
      `Questionnaire written to ${sheetFile}: 11 questions, 1 of them follow-up (asked only after certain answers). Once it is filled in, run \`cx-audit questionnaire import ${sheetFile} -o answers.yaml\`.\n`,
    );

    const workbook = await openWorkbook(sheetFile);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Café Müller');
    expect(workbook.worksheets.filter((s) => s.state === 'visible')).toHaveLength(1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER]);
    const rows = rowsByKey(sheet);
    expect([...rows.keys()]).toEqual(CAFE_KEYS);
    expect(sheet.rowCount).toBe(CAFE_KEYS.length + 1);
    const row = (key: string) => sheet.getRow(rows.get(key)!);
    expect(row('cafe/wait-time').getCell(3).text).toBe('How long does a guest wait for a coffee at the busiest hour?');
    expect(row('cafe/wait-time').getCell(6).text).toBe('A long wait in the morning sends commuters to the chain next door.');
    expect(row('cafe/loyalty-digital').getCell(7).text).toBe(
      'Asked only if cafe/loyalty-card (row 9) is “Yes”; otherwise leave it empty. One of: Yes, No, Not applicable, Unsure.',
    );
    // A drop-down on the Answer cell of each one-answer question, refusing anything else; none on a multi or a text.
    const dropDown = (key: string) => {
      const validation = row(key).getCell(4).dataValidation;
      expect(validation, key).toMatchObject({ type: 'list', allowBlank: true, showErrorMessage: true, errorStyle: 'stop' });
      return listItems(workbook, validation.formulae[0] as string);
    };
    expect(dropDown('cafe/wifi')).toEqual(['Yes', 'No', 'Not applicable', 'Unsure']);
    expect(dropDown('cafe/wait-time')).toEqual(['Over ten minutes', 'Under ten minutes', 'Served at once', 'Not applicable', 'Unsure']);
    expect(dropDown('cafe/menu-clarity')).toEqual(['1 – Not at all', '2 – A little', '3 – Partly', '4 – Mostly', '5 – Fully', 'Not applicable', 'Unsure']);
    expect(row('cafe/bookings').getCell(4).dataValidation).toBeUndefined();
    expect(row('cafe/story').getCell(4).dataValidation).toBeUndefined();

    // Fill it in as someone picking from the drop-downs would, leave three rows empty (one with a note), save.
    const fill: Fill = {
      'cafe/wifi': { answer: 'Yes', note: 'The password is on the counter' },
      'cafe/card-payment': { answer: 'No' },
      'cafe/allergens-listed': { answer: 'Not applicable' },
      'cafe/menu-clarity': { answer: '3 – Partly' },
      'cafe/wait-time': { answer: 'Under ten minutes' },
      'cafe/bookings': { answer: 'Phone, Online form' },
      'cafe/regulars-known': { answer: 'Unsure' },
      'cafe/staff-briefed': { note: 'Ask Anna' },
      'cafe/story': { answer: 'Family-run since 1962' },
    };
    for (const [key, cells] of Object.entries(fill)) {
      if (cells.answer !== undefined) row(key).getCell(4).value = cells.answer;
      if (cells.note !== undefined) row(key).getCell(5).value = cells.note;
    }
    writeFileSync(sheetFile, new Uint8Array(await workbook.xlsx.writeBuffer()));

    // No profile flags: the workbook kept the profile and the client.
    const imported = await runCli(['questionnaire', 'import', sheetFile, CAFE, '-o', answersFile, '--auditor', 'Ines'], ENV);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('');
    expect(imported.stderr).toBe(
      `${sheetFile}:11:5: warning: E11 has a note, but D11 no answer; the note is left out until the question is answered [note-without-answer]\n` +
        `Imported 8 answers from ${sheetFile} into ${answersFile}; 3 questions were left empty, and the report names them as unanswered.\n`,
    );
    const written = parse(readFileSync(answersFile, 'utf8'));
    expect(written).toMatchObject({ client: 'Café Müller', auditor: 'Ines', profile: { customerTypes: ['b2c'], channels: ['physical-store'] } });
    expect(written.answers).toEqual(EXPECTED_ANSWERS);

    const { json, stderr } = await reportOf(answersFile);
    expectScored(json);
    expect(json.client).toBe('Café Müller');
    expect(stderr).toBe(
      `4 questions that apply are not answered for sure yet, so the score is a range. Run \`cx-audit ${CAFE} --answers ${answersFile}\` to finish them.\n`,
    );
  });

  it.each([
    { name: 'comma-separated, as exported', separator: ',', bookings: 'phone, web' },
    { name: 'semicolon-separated, as a spreadsheet set to German saves it', separator: ';', bookings: 'Phone; Online form' },
  ])('round-trips CSV, $name', async ({ separator, bookings }) => {
    const dir = tmp();
    const sheetFile = join(dir, 'cafe.csv');
    const answersFile = join(dir, 'answers.yaml');
    const exported = await runCli(['questionnaire', 'export', CAFE, ...PROFILE, '-o', sheetFile], ENV);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(
      `Questionnaire written to ${sheetFile}: 11 questions, 1 of them follow-up (asked only after certain answers). Once it is filled in, run \`cx-audit questionnaire import ${sheetFile} -o answers.yaml\` with the same profile flags.\n`,
    );
    const text = readFileSync(sheetFile, 'utf8');
    expect(text.startsWith('\uFEFFKey,Checklist,Question,Answer,Note,Why it matters,How to answer\r\n')).toBe(true);
    const records = parseCsv(text);
    expect(records.map((r) => r[0])).toEqual(['Key', ...CAFE_KEYS]);
    expect(records.find((r) => r[0] === 'cafe/wait-time')).toEqual([
      'cafe/wait-time',
      'A corner café',
      'How long does a guest wait for a coffee at the busiest hour?',
      '',
      '',
      'A long wait in the morning sends commuters to the chain next door.',
      'One of: Over ten minutes, Under ten minutes, Served at once, Not applicable, Unsure.',
    ]);

    // Typed by hand, as CSV has no drop-downs: lower case, ids, a bare scale number, other spellings of n/a and unsure.
    const filled = fillCsv(text, {
      'cafe/wifi': { answer: 'yes', note: 'The password is on the counter' },
      'cafe/card-payment': { answer: 'no' },
      'cafe/allergens-listed': { answer: 'n/a' },
      'cafe/menu-clarity': { answer: '3' },
      'cafe/wait-time': { answer: 'under ten minutes' },
      'cafe/bookings': { answer: bookings },
      'cafe/regulars-known': { answer: 'not sure' },
      'cafe/story': { answer: 'Family-run since 1962' },
    });
    writeFileSync(sheetFile, csvText(filled, separator));
    if (separator === ';')
      expect(readFileSync(sheetFile, 'utf8')).toContain('\ncafe/bookings;A corner café;How can guests book a table?;"Phone; Online form";;');

    const imported = await runCli(['questionnaire', 'import', sheetFile, CAFE, ...PROFILE, '-o', answersFile], ENV);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe(
      `Imported 8 answers from ${sheetFile} into ${answersFile}; 3 questions were left empty, and the report names them as unanswered.\n`,
    );
    const written = parse(readFileSync(answersFile, 'utf8'));
    expect(written.profile).toEqual({ customerTypes: ['b2c'], channels: ['physical-store'] });
    expect(written.answers).toEqual(EXPECTED_ANSWERS);
    expectScored((await reportOf(answersFile)).json);
  });
});

describe('questionnaire import: what it says about the sheet', () => {
  it('names every bad cell of a workbook in one run, at its row and column, and writes nothing', async () => {
    const dir = tmp();
    const sheetFile = join(dir, 'cafe.xlsx');
    const answersFile = join(dir, 'answers.yaml');
    expect((await runCli(['questionnaire', 'export', CAFE, ...PROFILE, '-o', sheetFile], ENV)).code).toBe(0);
    const workbook = await openWorkbook(sheetFile);
    const sheet = workbook.worksheets[0]!;
    const rows = rowsByKey(sheet);
    // Pasted, which no drop-down stops, or typed where there is none.
    sheet.getRow(rows.get('cafe/wifi')!).getCell(4).value = 'Yes';
    sheet.getRow(rows.get('cafe/menu-clarity')!).getCell(4).value = 7;
    sheet.getRow(rows.get('cafe/wait-time')!).getCell(4).value = 'Within a minute';
    sheet.getRow(rows.get('cafe/bookings')!).getCell(4).value = 'phone, pigeon';
    sheet.addRow(['cafe/terrace', 'A corner café', 'Is there a terrace?', 'Yes']);
    sheet.addRow(['cafe/wifi', 'A corner café', 'Can guests use free Wi-Fi?', 'No']);
    writeFileSync(sheetFile, new Uint8Array(await workbook.xlsx.writeBuffer()));

    const result = await runCli(['questionnaire', 'import', sheetFile, CAFE, '-o', answersFile], ENV);
    expect(result.code).toBe(EXIT.cannotRun);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `cx-audit: cannot import ${sheetFile}:`,
      `${sheetFile}:5:4: error: "7" in D5 does not answer cafe/menu-clarity: pick one of 1 – Not at all, 2 – A little, 3 – Partly, 4 – Mostly, 5 – Fully, Not applicable or Unsure [invalid-answer]`,
      `${sheetFile}:6:4: error: "Within a minute" in D6 does not answer cafe/wait-time: pick one of Over ten minutes, Under ten minutes, Served at once, Not applicable or Unsure [invalid-answer]`,
      `${sheetFile}:7:4: error: "phone, pigeon" in D7 does not answer cafe/bookings: "pigeon" is not one of its choices; write any of phone, email or web (or their labels), separated by commas, or none [invalid-answer]`,
      `${sheetFile}:13:1: warning: question cafe/terrace is not in cafe 1.0.0 (removed or renamed?); this row is ignored [unknown-question]`,
      `${sheetFile}:14:1: error: cafe/wifi is also in row 2; keep one row per question [duplicate-key]`,
      'Fix these cells and import it again; nothing was written.',
      '',
    ]);
    expect(existsSync(answersFile)).toBe(false);
  });

  it('warns of a follow-up answered although the other answers rule it out, and of a CSV import without the profile', async () => {
    const dir = tmp();
    const sheetFile = join(dir, 'cafe.csv');
    expect((await runCli(['questionnaire', 'export', CAFE, ...PROFILE, '-o', sheetFile], ENV)).code).toBe(0);
    const filled = fillCsv(readFileSync(sheetFile, 'utf8'), { 'cafe/loyalty-card': { answer: 'No' }, 'cafe/loyalty-digital': { answer: 'Yes' } });
    writeFileSync(sheetFile, csvText(filled));
    // To stdout: the answers file is the output, the notices go to stderr.
    const result = await runCli(['questionnaire', 'import', sheetFile, CAFE], ENV);
    expect(result.code).toBe(0);
    expect(parse(result.stdout).answers).toEqual({ 'cafe/loyalty-card': { answer: 'no', at: DAY }, 'cafe/loyalty-digital': { answer: 'yes', at: DAY } });
    expect(result.stderr).toBe(
      `${sheetFile}:10:4: warning: cafe/loyalty-digital is answered, but it is asked only if cafe/loyalty-card (row 9) is “Yes”, which the other answers rule out; the report leaves this answer out [not-asked]\n` +
        `Imported 2 answers from ${sheetFile}; 9 questions were left empty, and the report names them as unanswered.\n` +
        'It holds 11 of the 12 questions of these checklists and says nothing of the business: if the export had profile flags (--profile, --channels…), give the same to import, or the report counts the questions it left out as unanswered.\n',
    );
  });
});

describe('questionnaire: what it refuses', () => {
  it('never overwrites an answers file', async () => {
    const dir = tmp();
    const sheetFile = join(dir, 'cafe.csv');
    const answersFile = join(dir, 'answers.yaml');
    expect((await runCli(['questionnaire', 'export', CAFE, '-o', sheetFile], ENV)).code).toBe(0);
    writeFileSync(answersFile, 'mine\n');
    const result = await runCli(['questionnaire', 'import', sheetFile, CAFE, '-o', answersFile], ENV);
    expect(result.code).toBe(EXIT.cannotRun);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `cx-audit: ${answersFile} already exists; choose another name, or move it away first (questionnaire import never overwrites an answers file)\n`,
    );
    expect(readFileSync(answersFile, 'utf8')).toBe('mine\n');
  });

  it('asks for the questionnaire file when given a folder', async () => {
    const dir = tmp();
    const result = await runCli(['questionnaire', 'import', dir, CAFE, '-o', join(dir, 'answers.yaml')], ENV);
    expect(result.code).toBe(EXIT.cannotRun);
    expect(result.stderr).toBe(
      `cx-audit: cannot import ${dir}:\n${dir}: error: is a folder, not a questionnaire; pass the filled-in questionnaire file (.xlsx or .csv) [unreadable]\nNothing was written.\n`,
    );
    expect(existsSync(join(dir, 'answers.yaml'))).toBe(false);
  });

  it('refuses -f that contradicts the -o file name, writing nothing', async () => {
    const dir = tmp();
    const sheetFile = join(dir, 'cafe.xlsx');
    const result = await runCli(['questionnaire', 'export', CAFE, '-f', 'csv', '-o', sheetFile], ENV);
    expect(result.code).toBe(EXIT.cannotRun);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cx-audit: -f csv does not match -o ${sheetFile}; drop -f, or name the file .csv\nRun \`cx-audit --help\` for usage.\n`);
    expect(existsSync(sheetFile)).toBe(false);
  });

  it('refuses to print a workbook on a terminal, and prints it into a pipe', async () => {
    const stdout = new Capture(true);
    const stderr = new Capture();
    const stdin = Object.assign(process.stdin, {});
    const code = await run(['questionnaire', 'export', CAFE], { stdout, stderr, stdin, env: { CI: 'true', ...ENV } });
    expect(code).toBe(EXIT.cannotRun);
    expect(stdout.text).toBe('');
    expect(stderr.text).toBe(
      'cx-audit: -f xlsx writes a binary file, which a terminal cannot show; write it to a file with -o questionnaire.xlsx, or pipe it (> questionnaire.xlsx)\nRun `cx-audit --help` for usage.\n',
    );
    const piped = await runCli(['questionnaire', 'export', CAFE], ENV);
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('PK\u0003\u0004')).toBe(true);
    expect(piped.stderr).toBe('');
  });

  it.each([
    {
      name: 'a zip bomb whose headers say what it unpacks to',
      claimed: undefined,
      message: 'unpacks to more than 64.0 MB; a questionnaire may unpack to at most that. Export it again [file-too-large]',
    },
    {
      name: 'a zip bomb whose headers understate what it unpacks to',
      claimed: 1000,
      message: 'is a damaged Excel workbook (its ZIP archive cannot be read); open it in Excel and save it again [bad-xlsx]',
    },
  ])('refuses $name before unpacking it', async ({ claimed, message }) => {
    const dir = tmp();
    const bomb = join(dir, 'bomb.xlsx');
    // 80 MB of spaces: a few dozen kilobytes packed.
    writeFileSync(bomb, zipOf('xl/worksheets/sheet1.xml', new Uint8Array(80 * 1024 * 1024).fill(0x20), claimed));
    const result = await runCli(['questionnaire', 'import', bomb, CAFE, '-o', join(dir, 'answers.yaml')], ENV);
    expect(result.code).toBe(EXIT.cannotRun);
    expect(result.stderr).toBe(`cx-audit: cannot import ${bomb}:\n${bomb}: error: ${message}\nNothing was written.\n`);
    expect(existsSync(join(dir, 'answers.yaml'))).toBe(false);
  });
});

describe('questionnaire export', () => {
  it('gives the same bytes for the same questions on the same day (SOURCE_DATE_EPOCH)', async () => {
    const dir = tmp();
    const exportTo = async (file: string) => (await runCli(['questionnaire', 'export', CAFE, ...PROFILE, '--client', 'Café Müller', '-o', file], ENV)).code;
    expect(await exportTo(join(dir, 'first.xlsx'))).toBe(0);
    // The workbook library stamps each entry with the time it wrote it, in steps of two seconds.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await exportTo(join(dir, 'second.xlsx'))).toBe(0);
    expect(readFileSync(join(dir, 'first.xlsx')).equals(readFileSync(join(dir, 'second.xlsx')))).toBe(true);
  });
});

describe('questionnaire export of the built-in checklists', () => {
  it.each(['xlsx', 'csv'])('has one %s row per question the `list` preview counts for the profile', async (format) => {
    const profile = ['--profile', 'b2c', '--channels', 'web-shop,email'];
    const preview = JSON.parse((await runCli(['list', ...profile, '-f', 'json'], ENV)).stdout) as {
      count: number;
      followUps: number;
      questions: { key: string }[];
    };
    const file = join(tmp(), `questionnaire.${format}`);
    const result = await runCli(['questionnaire', 'export', ...profile, '-o', file], ENV);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Questionnaire written to ${file}: ${preview.count} questions, ${preview.followUps} of them follow-ups`);
    let keys: string[];
    if (format === 'csv')
      keys = parseCsv(readFileSync(file, 'utf8'))
        .slice(1)
        .map((r) => r[0]!);
    else keys = [...rowsByKey((await openWorkbook(file)).worksheets[0]!).keys()];
    expect(keys).toHaveLength(preview.count);
    expect(keys).toEqual(preview.questions.map((q) => q.key));
  });
});

describe('questionnaire through the built binary', () => {
  it('exports a workbook and imports it back, with the workbook library in the bundle', async () => {
    const dir = tmp();
    const sheetFile = join(dir, 'cafe.xlsx');
    const answersFile = join(dir, 'answers.yaml');
    const exported = runBin(['questionnaire', 'export', CAFE, ...PROFILE, '-o', sheetFile], { env: ENV });
    expect(exported.code, exported.stderr).toBe(0);
    const workbook = await openWorkbook(sheetFile);
    const sheet = workbook.worksheets[0]!;
    sheet.getRow(rowsByKey(sheet).get('cafe/wait-time')!).getCell(4).value = 'Served at once';
    writeFileSync(sheetFile, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const imported = runBin(['questionnaire', 'import', sheetFile, CAFE, '-o', answersFile], { env: ENV });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toBe(
      `Imported 1 answer from ${sheetFile} into ${answersFile}; 10 questions were left empty, and the report names them as unanswered.\n`,
    );
    expect(parse(readFileSync(answersFile, 'utf8')).answers).toEqual({ 'cafe/wait-time': { answer: 'instant', at: DAY } });
  });

  it('asks for a file, not the standard input, for a workbook', () => {
    const workbook = readFileSync('test/fixtures/bad/questionnaire/workbook-named-csv.csv', 'latin1');
    const result = runBin(['questionnaire', 'import', '-', CAFE], { env: ENV, input: workbook });
    expect(result.code).toBe(EXIT.cannotRun);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'cx-audit: cannot import -:\n-: error: is not a regular file; an Excel workbook is read from a file, not a pipe or the standard input [not-a-file]\nNothing was written.\n',
    );
  });
});
