import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/run-cli.js';

/** The modules a run of the built bin loads. */
function loadedBy(args: string[]): string[] {
  const trace = join(mkdtempSync(join(tmpdir(), 'cx-audit-trace-')), 'modules.txt');
  const result = spawnSync(process.execPath, ['--import', `${ROOT}test/fixtures/scripts/trace-imports.mjs`, BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', CX_AUDIT_TRACE: trace, CI: 'true' },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(trace, 'utf8').trim().split('\n');
}

const HEAVY = [/@inquirer\//, /\/marked(-terminal)?\//, /\/ajv\/dist\/(core|ajv|compile)/, /\/yaml\//];

describe('start-up stays light', () => {
  it.each([['--version'], ['--help']])('%s loads neither inquirer, marked, ajv nor yaml', (flag) => {
    const modules = loadedBy([flag]);
    expect(modules.some((m) => m.includes('/dist/cli/main.js'))).toBe(true);
    for (const heavy of HEAVY) expect(modules.filter((m) => heavy.test(m))).toEqual([]);
  });

  it('validate loads the build-time validators, never the ajv compiler, inquirer or marked', () => {
    const modules = loadedBy(['validate', 'test/fixtures/checklists/shop.yaml']);
    expect(modules.some((m) => m.endsWith('/dist/generated/validators.js'))).toBe(true);
    for (const heavy of HEAVY.slice(0, 3)) expect(modules.filter((m) => heavy.test(m))).toEqual([]);
  });
});
