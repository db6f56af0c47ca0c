import { existsSync } from 'node:fs';
import { loadAnswers } from '../answers/load.js';
import { loadBrand, type Branding } from '../brand/load.js';
import { emptyAnswers, type Answers } from '../answers/model.js';
import { formatText, summarize } from '../checklist/format-diagnostics.js';
import { loadChecklists } from '../checklist/load.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { EXIT, InputError } from '../errors.js';
import { location, type Diagnostic } from '../files/diagnostic.js';
import { planOutput, type OutputPlan, type ProtectedInput } from '../files/output.js';
import type { ReadContext } from '../files/read-input.js';
import { builtinChecklistPaths } from '../paths.js';
import { expandSources } from '../checklist/sources.js';
import { configChecklists, type LoadedConfig } from '../config/config.js';
import { oneLine } from '../text/sanitize.js';
import { makeStyle } from '../text/style.js';
import type { CommandContext } from './context.js';
import { favorMemoryForLargeInput } from './memory.js';

/** What reading an input needs of the process: Ctrl-C and the standard input. */
export function readContext(ctx: CommandContext): ReadContext {
  return { signal: ctx.io.signal, stdin: ctx.io.stdin };
}

/** `file:line:col: warning: message [rule]` for stderr, with file text made safe. */
export function diagnosticLine(d: Diagnostic): string {
  return oneLine(`${location(d)}: ${d.severity}: ${d.message} [${d.rule}]`);
}

/**
 * The checklists a run uses: the files given, or the built-in ones. Any
 * invalid or unreadable checklist stops the run (exit 2) with its diagnostics.
 */
export async function checklistsForRun(paths: readonly string[], ctx: CommandContext): Promise<LoadedChecklist[]> {
  // Files, folders and npm packages given here; else the config's (found from its folder); else the built-in ones.
  const configured = ctx.config?.settings.checklists;
  const { files, unreadable } = paths.length
    ? expandSources(paths)
    : configured
      ? configChecklists(ctx.config!)
      : { files: builtinChecklistPaths(), unreadable: [] };
  favorMemoryForLargeInput(files);
  const result = await loadChecklists(files, readContext(ctx));
  const broken = [...unreadable, ...result.files.filter((f) => !f.checklist)];
  if (broken.length) {
    const summary = summarize(
      broken.map((f) => ({ file: f.file, checklist: null, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })),
      false,
    );
    const text = formatText(summary, makeStyle(false)).trimEnd();
    throw new InputError(
      `cannot use ${broken.length === 1 ? 'this checklist' : 'these checklists'}; fix ${broken.length === 1 ? 'it' : 'them'} first (cx-audit validate shows every problem):`,
      {
        exitCode: EXIT.cannotRun,
        details: text.split('\n'),
      },
    );
  }
  return result.checklists;
}

export interface LoadedAnswers {
  answers: Answers;
  /** Warnings about the file, already printed; the report lists them too. */
  warnings: string[];
  existed: boolean;
}

/**
 * Loads an answers file for a run, printing its warnings; a file that cannot
 * be used stops the run (exit 2). With `missing: 'empty'` a file that does
 * not exist yet is an empty start (an interview); otherwise it is an error.
 */
export async function answersForRun(
  path: string,
  checklists: readonly LoadedChecklist[],
  ctx: CommandContext,
  options: { missing: 'empty' | 'error'; role?: string },
): Promise<LoadedAnswers> {
  if (options.missing === 'empty' && !existsSync(path)) return { answers: emptyAnswers(), warnings: [], existed: false };
  const loaded = await loadAnswers(path, checklists, readContext(ctx));
  if (!loaded.ok) {
    const verb = loaded.unreadable ? 'cannot read' : 'cannot use';
    throw new InputError(`${verb} ${options.role ?? 'the answers file'} ${path}:`, {
      details: [
        ...loaded.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine),
        ...(options.missing === 'empty' && !loaded.unreadable ? ['Fix the file (or move it away to start afresh); nothing was changed.'] : []),
      ],
    });
  }
  for (const d of loaded.diagnostics) ctx.notice(diagnosticLine(d));
  return { answers: loaded.answers, warnings: loaded.diagnostics.map((d) => d.message), existed: true };
}

/**
 * The brand file of a run (--brand), with its logo, or undefined without
 * one. A file that cannot be used stops the run (exit 2) before any work,
 * and the report may not be written over the logo.
 */
export async function brandForRun(path: string | undefined, ctx: CommandContext, plan: OutputPlan): Promise<Branding | undefined> {
  if (path === undefined) return undefined;
  const loaded = await loadBrand(path, readContext(ctx));
  if (!loaded.ok) {
    throw new InputError(`${loaded.unreadable ? 'cannot read' : 'cannot use'} the brand file ${path}:`, {
      details: loaded.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine),
    });
  }
  for (const d of loaded.diagnostics) ctx.notice(diagnosticLine(d));
  const logo = loaded.brand.logo;
  if (logo && plan.kind !== 'stdout') planOutput(plan.path, [{ path: logo.path, role: 'the logo of the brand file' }]);
  return loaded.brand;
}

/** Quotes an argument for a shell when it needs it, so a hint can be pasted as it is. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** What to type to go on with an answers file: the interview with the same checklists. */
export function resumeCommand(checklistFiles: readonly string[], answersFile: string, extra: readonly string[] = []): string {
  return ['cx-audit', ...checklistFiles, '--answers', answersFile, ...extra].map(shellWord).join(' ');
}

/** The files a command reads, which no output of it may replace. */
export function protectedInputs(
  inputs: {
    answers?: readonly string[];
    checklists?: readonly string[];
    compare?: string | undefined;
    brand?: string | undefined;
    plan?: string | undefined;
  },
  config?: LoadedConfig,
): ProtectedInput[] {
  // Without checklist arguments, the run reads the config's checklists, or else the built-in ones.
  const configured = config?.settings.checklists;
  const checklists = inputs.checklists?.length ? inputs.checklists : configured?.length ? configured : builtinChecklistPaths();
  return [
    ...(inputs.answers ?? []).map((path) => ({ path, role: 'the answers file' })),
    ...checklists.map((path) => ({ path, role: 'a checklist' })),
    ...(inputs.compare ? [{ path: inputs.compare, role: 'the --compare file' }] : []),
    ...(inputs.brand ? [{ path: inputs.brand, role: 'the brand file' }] : []),
    ...(inputs.plan ? [{ path: inputs.plan, role: 'the plan' }] : []),
    ...(config ? [{ path: config.file, role: 'the project config' }] : []),
  ];
}
