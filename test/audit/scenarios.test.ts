import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnswers } from '../../src/answers/load.js';
import { audit } from '../../src/audit/score.js';
import { loadChecklists } from '../../src/checklist/load.js';
import { builtinChecklistPaths } from '../../src/paths.js';

/**
 * Realistic businesses, each with the five actions a CX consultant would
 * tell it to do first, written down before the priority formula was tuned
 * (test/fixtures/scenarios/*.expected.yaml, with one line of reasoning each).
 * The tool must agree on at least four of each five.
 */
const DIR = 'test/fixtures/scenarios';
const SCENARIOS = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.yaml'))
  .map((f) => f.replace(/\.expected\.yaml$/, ''))
  .sort();

const { checklists } = await loadChecklists(builtinChecklistPaths());

export async function topFive(name: string): Promise<{ expected: string[]; actual: string[]; titles: string[] }> {
  const loaded = await loadAnswers(`${DIR}/${name}.yaml`, checklists);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const report = audit({ checklists, answers: loaded.answers, date: '2026-01-01', toolVersion: 'test', top: 5 });
  const expected = (parse(readFileSync(`${DIR}/${name}.expected.yaml`, 'utf8')) as { top5: { action: string }[] }).top5.map((t) => t.action);
  return { expected, actual: report.actions.slice(0, 5).map((a) => a.key), titles: report.actions.slice(0, 5).map((a) => a.title) };
}

describe('the first five actions agree with a consultant', () => {
  it('has at least six scenarios, each with five expected actions', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(6);
  });

  it.each(SCENARIOS)('%s', async (name) => {
    const { expected, actual } = await topFive(name);
    expect(expected).toHaveLength(5);
    const agreed = expected.filter((key) => actual.includes(key));
    expect(agreed.length, `expected ${expected.join(', ')}; the tool's first five: ${actual.join(', ')}`).toBeGreaterThanOrEqual(4);
  });
});
