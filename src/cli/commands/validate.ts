import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadChecklists } from '../../checklist/load.js';
import { formatGithub, formatJson, formatText, summarize, type ValidateFormat } from '../../checklist/format-diagnostics.js';
import { EXIT } from '../../errors.js';
import { makeStyle } from '../../text/style.js';
import type { CommandContext } from '../main.js';
import { favorMemoryForLargeInput } from '../memory.js';

export interface ValidateOptions {
  format: ValidateFormat;
  strict?: boolean;
}

/** Folders stand for the YAML files inside them, recursively, in name order. */
function expand(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      return [path]; // the loader reports it as unreadable
    }
    if (!isDir) return [path];
    return readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(path, f));
  });
}

/** `cx-audit validate <file...>`: 0 valid, 1 invalid, 2 a file could not be read. */
export async function validateCommand(paths: string[], options: ValidateOptions, ctx: CommandContext): Promise<number> {
  const files = expand(paths);
  favorMemoryForLargeInput(files);
  const { files: results } = loadChecklists(files);
  const summary = summarize(
    results.map((r) => ({
      file: r.file,
      checklist: r.checklist ? { id: r.checklist.id, version: r.checklist.version, questions: r.checklist.questions.length } : null,
      diagnostics: r.diagnostics,
    })),
    Boolean(options.strict),
  );
  if (options.format === 'json') ctx.out(formatJson(summary));
  else if (options.format === 'github') {
    ctx.out(formatGithub(summary));
    if (summary.errorCount === 0 && summary.warningCount === 0) ctx.notice(`${files.length} checklist files valid`);
  } else ctx.out(formatText(summary, makeStyle(ctx.color), { quiet: ctx.quiet }));

  if (files.length === 0) {
    ctx.io.stderr.write(`cx-audit: no YAML files found in ${paths.join(', ')}\n`);
    return EXIT.cannotRun;
  }
  if (results.some((r) => r.unreadable)) return EXIT.cannotRun;
  if (summary.errorCount > 0 || (options.strict && summary.warningCount > 0)) return EXIT.finding;
  return EXIT.ok;
}
