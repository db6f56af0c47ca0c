/** A stream the CLI writes to: process.stdout in production, a buffer in tests. */
export interface OutStream {
  /** Text, or bytes for a binary report (a PDF into a pipe). */
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything the CLI may touch of the outside world, passed in so tests can run it in-process. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT/SIGTERM outside a prompt. */
  signal?: AbortSignal;
}

/** Colour on a stream, following --no-color, NO_COLOR, FORCE_COLOR and whether it is a terminal. */
export function colorEnabled(stream: OutStream, env: Io['env'], flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Why prompts are not allowed (--no-input, CI, no terminal on stdin), or undefined when they are. */
export function promptBlocker(io: Io, input: boolean | undefined): string | undefined {
  if (input === false) return '--no-input was given';
  const ci = io.env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false') return 'CI is set';
  return io.stdin.isTTY ? undefined : 'stdin is not a terminal';
}
