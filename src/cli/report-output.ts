import { checkAnswers } from '../answers/load.js';
import { lastAnsweredAt, type Answers } from '../answers/model.js';
import { compare } from '../audit/compare.js';
import { audit } from '../audit/score.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { writeOutput, type OutputPlan } from '../files/output.js';
import { schemaDiagnostics } from '../files/schema-diagnostics.js';
import { readYamlFile } from '../files/yaml-file.js';
import type { Report } from '../generated/report.js';
import { validateReport } from '../generated/validators.js';
import { VERSION } from '../generated/version.js';
import { formatOfPath, REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import type { CommandContext } from './context.js';
import { diagnosticLine, readContext } from './inputs.js';

export interface ReportOptions {
  /** -f; when absent, the extension of -o decides. */
  format?: ReportFormat;
  output?: string;
  client?: string;
  auditor?: string;
  failUnder?: number;
  top: number;
  compare?: string;
}

/** The last second SOURCE_DATE_EPOCH may name: the end of year 9999. */
const MAX_EPOCH = 253_402_300_799;

/** The report date: SOURCE_DATE_EPOCH when set (reproducible builds), else today, in UTC. */
function reportDate(env: CommandContext['io']['env'], now = Date.now()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH) {
      throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, up to ${MAX_EPOCH} (the end of 9999), not "${epoch}"`);
    }
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date(now).toISOString().slice(0, 10);
}

/**
 * The format to write: `-f` when given, else the one the output file's
 * extension names, else `fallback`. `-f json -o report.md` is a usage error:
 * the file would not hold what its name says.
 */
export function chooseFormat(format: ReportFormat | undefined, output: string | undefined, fallback: ReportFormat): ReportFormat {
  const implied = output && output !== '-' ? formatOfPath(output) : undefined;
  if (format && implied && format !== implied) {
    throw new UsageError(
      `-f ${format} does not match -o ${output}, whose name says ${REPORT_FORMATS[implied].description}; drop -f, or name the file .${REPORT_FORMATS[format].extensions[0]}`,
    );
  }
  return format ?? implied ?? fallback;
}

/** "acme gmbh" and "Acme GmbH " are one client. */
const sameClient = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a YYYY-MM-DD text names a day that exists. */
function realDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/**
 * The earlier audit to compare with: a report.json as is, or an answers file
 * scored with today's checklists. An audit of another client is refused.
 */
async function loadPrevious(
  path: string,
  checklists: readonly LoadedChecklist[],
  ctx: CommandContext,
  base: { top: number; client: string | null },
): Promise<{ report: Report; source: 'answers' | 'report' }> {
  const read = await readYamlFile(path, { ...readContext(ctx), kind: 'file' });
  if (!read.ok) throw new InputError(`cannot compare with ${path}:`, { details: read.diagnostics.map(diagnosticLine) });
  const data = read.file.data as Record<string, unknown> | null;
  let previous: { report: Report; source: 'answers' | 'report' };
  if (data && typeof data === 'object' && 'tool' in data && 'score' in data) {
    const problems = schemaDiagnostics(validateReport, read.file, { describe: () => 'the report', allowedKeys: () => [] });
    const report = data as unknown as Report;
    if (!problems.length && !realDate(report.date)) {
      problems.push({
        file: path,
        ...read.file.placeOf(['date']),
        severity: 'error',
        rule: 'bad-date',
        message: `the report's date ${report.date} is not a real day`,
      });
    }
    if (problems.length) {
      throw new InputError(`${path} looks like a cx-audit report but does not match the report schema:`, { details: problems.slice(0, 5).map(diagnosticLine) });
    }
    previous = { report, source: 'report' };
  } else {
    const loaded = checkAnswers(read.file, read.diagnostics, checklists);
    if (!loaded.ok)
      throw new InputError(`cannot compare with ${path}:`, { details: loaded.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine) });
    for (const d of loaded.diagnostics) ctx.notice(diagnosticLine(d));
    // An answers file says when it was answered only through its answers' times.
    const date = lastAnsweredAt(loaded.answers)?.slice(0, 10) ?? '';
    previous = { report: audit({ checklists, answers: loaded.answers, date, toolVersion: VERSION, top: base.top }), source: 'answers' };
  }
  const then = previous.report.client;
  if (base.client && then && !sameClient(base.client, then)) {
    throw new InputError(`${path} is an audit of "${then}", and this report is for "${base.client}"; --compare needs an earlier audit of the same client`);
  }
  return previous;
}

/**
 * From answers to a report on stdout or in a file, then the --fail-under gate.
 * Shared by `report` and by `audit` once the interview is done.
 */
export async function produceReport(
  input: { checklists: readonly LoadedChecklist[]; answers: Answers; warnings: readonly string[] },
  options: ReportOptions & { format: ReportFormat; plan: OutputPlan },
  ctx: CommandContext,
): Promise<{ code: number; report: Report }> {
  const report = audit({
    checklists: input.checklists,
    answers: input.answers,
    date: reportDate(ctx.io.env),
    toolVersion: VERSION,
    top: options.top,
    client: options.client,
    auditor: options.auditor,
    warnings: input.warnings,
  });
  if (options.compare) {
    const previous = await loadPrevious(options.compare, input.checklists, ctx, { top: options.top, client: report.client });
    report.comparison = compare(report, previous.report, previous.source);
  }
  const render = await REPORT_FORMATS[options.format].load();
  await writeOutput(options.plan, render(report), ctx.io.stdout, ctx.io.signal);
  if (options.plan.kind !== 'stdout') ctx.notice(`Report written to ${options.plan.path}`);
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
