import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, openSync, writeFileSync, closeSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runBin, spawnBin } from '../helpers/run-cli.js';

/**
 * Inputs that once hung cx-audit, ignored Ctrl-C, or ran it out of memory.
 * Each ends within a few seconds and a few hundred MB, with a message and an
 * exit code from the README's table, never a stack trace.
 */

const tmp = () => mkdtempSync(join(tmpdir(), 'cx-audit-hangs-'));
const HEAD = 'id: big\ntitle: Big\nversion: 1.0.0\nstage: during-sale\n';
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at |heap out of memory|Maximum call stack/m);

describe('files that are not files', () => {
  it('validate on a named pipe with no writer leaves at once on SIGTERM, with exit 130', async () => {
    const fifo = join(tmp(), 'checklist.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = spawnBin(['validate', fifo]);
    await new Promise((r) => setTimeout(r, 500));
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.ms).toBeLessThan(3000);
    noStack(result.stderr);
  });

  it('validate on a named pipe reads what is written into it, with places', async () => {
    const fifo = join(tmp(), 'checklist.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = spawnBin(['validate', fifo]);
    const fd = openSync(fifo, 'w');
    writeFileSync(
      fd,
      'id: piped\ntitle: Piped\nversion: 1.0.0\nstage: during-sale\nquestions:\n  - id: q\n    text: Q?\n    type: yes-no\n    impact: hgh\n    effort: low\n',
    );
    closeSync(fd);
    const result = await run.done;
    expect(result.stdout).toContain(`${fifo}:9:13: error: "impact" in question "q" must be critical, high, medium or low, not the text "hgh"`);
    expect(result.code).toBe(1);
  });

  it('validate /dev/zero stops at the size limit', async () => {
    const result = await spawnBin(['validate', '/dev/zero'], { measure: true }).done;
    expect(result.stdout).toBe(
      '/dev/zero: error: is larger than 16.0 MB; a checklist may be at most 16.0 MB. Split it into smaller files [file-too-large]\n✖ 1 error in 1 of 1 file\n',
    );
    expect(result.code).toBe(1);
    expect(result.peakMb).toBeLessThan(300);
  });

  it('/dev/stdin is read once, and places are those of what was piped in', () => {
    const text =
      'id: piped\ntitle: Piped\nversion: 1.0.0\nstage: during-sale\nquestions:\n  - id: q\n    text: Q?\n    type: yes-no\n    impact: hgh\n    effort: low\n';
    const result = runBin(['validate', '/dev/stdin'], { input: text });
    expect(result.stdout).toContain(
      '/dev/stdin:9:13: error: "impact" in question "q" must be critical, high, medium or low, not the text "hgh"; did you mean "high"? [unknown-value]',
    );
    expect(result.code).toBe(1);
  });
});

describe('huge and hostile inputs under the size limit', () => {
  it('a list of 5,000,000 items is refused before it is checked', async () => {
    const path = join(tmp(), 'list.yaml');
    // 10 MB: a flow list of single letters.
    writeFileSync(path, `${HEAD}learnMore: [${'x,'.repeat(4_999_999)}x]\nquestions: []\n`);
    const result = await spawnBin(['validate', path], { measure: true }).done;
    expect(result.stdout).toMatch(
      /list\.yaml:5:12: error: holds a list of 5,000,000 entries; a checklist may have at most 100,000 in one list or mapping \[too-many-items\]/,
    );
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(15_000);
    expect(result.peakMb).toBeLessThan(600);
    noStack(result.stderr);
  }, 30_000);

  it('a 50,000-question cycle of conditions is found quickly and named briefly', async () => {
    const path = join(tmp(), 'cycle.yaml');
    const questions = Array.from(
      { length: 50_000 },
      (_, i) =>
        `  - { id: q${i}, title: "Fix ${i}", text: "Q${i}?", type: yes-no, impact: low, effort: low, why: W, fix: F, when: { question: q${(i + 1) % 50_000}, is: yes } }`,
    );
    writeFileSync(path, `${HEAD}questions:\n${questions.join('\n')}\n`);
    const result = await spawnBin(['validate', path], { measure: true }).done;
    expect(result.stdout).toContain(
      'error: questions "q0" → "q1" → "q2" → "q3" → "q4" → "q5" → "q6" → "q7" → … (50,000 questions in all) depend on each other in a circle',
    );
    expect(result.stdout.length).toBeLessThan(2000);
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(15_000);
    expect(result.peakMb).toBeLessThan(600);
  }, 30_000);

  it('a condition nested 3,000 levels deep is refused as too deep', async () => {
    const path = join(tmp(), 'deep.yaml');
    let text = `${HEAD}questions:\n  - id: a\n    text: A?\n    type: yes-no\n    impact: low\n    effort: low\n    when:\n`;
    let indent = '      ';
    for (let i = 0; i < 3000; i++) {
      text += `${indent}not:\n`;
      indent += '  ';
    }
    writeFileSync(path, `${text}${indent}question: a\n${indent}is: yes\n`);
    const result = await spawnBin(['validate', path]).done;
    expect(result.stdout).toMatch(/deep\.yaml:\d+:\d+: error: nests data more than 64 levels deep; no checklist needs that \[too-deep\]/);
    expect(result.code).toBe(1);
    noStack(result.stderr);
  });

  it('Ctrl-C during a long validate ends it within two seconds, with exit 130', async () => {
    const dir = tmp();
    const questions = Array.from(
      { length: 10_000 },
      (_, i) => `  - { id: q${i}, text: "Question ${i}?", type: yes-no, impact: low, effort: low, why: W, fix: F }`,
    );
    writeFileSync(join(dir, 'one.yaml'), `${HEAD}questions:\n${questions.join('\n')}\n`);
    const files = Array.from({ length: 40 }, (_, i) => {
      const path = join(dir, `c${i}.yaml`);
      copyFileSync(join(dir, 'one.yaml'), path);
      return path;
    });
    const run = spawnBin(['validate', ...files]);
    await new Promise((r) => setTimeout(r, 800));
    const signalled = Date.now();
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(Date.now() - signalled).toBeLessThan(2000);
    noStack(result.stderr);
  }, 30_000);
});

describe('readers, dates and folders', () => {
  it('a reader that closes the pipe early ends the report quietly', async () => {
    const run = spawnBin(['report', fixture('answers/shop-complete.yaml'), fixture('checklists/shop.yaml'), fixture('checklists/other.yaml'), '-f', 'json']);
    run.child.stdout!.once('data', () => run.child.stdout!.destroy());
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('SOURCE_DATE_EPOCH beyond year 9999 is a usage error, not a crash', () => {
    const result = runBin(['report', fixture('answers/shop-complete.yaml'), fixture('checklists/shop.yaml'), fixture('checklists/other.yaml')], {
      env: { SOURCE_DATE_EPOCH: '99999999999999' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^cx-audit: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, up to 253402300799 \(the end of 9999\), not "99999999999999"\n/,
    );
  });

  it('an unreadable sub-folder is reported, and the rest still checked', () => {
    const dir = tmp();
    chmodSync(dir, 0o755);
    copyFileSync(fixture('checklists/shop.yaml'), join(dir, 'shop.yaml'));
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o000);
    // Root reads any folder; run as nobody when we are root.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534 } : {};
    const result = runBin(['validate', dir], asNobody);
    expect(result.stdout).toBe(
      `${dir}/locked: error: is a folder that cannot be read: permission denied; check the folder permissions [unreadable]\n✖ 1 error in 1 of 2 files\n`,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/unexpected error|This is a bug/);
  });

  it('a folder that links back to itself lists each file once', () => {
    const dir = tmp();
    copyFileSync(fixture('checklists/shop.yaml'), join(dir, 'shop.yaml'));
    symlinkSync(dir, join(dir, 'loop'));
    const result = runBin(['validate', dir]);
    expect(result.stdout).toBe('✔ 1 checklist valid (7 questions)\n');
    expect(result.code).toBe(0);
  });

  it('an empty folder is a usage problem, with no success line', () => {
    const dir = tmp();
    const result = runBin(['validate', dir]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cx-audit: no YAML files found in ${dir}; validate checks .yaml and .yml files\n`);
    expect(result.code).toBe(2);
  });
});
