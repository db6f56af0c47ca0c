import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/cx-audit.js`;
export const fixture = (relative: string) => `${ROOT}test/fixtures/${relative}`;

/** A writable that collects what is written, pretending to be (or not) a terminal. */
export class Capture {
  text = '';
  isTTY: boolean;
  columns = 80;
  constructor(isTTY = false) {
    this.isTTY = isTTY;
  }
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Runs the CLI in-process, with no terminal and no colour, unless env says otherwise. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end();
  const code = await run(args, { stdout, stderr, stdin, env: { CI: 'true', ...env } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the built bin in a child process, as a user or CI job would. */
export function runBin(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CI: 'true', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
