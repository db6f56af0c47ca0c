import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnswersStore } from '../../src/interview/store.js';
import { answers, checklist } from '../helpers/build.js';
import { fixture, runBin } from '../helpers/run-cli.js';

/**
 * The second hardening pass: no output path, however spelled, destroys an
 * input or a device; the answers file survives links, hand edits and a
 * second interview. Run through the real binary where a user meets it.
 */

const SHOP = fixture('checklists/shop.yaml');
const OTHER = fixture('checklists/other.yaml');

function workspace(): { dir: string; answers: string; checklist: string; other: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cx-audit-harm-'));
  const paths = { dir, answers: join(dir, 'a.yaml'), checklist: join(dir, 'shop.yaml'), other: join(dir, 'other.yaml') };
  copyFileSync(fixture('answers/shop-complete.yaml'), paths.answers);
  copyFileSync(SHOP, paths.checklist);
  copyFileSync(OTHER, paths.other);
  return paths;
}

describe('-o never replaces what the command reads', () => {
  it.each([
    ['the answers file', (w: ReturnType<typeof workspace>) => ['report', w.answers, w.checklist, w.other, '-o', w.answers], 'answers'],
    ['a checklist', (w: ReturnType<typeof workspace>) => ['report', w.answers, w.checklist, w.other, '-o', w.checklist], 'checklist'],
    ['the --compare file', (w: ReturnType<typeof workspace>) => ['report', w.answers, w.checklist, w.other, '--compare', w.other, '-o', w.other], 'other'],
    [
      'the answers file, by another spelling',
      (w: ReturnType<typeof workspace>) => ['report', w.answers, w.checklist, w.other, '-o', `${w.dir}/../${w.dir.split('/').pop()}/a.yaml`],
      'answers',
    ],
    [
      "the interview's answers file",
      (w: ReturnType<typeof workspace>) => [w.checklist, w.other, '--answers', w.answers, '--no-input', '-o', w.answers],
      'answers',
    ],
  ] as const)('refuses -o on %s, exit 2, the file untouched', (_name, args, which) => {
    const w = workspace();
    const before = readFileSync(w[which]);
    const result = runBin([...args(w)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^cx-audit: -o .* is (the answers file|a checklist|the --compare file) \(.*\) that this command reads; writing there would destroy it\. Choose another file name\n/,
    );
    expect(result.stdout).toBe('');
    expect(readFileSync(w[which])).toEqual(before);
  });

  it('refuses a hard link to the answers file too', () => {
    const w = workspace();
    const link = join(w.dir, 'hard.md');
    execFileSync('ln', [w.answers, link]);
    const result = runBin(['report', w.answers, w.checklist, w.other, '-o', link]);
    expect(result.code).toBe(2);
    expect(parse(readFileSync(w.answers, 'utf8')).client).toBe('Acme Fabrics');
  });
});

describe('-o writes into devices, pipes and links, never replacing them', () => {
  const base = () => ['report', fixture('answers/shop-complete.yaml'), SHOP, OTHER];

  it('-o /dev/null leaves the device a device', () => {
    const result = runBin([...base(), '-o', '/dev/null']);
    expect(result.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('-o a named pipe writes into the pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-fifo-'));
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (d) => (read += d));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    const result = runBin([...base(), '-o', fifo]);
    await readerDone;
    expect(result.code).toBe(0);
    expect(read).toMatch(/^# Customer experience audit: Acme Fabrics\n/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('-o a symbolic link writes where it points and keeps the link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-link-'));
    mkdirSync(join(dir, 'real'));
    const link = join(dir, 'report.md');
    symlinkSync(join(dir, 'real', 'report.md'), link);
    const result = runBin([...base(), '-o', link]);
    expect(result.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'report.md'), 'utf8')).toMatch(/^# Customer experience audit/);
    expect(result.stderr).toBe(`Report written to ${link}\n`);
  });
});

describe('a PDF, being bytes, is written the same ways', () => {
  const pdf = (out: string) => ['report', fixture('answers/shop-complete.yaml'), SHOP, OTHER, '-f', 'pdf', '-o', out];
  const env = { SOURCE_DATE_EPOCH: '1767225600' };

  it('into a file, a named pipe and through a symbolic link, byte for byte the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-pdf-'));
    expect(runBin(pdf(join(dir, 'plain.pdf')), { env }).code).toBe(0);
    const plain = readFileSync(join(dir, 'plain.pdf'));
    expect(plain.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (d: Buffer) => chunks.push(d));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    expect(runBin(pdf(fifo), { env }).code).toBe(0);
    await readerDone;
    expect(Buffer.concat(chunks).equals(plain)).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);

    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real', 'report.pdf'), join(dir, 'link.pdf'));
    expect(runBin(pdf(join(dir, 'link.pdf')), { env }).code).toBe(0);
    expect(lstatSync(join(dir, 'link.pdf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'report.pdf')).equals(plain)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.pdf', 'plain.pdf', 'real', 'report.fifo']); // no temporary file left
  });

  it('never over the brand file', () => {
    const w = workspace();
    const brand = join(w.dir, 'brand.pdf');
    writeFileSync(brand, 'name: Acme Advisors\n');
    const result = runBin(['report', w.answers, w.checklist, w.other, '--brand', brand, '-o', brand]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cx-audit: -o .*brand\.pdf is the brand file \(.*\) that this command reads; writing there would destroy it/);
    expect(readFileSync(brand, 'utf8')).toBe('name: Acme Advisors\n');
  });
});

