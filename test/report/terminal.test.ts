import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/answers/load.js';
import { audit } from '../../src/audit/score.js';
import { loadChecklists } from '../../src/checklist/load.js';
import { builtinChecklistPaths } from '../../src/paths.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { scoreHeadline } from '../../src/report/text.js';
import { makeStyle } from '../../src/text/style.js';

/**
 * What the terminal shows after an interview, for every realistic business
 * of test/fixtures/scenarios: the score, stage and first three fixes fit a
 * 24-line screen at 80 columns (with the lines that say where the report
 * went); at 40 columns no line is wider; wrapping never breaks a word.
 */
const DIR = 'test/fixtures/scenarios';
const SCENARIOS = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && !f.endsWith('.expected.yaml'));
const { checklists } = await loadChecklists(builtinChecklistPaths());

/** The words of a text with any run of spaces, line breaks and indents between them. */
const asWrapped = (text: string) =>
  new RegExp(
    text
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
  );

describe('the terminal summary of a full built-in audit', () => {
  it.each(SCENARIOS)('%s fits a screen at 80 columns and any line at 40, words whole', async (file) => {
    const loaded = await loadAnswers(`${DIR}/${file}`, checklists);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const report = audit({ checklists, answers: loaded.answers, date: '2026-01-01', toolVersion: 'test', top: 5 });
    for (const width of [80, 40]) {
      const lines = renderTerminal(report, { style: makeStyle(false), width })
        .trimEnd()
        .split('\n');
      if (width === 80) expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(21);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
      const out = lines.join('\n');
      expect(out).toMatch(asWrapped(scoreHeadline(report)));
      if (report.maturity) expect(out).toMatch(asWrapped(`stage ${report.maturity.level} of 5: ${report.maturity.name}`));
      expect(report.actions.length).toBeGreaterThanOrEqual(3);
      for (const a of report.actions.slice(0, 3)) expect(out).toMatch(asWrapped(`${a.rank}. ${a.title}`));
    }
  });
});
