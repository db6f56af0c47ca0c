import { loadChecklists } from '../../checklist/load.js';
import { expandSources } from '../../checklist/sources.js';
import { formatGithub, formatJson, formatText, summarize, type ValidateFormat } from '../../checklist/format-diagnostics.js';
import { configChecklists } from '../../config/config.js';
import { EXIT, UsageError } from '../../errors.js';
import { oneLine } from '../../text/sanitize.js';
import { makeStyle } from '../../text/style.js';
import type { CommandContext } from '../context.js';
import { readContext } from '../inputs.js';
import { favorMemoryForLargeInput } from '../memory.js';

export interface ValidateOptions {
  format: ValidateFormat;
  strict?: boolean;
  printResolved?: boolean;
}

/** `cx-audit validate <file...>`: 0 valid, 1 invalid, 2 a file could not be read. */
export async function validateCommand(paths: string[], options: ValidateOptions, ctx: CommandContext): Promise<number> {
  // No files given: the checklists of the project config, if it names any.
  const configured = paths.length === 0 && ctx.config?.settings.checklists ? ctx.config : undefined;
  if (paths.length === 0 && !configured) throw new UsageError("missing required argument 'file'");
  const { files, unreadable } = configured ? configChecklists(configured) : expandSources(paths);
  if (files.length === 0 && unreadable.length === 0) {
    ctx.io.stderr.write(`cx-audit: no YAML files found in ${oneLine(paths.join(', '))}; validate checks .yaml and .yml files\n`);
    return EXIT.cannotRun;
  }
  favorMemoryForLargeInput(files);
  const { files: loaded } = await loadChecklists(files, readContext(ctx));
  const results = [...unreadable, ...loaded];
  const summary = summarize(
    results.map((r) => ({
      file: r.file,
      checklist: r.checklist ? { id: r.checklist.id, version: r.checklist.version, questions: r.checklist.questions.length } : null,
      diagnostics: r.diagnostics,
    })),
    Boolean(options.strict),
  );
  if (options.printResolved) {
    // The checklists as cx-audit uses them go to stdout; the verdict, to stderr.
    const { printResolved } = await import('../../checklist/print-resolved.js');
    ctx.out(loaded.flatMap((r) => (r.checklist ? [printResolved(r.checklist)] : [])).join('---\n'));
    ctx.io.stderr.write(formatText(summary, makeStyle(false), { quiet: ctx.quiet }));
  } else if (options.format === 'json') ctx.out(formatJson(summary));
  else if (options.format === 'github') {
    ctx.out(formatGithub(summary));
    if (summary.errorCount === 0 && summary.warningCount === 0) ctx.notice(`${files.length} checklist files valid`);
  } else ctx.out(formatText(summary, makeStyle(ctx.color), { quiet: ctx.quiet }));

  if (results.some((r) => r.unreadable)) return EXIT.cannotRun;
  if (summary.errorCount > 0 || (options.strict && summary.warningCount > 0)) return EXIT.finding;
  return EXIT.ok;
}