describe('the answers file of an interview', () => {
  const c = checklist('c', [{ id: 'first' }, { id: 'second' }]);

  it('is saved through a symbolic link, which stays a link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-store-'));
    const real = join(dir, 'real.yaml');
    const link = join(dir, 'answers.yaml');
    symlinkSync(real, link);
    const store = new AnswersStore(link, [c]);
    store.lock();
    store.save(answers({ 'c/first': 'yes' }));
    store.release();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(parse(readFileSync(real, 'utf8')).answers).toEqual({ 'c/first': { answer: 'yes' } });
    expect(existsSync(`${real}.lock`)).toBe(false);
  });

  it('is locked as a file, not as a path: a second interview through another path is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-store-'));
    const path = join(dir, 'answers.yaml');
    writeFileSync(path, 'schemaVersion: 1\nanswers: {}\n');
    symlinkSync(path, join(dir, 'link.yaml'));
    const first = new AnswersStore(path, [c]);
    first.lock();
    expect(() => new AnswersStore(join(dir, 'link.yaml'), [c]).lock()).toThrow(/is in use by another cx-audit \(process \d+/);
    expect(() => new AnswersStore(`${dir}/./sub/../answers.yaml`, [c]).lock()).toThrow(/is in use by another cx-audit/);
    first.release();
  });

  it('is never written with what the loader would refuse: a note over 2,000 characters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-store-'));
    const path = join(dir, 'answers.yaml');
    const store = new AnswersStore(path, [c]);
    store.save(answers({ 'c/first': 'yes' }));
    const before = readFileSync(path, 'utf8');
    expect(() => store.save(answers({ 'c/first': { answer: 'yes', note: 'x'.repeat(2001) } }))).toThrow(
      `cannot save ${path}: "note" in the answer to c/first is longer than 2000 characters; shorten it; nothing was written`,
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses a --client the answers file could not hold, before anything starts', () => {
    const result = runBin([SHOP, '--client', 'x'.repeat(201), '--no-input']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cx-audit: --client takes at most 200 characters, not 201; shorten it\n/);
  });

  it('keeps hand edits made during the interview, and adds the new answer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-store-'));
    const path = join(dir, 'answers.yaml');
    const merged: string[] = [];
    const store = new AnswersStore(path, [c], { onMerge: (m) => merged.push(m) });
    const live = answers({ 'c/first': 'yes' });
    store.save(live);
    // Someone fixes the first answer by hand while the interview goes on.
    writeFileSync(path, readFileSync(path, 'utf8').replace('answer: yes', 'answer: no\n    note: checked with Ana'));
    live.answers.set('c/second', { answer: 'yes' });
    store.save(live);
    const saved = parse(readFileSync(path, 'utf8')).answers;
    expect(saved).toEqual({ 'c/first': { answer: 'no', note: 'checked with Ana' }, 'c/second': { answer: 'yes' } });
    expect(live.answers.get('c/first')).toEqual({ answer: 'no', note: 'checked with Ana' });
    expect(merged).toEqual([`${path} was edited outside cx-audit; those edits are kept, and the answers given here were added to them.`]);
  });

  it("leaves a hand edit that broke the file alone, and keeps the interview's answers beside it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-store-'));
    const path = join(dir, 'answers.yaml');
    const store = new AnswersStore(path, [c]);
    const live = answers({ 'c/first': 'yes' });
    store.save(live);
    writeFileSync(path, 'schemaVersion: 1\nanswers:\n  c/first: { answer: yes\n');
    live.answers.set('c/second', { answer: 'no' });
    expect(() => store.save(live)).toThrow(/was changed outside cx-audit during the interview and no longer reads as an answers file/);
    expect(readFileSync(path, 'utf8')).toBe('schemaVersion: 1\nanswers:\n  c/first: { answer: yes\n');
    expect(parse(readFileSync(`${path}.interview-1.yaml`, 'utf8')).answers).toEqual({ 'c/first': { answer: 'yes' }, 'c/second': { answer: 'no' } });
  });

  it('cleans up the temporary file a killed save left behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-store-'));
    const path = join(dir, 'answers.yaml');
    // A process id that no process has (Linux's pid_max is at most 2^22).
    writeFileSync(join(dir, `.answers.yaml.${2 ** 22 + 7}.0123abcd.tmp`), 'half a file');
    writeFileSync(join(dir, '.other.yaml.12.0123abcd.tmp'), 'not ours');
    new AnswersStore(path, [c]).save(answers({ 'c/first': 'yes' }));
    expect(readdirSync(dir).sort()).toEqual(['.other.yaml.12.0123abcd.tmp', 'answers.yaml']);
  });
});
