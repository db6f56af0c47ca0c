import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runBin } from '../helpers/run-cli.js';

/** Answers that were wrong or confusing, as a new user met them, through the real binary. */

const SHOP = fixture('checklists/shop.yaml');
const OTHER = fixture('checklists/other.yaml');
const COMPLETE = fixture('answers/shop-complete.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'cx-audit-confusing-'));
const ESC = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('a mistyped command', () => {
  it('is named as one, with the command it may have meant, and nothing else runs', () => {
    const result = runBin(['reprot', COMPLETE]);
    expect(result.stderr).toBe("cx-audit: unknown command 'reprot'; did you mean report?\nRun `cx-audit --help` for usage.\n");
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('a word far from every command lists the commands', () => {
    const result = runBin(['frobnicate']);
    expect(result.stderr).toMatch(
      /^cx-audit: unknown command 'frobnicate'; the commands are audit, report, plan, history, merge, answers, questionnaire, config, validate, list, init or schema, and a checklist must be an existing \.yaml file, a folder or an installed checklist pack\n/,
    );
    expect(result.code).toBe(2);
  });
});

describe('report formats follow the file name', () => {
  it('-o acme.json without -f writes JSON', () => {
    const out = join(tmp(), 'acme.json');
    const result = runBin(['report', COMPLETE, SHOP, OTHER, '-o', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).client).toBe('Acme Fabrics');
  });

  it('-f json -o report.md is a contradiction, refused before anything is written', () => {
    const out = join(tmp(), 'report.md');
    const result = runBin(['report', COMPLETE, SHOP, OTHER, '-f', 'json', '-o', out]);
    expect(result.stderr).toBe(
      `cx-audit: -f json does not match -o ${out}, whose name says Markdown; drop -f, or name the file .json\nRun \`cx-audit --help\` for usage.\n`,
    );
    expect(result.code).toBe(2);
  });

  it('an unknown extension keeps -f, or Markdown', () => {
    const out = join(tmp(), 'report.txt');
    expect(runBin(['report', COMPLETE, SHOP, OTHER, '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Customer experience audit/);
  });
});

describe('hints and warnings', () => {
  it("report's hint to finish the answers names the checklists it was given", () => {
    const answers = join(tmp(), 'one answer.yaml');
    writeFileSync(answers, 'schemaVersion: 1\nanswers:\n  shop/sells-online: { answer: yes }\n');
    const result = runBin(['report', answers, SHOP, OTHER, '-o', join(tmp(), 'r.md')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Run \`cx-audit ${SHOP} ${OTHER} --answers '${answers}'\` to finish them.`);
  });

  it('a checklist changed without a new version is reported', () => {
    const dir = tmp();
    const checklist = join(dir, 'shop.yaml');
    copyFileSync(SHOP, checklist);
    const answers = join(dir, 'answers.yaml');
    // Answers stamped with the hash of the checklist as it was; then its text changes, its version does not.
    const first = runBin(['report', COMPLETE, checklist, OTHER, '-f', 'json']);
    const hash = JSON.parse(first.stdout).checklists[0].hash;
    writeFileSync(answers, readFileSync(COMPLETE, 'utf8').replace('shop: { version: 1.2.0 }', `shop: { version: 1.2.0, hash: ${hash} }`));
    expect(readFileSync(answers, 'utf8')).toContain(hash);
    writeFileSync(checklist, readFileSync(checklist, 'utf8').replace('Do you sell online?', 'Do you sell on the web?'));
    const result = runBin(['report', answers, checklist, OTHER, '-o', join(dir, 'r.md')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /answers\.yaml:\d+:\d+: warning: checklist shop 1\.2\.0 has changed since these answers were given \(its content differs, its version does not\); check that the answers still fit the questions, and ask whoever maintains .*shop\.yaml to raise its version when questions change \[checklist-changed\]/,
    );
  });

  it('--no-color keeps escape codes out of error messages, even on a colour terminal', () => {
    const result = runBin(['report', 'nope.yaml', SHOP, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cx-audit: cannot read the answers file nope\.yaml:/);
    expect(result.stderr).not.toMatch(ESC);
    const coloured = runBin(['report', 'nope.yaml', SHOP], { env: { FORCE_COLOR: '1' } });
    expect(coloured.stderr).toMatch(/\u001b\[31m/);
  });

  it('validate -f github keeps control characters of a file name out of the annotation', () => {
    const dir = tmp();
    const name = join(dir, 'evil\u001b]0;pwned\u0007\u202e.yaml');
    writeFileSync(name, 'id: x\n');
    const result = runBin(['validate', '-f', 'github', name]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=.*evil/);
    expect(result.stdout).not.toMatch(ESC);
  });
});

describe('--compare refuses what is not an earlier audit of this client', () => {
  it('an audit of another client', () => {
    const dir = tmp();
    const other = join(dir, 'other-client.yaml');
    writeFileSync(other, readFileSync(fixture('answers/shop-2025.yaml'), 'utf8').replace(/^client: .*$/m, 'client: Zenith Tools'));
    const result = runBin(['report', COMPLETE, SHOP, OTHER, '--compare', other]);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('cx-audit:'))).toEqual([
      `cx-audit: ${other} is an audit of "Zenith Tools", and this report is for "Acme Fabrics"; --compare needs an earlier audit of the same client`,
    ]);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('a report.json whose score or date cannot be', () => {
    const dir = tmp();
    const good = JSON.parse(runBin(['report', fixture('answers/shop-2025.yaml'), SHOP, OTHER, '-f', 'json']).stdout);
    for (const [name, change, message] of [
      [
        'score',
        (r: Record<string, unknown>) => ((r.score as { value: number }).value = 1e308),
        /"value" in the report must be at most 100, not the number 1e\+308 \[out-of-range\]/,
      ],
      ['date', (r: Record<string, unknown>) => (r.date = '0000-99-99'), /"date" in the report is not valid \("0000-99-99"\) \[bad-format\]/],
      ['day', (r: Record<string, unknown>) => (r.date = '2025-02-30'), /the report's date 2025-02-30 is not a real day \[bad-date\]/],
    ] as const) {
      const path = join(dir, `${name}.json`);
      const report = structuredClone(good);
      change(report);
      writeFileSync(path, JSON.stringify(report));
      const result = runBin(['report', COMPLETE, SHOP, OTHER, '--compare', path]);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(message);
    }
  });

  it('an answers file with no answer times is not dated today', () => {
    const dir = tmp();
    const undated = join(dir, 'undated.yaml');
    writeFileSync(undated, readFileSync(fixture('answers/shop-2025.yaml'), 'utf8').replace(/, at: [^ }]+/g, ''));
    expect(readFileSync(undated, 'utf8')).not.toMatch(/at:/);
    const result = runBin(['report', COMPLETE, SHOP, OTHER, '--compare', undated], { env: { SOURCE_DATE_EPOCH: '1764000000' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n## Progress since the earlier audit\n/);
    expect(result.stdout).not.toMatch(/Progress since \d/);
  });
});

describe('init', () => {
  it('writes a checklist that validates strictly, whose schema line is inactive until the schema exists', () => {
    const path = join(tmp(), 'mine.yaml');
    expect(runBin(['init', path]).code).toBe(0);
    const text = readFileSync(path, 'utf8');
    // yaml-language-server acts on a line that starts with "# yaml-language-server:"; this one is commented out.
    expect(text).not.toMatch(/^#\s*yaml-language-server:/m);
    expect(text).toMatch(/^# # yaml-language-server: \$schema=\.\/checklist\.schema\.json$/m);
    const result = runBin(['validate', '--strict', path]);
    expect(result.stdout).toBe('✔ 1 checklist valid (4 questions)\n');
    expect(result.code).toBe(0);
  });
});
