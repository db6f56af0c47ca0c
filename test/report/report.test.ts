import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../src/generated/validators.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { makeStyle } from '../../src/text/style.js';
import { HOSTILE, hostileReport } from '../helpers/hostile.js';

const lintConfig = { default: true, MD013: false };

describe('the Markdown report', () => {
  it.each(HOSTILE)('stays valid Markdown with no raw HTML or escapes whatever the text: %j', (text) => {
    const md = renderMarkdown(hostileReport(text));
    expect(lint({ strings: { report: md }, config: lintConfig }).report).toEqual([]);
    expect(md).not.toMatch(/<(script|b|img)/i);
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // Every table row keeps its column count: no text added a pipe.
    for (const block of md.split('\n\n').filter((b) => b.startsWith('|'))) {
      const counts = block
        .trim()
        .split('\n')
        .map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(counts).size, block).toBe(1);
    }
  });

  it('passes markdownlint for the golden reports', async () => {
    const { readFileSync } = await import('node:fs');
    for (const name of ['partial', 'complete-compared']) {
      const md = readFileSync(`test/fixtures/golden/${name}.md`, 'utf8');
      expect(lint({ strings: { [name]: md }, config: lintConfig })[name]).toEqual([]);
    }
  });
});

describe('the JSON report', () => {
  it.each(HOSTILE)('validates against schemas/report.schema.json: %j', (text) => {
    const report = JSON.parse(renderJson(hostileReport(text)));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it('validates for the golden answer sets', async () => {
    const { readFileSync } = await import('node:fs');
    for (const name of ['partial', 'complete-compared']) {
      expect(validateReport(JSON.parse(readFileSync(`test/fixtures/golden/${name}.json`, 'utf8')))).toBe(true);
    }
  });
});

describe('the terminal summary', () => {
  it('has no colour codes when colour is off, and shows score and top fixes', () => {
    const out = renderTerminal(hostileReport('Add a VAT field'), { style: makeStyle(false), width: 80 });
    expect(out).not.toMatch(/\u001b/);
    expect(out).toContain('Score 20.0–40.0 of 100, provisional · stage 1 of 5: Reactive');
    expect(out).toMatch(/1\. Add a VAT field \(\+\d+\.\d points\)/);
    expect(out).toContain('• Add a VAT field');
    expect(out).not.toContain('**');
  });

  it('uses colour when it is on', () => {
    expect(renderTerminal(hostileReport('x'), { style: makeStyle(true), width: 80 })).toMatch(/\u001b\[1m/);
  });

  it.each(HOSTILE)('never passes control characters through: %j', (text) => {
    const out = renderTerminal(hostileReport(text), { style: makeStyle(false), width: 80 });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
