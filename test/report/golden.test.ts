import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/generated/version.js';
import { runBin, runCli } from '../helpers/run-cli.js';

/**
 * Golden reports, compared byte for byte with the files in
 * test/fixtures/golden/. They hold {{VERSION}} where the tool's version
 * goes, so a release does not change them. After a deliberate change to the
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

const FORMATS = ['md', 'json', 'html'] as const;

/** Where a report names the tool's version: the Markdown and HTML byline and the JSON "tool" object. */
const TOOL_VERSION = [
  { written: `with cx-audit ${VERSION}.`, golden: 'with cx-audit {{VERSION}}.' },
  { written: `"name": "cx-audit",\n    "version": "${VERSION}"`, golden: '"name": "cx-audit",\n    "version": "{{VERSION}}"' },
];

const toGolden = (text: string) => TOOL_VERSION.reduce((t, v) => t.replaceAll(v.written, v.golden), text);

/** The golden file as this version of cx-audit writes it. */
function golden(name: string, format: string): string {
  return TOOL_VERSION.reduce((t, v) => t.replaceAll(v.golden, v.written), readFileSync(`test/fixtures/golden/${name}.${format}`, 'utf8'));
}

describe('golden reports', () => {
  for (const set of SETS) {
    for (const format of FORMATS) {
      it(`${set.name}.${format}`, async () => {
        const result = await runCli([...set.args, '-f', format], EPOCH);
        expect(result.code).toBe(0);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(`test/fixtures/golden/${set.name}.${format}`, toGolden(result.stdout));
        expect(result.stdout).toBe(golden(set.name, format));
      });
    }
  }

  it('gives the same bytes in another process, through the binary', () => {
    for (const set of SETS) {
      for (const format of FORMATS) expect(runBin([...set.args, '-f', format], { env: EPOCH }).stdout).toBe(golden(set.name, format));
    }
  });

  it('keeps the version out of the golden files', () => {
    for (const set of SETS) {
      for (const format of FORMATS) {
        const text = readFileSync(`test/fixtures/golden/${set.name}.${format}`, 'utf8');
        expect(text).toContain('{{VERSION}}');
        for (const v of TOOL_VERSION) expect(text).not.toContain(v.written);
      }
    }
  });
});
