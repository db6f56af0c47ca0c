import { stringifySafe } from '../text/json.js';
import { oneLine } from '../text/sanitize.js';
import type { Style } from '../text/style.js';
import { plural } from '../text/plural.js';
import { location, sortDiagnostics, type Diagnostic } from '../files/diagnostic.js';

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** One checked file, as validate reports it. */
export interface ValidatedFile {
  file: string;
  checklist: { id: string; version: string; questions: number } | null;
  diagnostics: Diagnostic[];
}

export interface ValidateSummary {
  files: ValidatedFile[];
  errorCount: number;
  warningCount: number;
  /** Whether warnings fail the run (--strict). */
  strict: boolean;
}

export function summarize(files: ValidatedFile[], strict: boolean): ValidateSummary {
  const all = files.flatMap((f) => f.diagnostics);
  return {
    files,
    errorCount: all.filter((d) => d.severity === 'error').length,
    warningCount: all.filter((d) => d.severity === 'warning').length,
    strict,
  };
}

/** `file:line:col: error: message [rule]` lines, then one summary line. */
export function formatText(summary: ValidateSummary, style: Style, options: { quiet?: boolean } = {}): string {
  const lines: string[] = [];
  for (const d of sortDiagnostics(summary.files.flatMap((f) => f.diagnostics))) {
    const severity = d.severity === 'error' ? style.red('error') : style.yellow('warning');
    lines.push(`${style.bold(oneLine(location(d)))}: ${severity}: ${oneLine(d.message)} ${style.dim(`[${d.rule}]`)}`);
  }
  const failing = summary.errorCount > 0 || (summary.strict && summary.warningCount > 0);
  const { errorCount, warningCount } = summary;
  const total = summary.files.length;
  if (failing) {
    const bad = summary.files.filter((f) => f.diagnostics.some((d) => d.severity === 'error' || summary.strict)).length;
    const problems = [errorCount && plural(errorCount, 'error'), warningCount && plural(warningCount, 'warning')].filter(Boolean).join(' and ');
    const strictNote = errorCount === 0 ? ' (--strict makes warnings fail)' : '';
    lines.push(style.red(`✖ ${problems} in ${bad} of ${plural(total, 'file')}${strictNote}`));
  } else if (!options.quiet) {
    const questions = summary.files.reduce((n, f) => n + (f.checklist?.questions ?? 0), 0);
    const warnings = warningCount ? `, ${plural(warningCount, 'warning')}` : '';
    lines.push(style.green(`✔ ${plural(total, 'checklist')} valid (${plural(questions, 'question')})${warnings}`));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatJson(summary: ValidateSummary): string {
  const valid = summary.errorCount === 0 && !(summary.strict && summary.warningCount > 0);
  const files = summary.files.map((f) => ({
    file: f.file,
    valid: !f.diagnostics.some((d) => d.severity === 'error' || (summary.strict && d.severity === 'warning')),
    checklist: f.checklist,
    diagnostics: sortDiagnostics(f.diagnostics).map((d) => ({
      line: d.line ?? null,
      column: d.column ?? null,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
    })),
  }));
  return `${stringifySafe({ valid, errorCount: summary.errorCount, warningCount: summary.warningCount, files })}\n`;
}

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message`, shown by GitHub on the changed lines. */
export function formatGithub(summary: ValidateSummary): string {
  return sortDiagnostics(summary.files.flatMap((f) => f.diagnostics))
    .map((d) => {
      const level = d.severity === 'error' || summary.strict ? 'error' : 'warning';
      const props = [`file=${escapeProperty(oneLine(d.file))}`];
      if (d.line !== undefined) props.push(`line=${d.line}`, `col=${d.column ?? 1}`);
      props.push(`title=${escapeProperty(`cx-audit ${d.rule}`)}`);
      return `::${level} ${props.join(',')}::${escapeData(oneLine(d.message))}\n`;
    })
    .join('');
}
