import type { LoadedConfig } from '../config/config.js';
import { colorEnabled, type Io } from './io.js';

/** What every command receives: the outside world and how to talk to it. */
export interface CommandContext {
  io: Io;
  quiet: boolean;
  color: boolean;
  /** A result: goes to stdout. */
  out(text: string): void;
  /** Talk: progress and notices go to stderr, unless --quiet. */
  notice(text: string): void;
  /** The project config (cx-audit.config.yaml or --config), if there is one. */
  config?: LoadedConfig | undefined;
}

/** The context of one run, from the global flags (--no-color, --quiet). */
export function makeContext(io: Io, flags: { color?: boolean; quiet?: boolean }, config?: LoadedConfig): CommandContext {
  const quiet = Boolean(flags.quiet);
  return {
    io,
    config,
    quiet,
    color: colorEnabled(io.stdout, io.env, flags.color),
    out: (text) => io.stdout.write(text),
    notice: (text) => {
      if (!quiet) io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
