import { checkAnswers } from '../answers/load.js';
import type { Branding } from '../brand/load.js';
import { lastAnsweredAt, type Answers } from '../answers/model.js';
import { compare, earlierAudit, type EarlierAudit } from '../audit/compare.js';
import { audit, withNotApplicable } from '../audit/score.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { writeOutput, type OutputPlan } from '../files/output.js';
import { schemaDiagnostics } from '../files/schema-diagnostics.js';
import { readYamlFile } from '../files/yaml-file.js';
import type { Report } from '../generated/report.js';
import { validateReport } from '../generated/validators.js';
import { VERSION } from '../generated/version.js';
import { formatOfPath, isBinaryFormat, REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import type { CommandContext } from './context.js';
import { refuseBytesOnTerminal } from './format-choice.js';
import { diagnosticLine, readContext } from './inputs.js';
import type { OutStream } from './io.js';

export interface ReportOptions {
  /** -f; when absent, the extension of -o decides. */
  format?: ReportFormat;
  output?: string;
  client?: string;
  auditor?: string;
  failUnder?: number;
  top: number;
  compare?: string;
  /** --brand: the brand file's path. */
  brand?: string;
  /** --plan: a plan file whose progress the report shows. */
  plan?: string;
  /** --count-accepted: gaps accepted in the plan (and not expired) count as not applicable for --fail-under. */
  countAccepted?: boolean;
  /** The brand file, loaded by the command before any work (cli/inputs.ts brandForRun). */
  branding?: Branding | undefined;
}

/** The last second SOURCE_DATE_EPOCH may name: the end of year 9999. */
const MAX_EPOCH = 253_402_300_799;

/** The report date: SOURCE_DATE_EPOCH when set (reproducible builds), else today, in UTC. */
export function reportDate(env: CommandContext['io']['env'], now = Date.now()): string {
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

/**
 * A binary report (PDF) is refused on a terminal, where it would print as
 * garbage and can leave the terminal in a strange state; a pipe or a file
 * takes it. Checked with the output plan, before any work.
 */
export function refuseBinaryOnTerminal(format: ReportFormat, plan: OutputPlan, stdout: OutStream): void {
  if (isBinaryFormat(format)) refuseBytesOnTerminal(format, plan, stdout, `report.${REPORT_FORMATS[format].extensions[0]}`);
}

/** "acme gmbh" and "Acme GmbH " are one client. */
const sameClient = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a YYYY-MM-DD text names a day that exists. */
function realDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/**
 * What a report written by cx-audit 0.1 (schemaVersion 1) must hold for a
 * comparison, checked by hand: its full schema is not kept. Each problem
 * has the data path it is about.
 */
function firstReportProblem(data: Record<string, unknown>): { path: (string | number)[]; message: string } | undefined {
  const score = (data.score as { value?: unknown } | undefined)?.value;
  if (typeof data.date !== 'string' || !realDate(data.date))
    return { path: ['date'], message: `the report's date ${JSON.stringify(data.date)} is not a real day` };
  if (score !== null && (typeof score !== 'number' || score < 0 || score > 100))
    return { path: ['score', 'value'], message: `the report's score ${JSON.stringify(score)} is not from 0 to 100` };
  if (data.client !== null && typeof data.client !== 'string') return { path: ['client'], message: "the report's client is not text" };
  if (!Array.isArray(data.answers)) return { path: ['answers'], message: 'the report has no list of answers' };
  for (const [i, a] of (data.answers as Record<string, unknown>[]).entries()) {
    const c = a?.compliance;
    if (typeof a?.key !== 'string' || (c !== null && (typeof c !== 'number' || c < 0 || c > 1)))
      return { path: ['answers', i], message: `answer ${i + 1} of the report has no key or a compliance outside 0 to 1` };
  }
  if (!Array.isArray(data.checklists)) return { path: ['checklists'], message: 'the report has no list of checklists' };
  return undefined;
}

/**
 * An audit from a file: a report.json (of this version, or of cx-audit 0.1),
 * or an answers file scored with today's checklists. `report` is the whole
 * report when the file gives one (answers, or a report of this version).
 * Errors start with `verb` ("cannot compare with").
 */
export async function loadAudit(
  path: string,
  checklists: readonly LoadedChecklist[],
  ctx: CommandContext,
  options: { top: number; verb: string },
): Promise<{ earlier: EarlierAudit; report: Report | null }> {
  const { verb } = options;
  const read = await readYamlFile(path, { ...readContext(ctx), kind: 'file' });
  if (!read.ok) throw new InputError(`${verb} ${path}:`, { details: read.diagnostics.map(diagnosticLine) });
  const data = read.file.data as Record<string, unknown> | null;
  let previous: EarlierAudit;
  let full: Report | null = null;
  if (data && typeof data === 'object' && 'tool' in data && 'score' in data) {
    if (data.schemaVersion === 1) {
      const problem = firstReportProblem(data);
      if (problem) {
        throw new InputError(`${verb} ${path}: it looks like a report of cx-audit 0.1, with a problem:`, {
          details: [diagnosticLine({ file: path, ...read.file.placeOf(problem.path), severity: 'error', rule: 'bad-report', message: problem.message })],
        });
      }
      const answers = data.answers as { key: string; compliance: number | null }[];
      const checklistScores = (data.checklists as { id: string; score?: { value?: number | null } }[]).map((c) => [c.id, c.score?.value ?? null] as const);
      previous = {
        source: 'report',
        date: data.date as string,
        client: (data.client as string | null) ?? null,
        score: (data.score as { value: number | null }).value,
        checklists: new Map(checklistScores),
        answers: new Map(answers.map((a) => [a.key, a.compliance])),
      };
    } else {
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
        throw new InputError(`${path} looks like a cx-audit report but does not match the report schema:`, {
          details: problems.slice(0, 5).map(diagnosticLine),
        });
      }
      previous = earlierAudit(report, 'report');
      full = report;
    }
  } else {
    const loaded = checkAnswers(read.file, read.diagnostics, checklists);
    if (!loaded.ok) throw new InputError(`${verb} ${path}:`, { details: loaded.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine) });
    for (const d of loaded.diagnostics) ctx.notice(diagnosticLine(d));
    // An answers file says when it was answered only through its answers' times.
    const date = lastAnsweredAt(loaded.answers)?.slice(0, 10) ?? null;
    full = audit({ checklists, answers: loaded.answers, date: date ?? '', toolVersion: VERSION, top: options.top });
    previous = { ...earlierAudit(full, 'answers'), date };
  }
  return { earlier: previous, report: full };
}

