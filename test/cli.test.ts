import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, type CliCase, type Expect } from './cli.cases.js';
import { runBin, runCli, spawnBin, type CliResult } from './helpers/run-cli.js';

function check(actual: string, expected: Expect | undefined): void {
  if (expected === undefined) return;
  if (typeof expected === 'string') expect(actual).toBe(expected);
  else if (expected instanceof RegExp) expect(actual).toMatch(expected);
  else expected(actual);
}

/** A fresh $TMP for the case, prepared by its setup. */
function prepare(c: CliCase): { tmp: string; args: string[] } {
  const tmp = mkdtempSync(join(tmpdir(), 'cx-audit-cli-'));
  c.setup?.(tmp);
  return { tmp, args: c.args.map((a) => a.replaceAll('$TMP', tmp)) };
}

function verify(c: CliCase, tmp: string, result: CliResult): void {
  const fill = (e: Expect | undefined) => (typeof e === 'string' ? e.replaceAll('$TMP', tmp) : e);
  check(result.stdout, fill(c.stdout));
  check(result.stderr, fill(c.stderr));
  expect(result.code).toBe(c.exitCode);
  expect(result.stderr).not.toMatch(/^\s+at |unexpected error/m); // never a stack trace, never a crash
  c.after?.(tmp);
}

describe('the command line, in-process', () => {
  it.each(CASES)('$name', async (c) => {
    const { tmp, args } = prepare(c);
    const controller = new AbortController();
    if (c.interruptAfterMs !== undefined) setTimeout(() => controller.abort(), c.interruptAfterMs);
    verify(c, tmp, await runCli(args, c.env, controller.signal));
  });
});

describe('the command line, through the built binary', () => {
  it.each(CASES)('$name', async (c) => {
    const { tmp, args } = prepare(c);
    if (c.interruptAfterMs === undefined) return verify(c, tmp, runBin(args, c.env ? { env: c.env } : {}));
    const run = spawnBin(args, c.env ? { env: c.env } : {});
    setTimeout(() => run.child.kill('SIGINT'), c.interruptAfterMs);
    verify(c, tmp, await run.done);
  });
});
