import type { Report } from '../generated/report.js';
import { terminalSafe } from '../text/sanitize.js';
import type { Style } from '../text/style.js';
import { wrap } from '../text/wrap.js';
import { coverageBrief, formatScore, heldBySentence, scoreHeadline, titleText } from './text.js';

export interface TerminalContext {
  style: Style;
  width: number;
}

/** Lines the summary may take, so the score stays on a 24-line screen with the lines that follow it. */
const TERMINAL_LINES = 21;

/**
 * What the terminal shows at the end of an interview: score, stage,
 * coverage and the first three actions, within TERMINAL_LINES lines at 80
 * columns (narrower screens get more, shorter lines); the full report is in
 * the file.
 */
export function renderTerminal(report: Report, ctx: TerminalContext): string {
  const { style } = ctx;
  const width = Math.max(40, Math.min(ctx.width, 100));
  const out: string[] = [];
  const para = (text: string, decorate: (s: string) => string = (s) => s, indent = '') =>
    out.push(...wrap(terminalSafe(text), width - indent.length).map((l) => `${indent}${decorate(l)}`));

  para(titleText(report), style.bold);
  out.push('');
  const stage = report.maturity ? ` · stage ${report.maturity.level} of 5: ${report.maturity.name}` : '';
  para(`${scoreHeadline(report)}${stage}`, style.bold);
  const held = heldBySentence(report);
  if (held) para(held, style.dim);
  para(coverageBrief(report), style.dim);
  if (report.actions.length) {
    out.push('', style.bold('Do these first:'));
    for (const a of report.actions.slice(0, 3)) {
      const lines = wrap(terminalSafe(`${a.title} (+${formatScore(a.gain)} points)`), width - 5, '     ');
      out.push(`  ${a.rank}. ${lines[0]}`, ...lines.slice(1));
    }
  }
  // Strengths take what room is left, whole ones only.
  let room = TERMINAL_LINES - out.length - 2;
  const strengths: string[] = [];
  for (const strength of report.strengths) {
    const lines = wrap(terminalSafe(strength.text), width - 4, '    ').map((l, i) => (i ? l : `  • ${l}`));
    if (lines.length > room) break;
    strengths.push(...lines);
    room -= lines.length;
  }
  if (strengths.length) out.push('', style.bold('Going well:'), ...strengths);
  return `${out.join('\n')}\n`;
}
