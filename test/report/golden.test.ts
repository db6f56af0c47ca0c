import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Golden reports, compared byte for byte. After a deliberate change to the
 * report, regenerate them with: UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts
 * and read the diff before committing it.
 */
const CHECKLISTS = ['test/fixtures/checklists/shop.yaml', 'test/fixtures/checklists/other.yaml'];
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01

const SETS = [
  { name: 'partial', args: ['report', 'test/fixtures/answers/shop-partial.yaml', ...CHECKLISTS] },
  {
    name: 'complete-compared',
    args: ['report', 'test/fixtures/answers/shop-complete.yaml', ...CHECKLISTS, '--compare', 'test/fixtures/answers/shop-2025.yaml', '--top', '2'],
  },
];

describe('golden reports', () => {
  for (const set of SETS) {
    for (const format of ['md', 'json'] as const) {
      it(`${set.name}.${format}`, async () => {
        const result = await runCli([...set.args, '-f', format], EPOCH);
        expect(result.code).toBe(0);
        const path = `test/fixtures/golden/${set.name}.${format}`;
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, result.stdout);
        expect(result.stdout).toBe(readFileSync(path, 'utf8'));
      });
    }
  }

  it('gives the same bytes for the same answers, every time', async () => {
    const [a, b] = await Promise.all([runCli(SETS[0]!.args, EPOCH), runCli(SETS[0]!.args, EPOCH)]);
    expect(a.stdout).toBe(b.stdout);
  });
});