/** The earlier audit to compare with (see loadAudit); an audit of another client is refused. */
async function loadPrevious(
  path: string,
  checklists: readonly LoadedChecklist[],
  ctx: CommandContext,
  base: { top: number; client: string | null },
): Promise<EarlierAudit> {
  const previous = (await loadAudit(path, checklists, ctx, { top: base.top, verb: 'cannot compare with' })).earlier;
  const then = previous.client;
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
  input: { checklists: readonly LoadedChecklist[]; answers: Answers; warnings: readonly string[]; decorate?: ((report: Report) => void) | undefined },
  options: ReportOptions & { format: ReportFormat; target: OutputPlan },
  ctx: CommandContext,
): Promise<{ code: number; report: Report }> {
  const auditInput = {
    checklists: input.checklists,
    answers: input.answers,
    date: reportDate(ctx.io.env),
    toolVersion: VERSION,
    top: options.top,
    // From the project config, a client or auditor is a default: the answers file's own wins over it.
    client: ctx.config?.applied.has('client') ? (input.answers.client ?? options.client) : options.client,
    auditor: ctx.config?.applied.has('auditor') ? (input.answers.auditor ?? options.auditor) : options.auditor,
    warnings: input.warnings,
  };
  const report = audit(auditInput);
  input.decorate?.(report);
  let gated = report;
  if (options.plan) {
    const { loadPlanForReport } = await import('../plan/for-report.js');
    const { progress, accepted } = await loadPlanForReport(options.plan, report, auditInput, ctx);
    report.plan = progress;
    // Accepted gaps leave the gate only when asked: an accepted risk is still a gap.
    if (options.countAccepted && accepted.size) gated = audit({ ...auditInput, answers: withNotApplicable(input.answers, accepted) });
  } else if (options.countAccepted) throw new UsageError('--count-accepted needs --plan <file>: the accepted gaps are in the plan');
  if (options.compare) {
    const previous = await loadPrevious(options.compare, input.checklists, ctx, { top: options.top, client: report.client });
    report.comparison = compare(report, previous);
  }
  const render = await REPORT_FORMATS[options.format].load();
  const content = await render(report, { brand: options.branding });
  await writeOutput(options.target, content instanceof Uint8Array ? [content] : content, ctx.io.stdout, ctx.io.signal);
  if (options.target.kind !== 'stdout') ctx.notice(`Report written to ${options.target.path}`);
  return { code: gate(gated, options.failUnder, ctx, gated !== report), report };
}

/** "3 unsure, 2 unanswered, 1 stale": what keeps the score's range open. */
function unknowns(report: Report): string {
  const c = report.coverage;
  const parts = [c.unsure && `${c.unsure} unsure`, c.unanswered && `${c.unanswered} unanswered`, c.stale && `${c.stale} out of date`].filter(Boolean);
  return `${parts.join(', ')} ${c.unsure + c.unanswered + c.stale === 1 ? 'counts' : 'count'}`;
}

/**
 * Exit 1 when the low end of the score is under --fail-under: an unsure or
 * unanswered question counts as not done, so a gate never passes on what
 * nobody answered. No score at all fails too.
 */
function gate(report: Report, failUnder: number | undefined, ctx: CommandContext, countingAccepted = false): number {
  if (failUnder === undefined) return EXIT.ok;
  // A gate the project config set says so, with its line: nobody typed --fail-under.
  const config = ctx.config?.applied.has('failUnder') ? ctx.config : undefined;
  const place = config?.places.failUnder;
  const threshold = config ? `failUnder ${failUnder} (${config.file}${place ? `:${place}` : ''})` : `--fail-under ${failUnder}`;
  const { low, high, provisional } = report.score;
  if (low === null) {
    ctx.io.stderr.write(`cx-audit: no score yet: no scored question has an answer, so ${threshold} cannot pass\n`);
    return EXIT.finding;
  }
  const range = provisional ? `${low.toFixed(1)} (the low end of ${low.toFixed(1)}–${high!.toFixed(1)}: ${unknowns(report)} as not done)` : low.toFixed(1);
  const shown = countingAccepted ? `${range}, with the gaps accepted in the plan left out,` : range;
  if (low < failUnder) {
    ctx.io.stderr.write(`cx-audit: score ${shown} is under ${threshold}\n`);
    return EXIT.finding;
  }
  ctx.notice(`Score ${shown} meets ${threshold}`);
  return EXIT.ok;
}
