import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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
  /** Bytes (a PDF) are kept one character per byte, so `text` still starts with "%PDF". */
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    return true;
  }
}

/**
 * Runs the CLI in-process, with no terminal and no colour, unless env says
 * otherwise. CI is set, as in CI; a case about the terminal rules unsets it
 * with `CI: ''`. `signal` stands for Ctrl-C.
 */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}, signal?: AbortSignal): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end();
  const code = await run(args, { stdout, stderr, stdin, env: { CI: 'true', ...env }, ...(signal ? { signal } : {}) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the built bin in a child process, as a user or CI job would. */
export function runBin(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string; uid?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CI: 'true', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface Spawned {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  done: Promise<CliResult & { ms: number; peakMb: number | undefined }>;
}

/**
 * Starts the built bin in a child process and measures it: exit code, output,
 * time taken and, with `measure`, peak memory. For signals and streams that
 * `runBin` cannot drive.
 */
export function spawnBin(args: string[], options: { cwd?: string; env?: Record<string, string>; measure?: boolean; uid?: number; gid?: number } = {}): Spawned {
  const start = Date.now();
  const preload = options.measure ? ['--import', `${ROOT}bench/max-rss.mjs`] : [];
  const child = spawn(process.execPath, [...preload, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CI: 'true', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end();
  const done = new Promise<CliResult & { ms: number; peakMb: number | undefined }>((resolve) => {
    child.on('close', (code, signal) => {
      const rss = /\nmax-rss-kb=(\d+)\n/.exec(stderr);
      resolve({
        code: code ?? (signal ? 128 : -1),
        stdout,
        stderr: stderr.replace(/\nmax-rss-kb=\d+\n/, ''),
        ms: Date.now() - start,
        peakMb: rss ? Number(rss[1]) / 1024 : undefined,
      });
    });
  });
  return { child, done };
}
