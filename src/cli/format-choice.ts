import { UsageError } from '../errors.js';
import type { OutputPlan } from '../files/output.js';
import type { OutStream } from './io.js';

/**
 * The format of a command's output: `-f`, or what the `-o` file's name says
 * (by `extensions`, lower case, without the dot), or `fallback`. A `-f` that
 * contradicts the name is a usage error. (`report` has its own, richer
 * message in report-output.ts.)
 */
export function formatFromName<F extends string>(
  options: { format?: F | undefined; output?: string | undefined },
  extensions: Readonly<Record<string, F>>,
  fallback: F,
): F {
  const extension = options.output && options.output !== '-' ? /\.([^./\\]+)$/.exec(options.output)?.[1]?.toLowerCase() : undefined;
  const implied = extension !== undefined && Object.hasOwn(extensions, extension) ? extensions[extension] : undefined;
  if (options.format && implied && options.format !== implied) {
    throw new UsageError(`-f ${options.format} does not match -o ${options.output}; drop -f, or name the file .${options.format}`);
  }
  return options.format ?? implied ?? fallback;
}

/** Bytes (a PDF, a workbook) would print as garbage on a terminal: name the file to write instead. */
export function refuseBytesOnTerminal(format: string, plan: OutputPlan, stdout: OutStream, file: string): void {
  if (plan.kind !== 'stdout' || !stdout.isTTY) return;
  throw new UsageError(`-f ${format} writes a binary file, which a terminal cannot show; write it to a file with -o ${file}, or pipe it (> ${file})`);
}
