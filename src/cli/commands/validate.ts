import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadChecklists, type ChecklistFileResult } from '../../checklist/load.js';
import { formatGithub, formatJson, formatText, summarize, type ValidateFormat } from '../../checklist/format-diagnostics.js';
import { EXIT } from '../../errors.js';
import { oneLine } from '../../text/sanitize.js';
import { makeStyle } from '../../text/style.js';
import type { CommandContext } from '../context.js';
import { readContext } from '../inputs.js';
import { favorMemoryForLargeInput } from '../memory.js';

export interface ValidateOptions {
  format: ValidateFormat;
  strict?: boolean;
}

interface Expanded {
  files: string[];
  /** Folders that could not be read, as results of their own. */
  unreadable: ChecklistFileResult[];
}

/**
 * Folders stand for the YAML files inside them, recursively, in name order.
 * Each file is listed once, however many links lead to it; a folder that
 * cannot be read is reported, and the rest still checked.
 */
function expand(paths: readonly string[]): Expanded {
  const files: string[] = [];
  const unreadable: ChecklistFileResult[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // the loader reports it
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push(path);
  };
  const walk = (dir: string) => {
    let real: string;
    let entries: string[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir).sort();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied; check the folder permissions' : String(code ?? error);
      unreadable.push({
        file: dir,
        unreadable: true,
        diagnostics: [{ file: dir, severity: 'error', rule: 'unreadable', message: `is a folder that cannot be read: ${why}` }],
      });
      return;
    }
    if (seen.has(`${real}/`)) return; // a link back to a folder already walked
    seen.add(`${real}/`);
    for (const entry of entries) {
      const path = join(dir, entry);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // a broken link: not a checklist
        continue;
      }
      if (isDir) walk(path);
      else if (/\.ya?ml$/.test(entry)) add(path);
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // the loader reports it as unreadable
    }
    if (isDir) walk(path);
    else add(path);
  }
  return { files, unreadable };
}

/** `cx-audit validate <file...>`: 0 valid, 1 invalid, 2 a file could not be read. */
export async function validateCommand(paths: string[], options: ValidateOptions, ctx: CommandContext): Promise<number> {
  const { files, unreadable } = expand(paths);
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
  if (options.format === 'json') ctx.out(formatJson(summary));
  else if (options.format === 'github') {
    ctx.out(formatGithub(summary));
    if (summary.errorCount === 0 && summary.warningCount === 0) ctx.notice(`${files.length} checklist files valid`);
  } else ctx.out(formatText(summary, makeStyle(ctx.color), { quiet: ctx.quiet }));

  if (results.some((r) => r.unreadable)) return EXIT.cannotRun;
  if (summary.errorCount > 0 || (options.strict && summary.warningCount > 0)) return EXIT.finding;
  return EXIT.ok;
}
