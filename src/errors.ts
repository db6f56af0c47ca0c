/** Exit codes, as DESIGN.md defines them for every subcommand. */
export const EXIT = {
  ok: 0,
  /** The finding: a checklist is invalid, or the score is under --fail-under. */
  finding: 1,
  /** Could not run: usage error, unreadable file, invalid input, input needed but none possible. */
  cannotRun: 2,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can act on: its message is printed as is, with no stack trace. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  /** Extra lines printed after the message (already formatted). */
  readonly details: string[];
  constructor(message: string, options: { exitCode?: ExitCode; details?: string[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? EXIT.cannotRun;
    this.details = options.details ?? [];
  }
}

/** Wrong arguments or flags. */
export class UsageError extends CliError {}

/** A file that cannot be read, or input that cannot be used (exit 2). */
export class InputError extends CliError {}

/** Ctrl-C or SIGTERM during an interview. */
export class InterruptedError extends CliError {
  constructor(message: string) {
    super(message, { exitCode: EXIT.interrupted });
  }
}
