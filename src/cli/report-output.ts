import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadAnswers } from '../answers/load.js';
import { lastAnsweredAt, type Answers } from '../answers/model.js';
import { compare } from '../audit/compare.js';
import { audit } from '../audit/score.js';
import { location, type Diagnostic } from '../checklist/diagnostic.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { describeWriteError, writeFileAtomic } from '../files/atomic-write.js';
import { schemaDiagnostics } from '../files/schema-diagnostics.js';
import { readYamlFile } from '../files/yaml-file.js';
import type { Report } from '../generated/report.js';
import { validateReport } from '../generated/validators.js';
import { VERSION } from '../generated/version.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { FORMATTERS, type ReportFormat } from '../report/index.js';
import { oneLine } from '../text/sanitize.js';
import type { CommandContext } from './main.js';

export interface ReportOptions {
  format: ReportFormat;
  output?: string;
  client?: string;
  auditor?: string;
  failUnder?: number;
  top: number;
  compare?: string;
}

/** `file:line:col: warning: message [rule]` for stderr, with file text made safe. */
export function diagnosticLine(d: Diagnostic): string {
  return oneLine(`${location(d)}: ${d.severity}: ${d.message} [${d.rule}]`);
}

/** The report date: SOURCE_DATE_EPOCH when set (reproducible builds), else today, in UTC. */
export function reportDate(env: CommandContext['io']['env'], now = Date.now()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date(now).toISOString().slice(0, 10);
}

/** Fails before any work (or any question) when the report could not be written. */
export function assertWritable(path: string | undefined): void {
  if (path === undefined || path === '-') return;
  try {
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      accessSync(path, constants.W_OK);
    } else {
      accessSync(dirname(path), constants.W_OK);
    }
  } catch (error) {
    throw describeWriteError(path, error);
  }
}

/** The earlier audit to compare with: a report.json as is, or an answers file scored with today's checklists. */
export function loadPrevious(path: string, checklists: readonly LoadedChecklist[], ctx: CommandContext, base: { date: string; top: number }): { report: Report; source: 'answers' | 'report' } {
  const read = readYamlFile(path, 'file');
  if (!read.ok) {
    throw new InputError(`cannot compare with ${path}:`, { details: read.diagnostics.map(diagnosticLine) });
  }
  const data = read.file.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && 'tool' in data && 'score' in data) {
    const problems = schemaDiagnostics(validateReport, read.file, {
      describe: () => 'the report',
      allowedKeys: () => [],
    });
    if (problems.length) {
      throw new InputError(`${path} looks like a cx-audit report but does not match the report schema:`, { details: problems.slice(0, 5).map(diagnosticLine) });
    }
    return { report: data as unknown as Report, source: 'report' };
  }
  const loaded = loadAnswers(path, checklists);
  if (!loaded.ok) throw new InputError(`cannot compare with ${path}:`, { details: loaded.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine) });
  for (const d of loaded.diagnostics) ctx.notice(diagnosticLine(d));
  const report = audit({ checklists, answers: loaded.answers, date: lastAnsweredAt(loaded.answers)?.slice(0, 10) ?? base.date, toolVersion: VERSION, top: base.top });
  return { report, source: 'answers' };
}

/**
 * From answers to a report on stdout or in a file, then the --fail-under gate.
 * Shared by `report` and by `audit` once the interview is done.
 */
export function produceReport(
  input: { checklists: readonly LoadedChecklist[]; answers: Answers; warnings: readonly string[] },
  options: ReportOptions,
  ctx: CommandContext,
): { code: number; report: Report } {
  const date = reportDate(ctx.io.env);
  const report = audit({
    checklists: input.checklists,
    answers: input.answers,
    date,
    toolVersion: VERSION,
    top: options.top,
    client: options.client,
    auditor: options.auditor,
    warnings: input.warnings,
  });
  if (options.compare) {
    const previous = loadPrevious(options.compare, input.checklists, ctx, { date, top: options.top });
    report.comparison = compare(report, previous.report, previous.source);
  }
  const pieces = FORMATTERS[options.format](report);
  if (options.output === undefined || options.output === '-') for (const piece of pieces) ctx.out(piece);
  else {
    writeFileAtomic(options.output, pieces);
    ctx.notice(`Report written to ${options.output}`);
  }
  return { code: gate(report, options.failUnder, ctx), report };
}

/** Exit 1 when the score is under --fail-under (or there is no score to compare). */
function gate(report: Report, failUnder: number | undefined, ctx: CommandContext): number {
  if (failUnder === undefined) return EXIT.ok;
  const score = report.score.value;
  if (score === null) {
    ctx.io.stderr.write(`cx-audit: no scored answers, so the score cannot reach --fail-under ${failUnder}\n`);
    return EXIT.finding;
  }
  if (score < failUnder) {
    ctx.io.stderr.write(`cx-audit: score ${score.toFixed(1)} is under --fail-under ${failUnder}\n`);
    return EXIT.finding;
  }
  ctx.notice(`Score ${score.toFixed(1)} meets --fail-under ${failUnder}`);
  return EXIT.ok;
}
