import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, type Expect } from './cli.cases.js';
import { runBin, runCli } from './helpers/run-cli.js';

function check(actual: string, expected: Expect | undefined): void {
  if (expected === undefined) return;
  if (typeof expected === 'string') expect(actual).toBe(expected);
  else if (expected instanceof RegExp) expect(actual).toMatch(expected);
  else expected(actual);
}

const withTmp = (args: string[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-audit-cli-'));
  return args.map((a) => a.replace('$TMP', dir));
};

describe('the command line, in-process', () => {
  it.each(CASES)('$name', async ({ args, exitCode, stdout, stderr, env }) => {
    const result = await runCli(withTmp(args), env);
    check(result.stdout, stdout);
    check(result.stderr, stderr);
    expect(result.code).toBe(exitCode);
    expect(result.stderr).not.toMatch(/^\s+at /m); // never a stack trace
  });
});

describe('the command line, through the built binary', () => {
  it.each(CASES.filter((c) => c.bin))('$name', ({ args, exitCode, stdout, stderr, env }) => {
    const result = runBin(withTmp(args), { env });
    check(result.stdout, stdout);
    check(result.stderr, stderr);
    expect(result.code).toBe(exitCode);
  });
});
