import { formatText, summarize } from '../checklist/format-diagnostics.js';
import { loadChecklists } from '../checklist/load.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { EXIT, InputError } from '../errors.js';
import { builtinChecklistPaths } from '../paths.js';
import { favorMemoryForLargeInput } from './memory.js';
import { makeStyle } from '../text/style.js';

/**
 * The checklists a run uses: the files given, or the built-in ones. Any
 * invalid or unreadable checklist stops the run (exit 2) with its diagnostics.
 */
export function checklistsForRun(paths: readonly string[]): LoadedChecklist[] {
  const files = paths.length ? paths : builtinChecklistPaths();
  favorMemoryForLargeInput(files);
  const result = loadChecklists(files);
  const broken = result.files.filter((f) => !f.checklist);
  if (broken.length) {
    const summary = summarize(
      broken.map((f) => ({ file: f.file, checklist: null, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })),
      false,
    );
    const text = formatText(summary, makeStyle(false)).trimEnd();
    throw new InputError(`cannot use ${broken.length === 1 ? 'this checklist' : 'these checklists'}; fix ${broken.length === 1 ? 'it' : 'them'} first (cx-audit validate shows every problem):`, {
      exitCode: EXIT.cannotRun,
      details: text.split('\n'),
    });
  }
  return result.checklists;
}
