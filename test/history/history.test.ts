import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { History } from '../../src/history/history.js';
import { run } from '../../src/cli/main.js';
import { pdfPages } from '../helpers/pdf-text.js';
import { Capture, runCli } from '../helpers/run-cli.js';

const SHOP = 'test/fixtures/checklists/shop.yaml';
const OTHER = 'test/fixtures/checklists/other.yaml';
const KEYS = ['shop/sells-online', 'shop/vat-number-field', 'shop/emails-read', 'other/follow-up'];

/**
 * A series of audits of one client, a month apart: in audit n the first n
 * yes-no questions are answered yes and the rest no, except that audit 3
 * slips back on the first one.
 */
function series(count: number): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cx-audit-history-'));
  const files = Array.from({ length: count }, (_, n) => {
    const date = new Date(Date.UTC(2025, n, 15)).toISOString();
    const yes = (i: number) => i < n && !(n === 3 && i === 0);
    const lines = [
      'schemaVersion: 1',
      'client: Leinenwerk',
      'profile: { customerTypes: [b2b], channels: [web-shop] }',
      'answers:',
      ...KEYS.map((k, i) => `  ${k}: { answer: ${yes(i) ? 'yes' : 'no'}, at: ${date} }`),
    ];
    const file = join(dir, `audit-${n}.yaml`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  });
  return { dir, files };
}

describe('history', () => {
  it('orders audits by date whatever the order given, with each checklist and what changed between them', async () => {
    const { files } = series(6);
    const shuffled = [files[4]!, files[0]!, files[5]!, files[2]!, files[1]!, files[3]!];
    const result = await runCli(['history', ...shuffled, '--checklist', SHOP, '--checklist', OTHER, '-f', 'json']);
    expect(result.code).toBe(0);
    const history = JSON.parse(result.stdout) as History;
    expect(history.client).toBe('Leinenwerk');
    expect(history.audits.map((a) => a.date)).toEqual(['2025-01-15', '2025-02-15', '2025-03-15', '2025-04-15', '2025-05-15', '2025-06-15']);
    expect(history.audits[0]!.changes).toBeNull();
    // Audit 3 fixes the third question and slips back on the first, which closes its follow-up (the VAT field);
    // audit 4 fixes the first again, opening the follow-up, and the fourth.
    expect(history.audits[3]!.changes!.fixed.map((c) => c.key)).toEqual(['shop/emails-read']);
    expect(history.audits[3]!.changes!.regressed.map((c) => c.key)).toEqual(['shop/sells-online', 'shop/vat-number-field']);
    expect(history.audits[4]!.changes!.fixed.map((c) => c.key)).toEqual(['shop/sells-online', 'shop/vat-number-field', 'other/follow-up']);
    const lows = history.audits.map((a) => a.score.low!);
    expect(lows[3]).toBeLessThan(lows[4]!);
    expect(lows[5]).toBe(lows[4]);
    expect(history.audits[5]!.checklists.find((c) => c.id === 'other')!.low).toBe(100);
  });

  it('reads as a table and a trend in Markdown, by the low ends while answers are open', async () => {
    const { files } = series(3);
    const result = await runCli(['history', ...files, '--checklist', SHOP, '--checklist', OTHER]);
    expect(result.stdout).toMatch(
      /^# Customer experience over time: Leinenwerk\n\nOver 3 audits, from 2025-01-15 to 2025-03-15, the score's low end rose from \d+\.\d to \d+\.\d \(\+\d+\.\d\)\.\n/,
    );
    expect(result.stdout).toContain('| Date | Score | A small web shop | Another checklist |');
    expect(result.stdout).toMatch(/## 2025-01-15 to 2025-02-15\n\nScore \+\d+\.\d\.\n\n\*\*Fixed:\*\*\n\n- Customers can order online at any hour\n/);
  });

  it('says an unchanged score is unchanged, not "Score 0.0"', async () => {
    const { files } = series(2);
    // The second audit answers exactly as the first did, a month later.
    writeFileSync(files[1]!, readFileSync(files[0]!, 'utf8').replaceAll('2025-01-15', '2025-02-15'));
    const result = await runCli(['history', ...files, '--checklist', SHOP, '--checklist', OTHER]);
    expect(result.stdout).toContain('## 2025-01-15 to 2025-02-15\n\nScore unchanged.\n\nNothing fixed, nothing worse.');
  });

  it('writes a PDF with the trend, the chart, the table and what changed, the same bytes every time', async () => {
    const { dir, files } = series(4);
    const out = join(dir, 'history.pdf');
    const result = await runCli(['history', ...files, '--checklist', SHOP, '--checklist', OTHER, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`History of 4 audits written to ${out}\n`);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfPages(bytes)).join('\n');
    expect(text).toContain('Customer experience over time: Leinenwerk');
    expect(text).toMatch(/Over 4 audits, from 2025-01-15 to 2025-04-15, the score's low end rose from \d+\.\d to \d+\.\d/);
    expect(text).toMatch(/2025-03-15\s+\d+\.\d–\d+\.\d/);
    expect(text).toMatch(/2025-02-15 to 2025-03-15\s+Score \+\d+\.\d\.\s+Fixed:\s+Business buyers get a proper invoice straight from checkout/);
    // Audit 3 slips back on selling online, which also closes the VAT field it leads to: one action, named once.
    expect(text).toMatch(/2025-03-15 to 2025-04-15\s+Score -\d+\.\d\.\s+Fixed:[\s\S]*Got worse:\s+Open a simple web shop\s+Page 1 of 1/);
    await runCli(['history', ...files, '--checklist', SHOP, '--checklist', OTHER, '-o', join(dir, 'again.pdf')]);
    expect(readFileSync(join(dir, 'again.pdf')).equals(bytes)).toBe(true);
  });

  it('refuses to print a PDF on a terminal', async () => {
    const { files } = series(2);
    const stdout = new Capture(true);
    const stderr = new Capture();
    const code = await run(['history', ...files, '--checklist', SHOP, '-f', 'pdf'], { stdout, stderr, stdin: process.stdin, env: {} });
    expect(code).toBe(2);
    expect(stdout.text).toBe('');
    expect(stderr.text).toMatch(/^cx-audit: -f pdf writes a binary file, which a terminal cannot show; write it to a file with -o history\.pdf/);
  });

  it('draws the trend as an SVG line in a self-contained page, client names escaped', async () => {
    const { files } = series(4);
    for (const f of files) writeFileSync(f, readFileSync(f, 'utf8').replace('client: Leinenwerk', 'client: "Müller & Søn <script>"'));
    const result = await runCli(['history', ...files, '--checklist', SHOP, '--checklist', OTHER, '-f', 'html']);
    expect(result.code).toBe(0);
    const page = result.stdout;
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<h1>Customer experience over time: Müller &amp; Søn &lt;script&gt;</h1>');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const points = /<polyline[^>]* points="([^"]+)"/.exec(page)![1]!.split(' ');
    expect(points).toHaveLength(4);
    // Later audits sit further right; a higher score sits higher (a smaller y).
    const xs = points.map((p) => Number(p.split(',')[0]));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });
});
