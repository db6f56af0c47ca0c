import { md } from '../report/escape.js';
import { changeHeadlines, formatChange, formatScore } from '../report/text.js';
import type { History, HistoryEntry } from './history.js';

/** "52.1" or "48.0–60.3": a score, as a range while it is provisional. */
export function scoreCell(score: HistoryEntry['score']): string {
  if (score.low === null) return '–';
  return score.provisional && score.high !== null && score.high !== score.low ? `${formatScore(score.low)}–${formatScore(score.high)}` : formatScore(score.low);
}

/** One sentence on the trend: from the first score to the last, by their low ends. */
export function trendSentence(history: History): string {
  const scored = history.audits.filter((a) => a.score.low !== null);
  if (scored.length < 2) return `${history.audits.length} audit${history.audits.length === 1 ? '' : 's'}: too few scores to show a trend yet.`;
  const first = scored[0]!;
  const last = scored.at(-1)!;
  const change = last.score.low! - first.score.low!;
  const direction = change > 0 ? 'rose' : change < 0 ? 'fell' : 'stayed';
  const amount =
    change === 0 ? `at ${formatScore(first.score.low)}` : `from ${formatScore(first.score.low)} to ${formatScore(last.score.low)} (${formatChange(change)})`;
  // While either end is provisional, what is compared is the low end (open questions counted as not done), and it says so.
  const what = first.score.provisional || last.score.provisional ? "score's low end" : 'score';
  return `Over ${scored.length} audits, from ${first.date} to ${last.date}, the ${what} ${direction} ${amount}.`;
}

/** "Score +1.3.", "Score unchanged.", or that there is nothing to compare. */
export function scoreChangeSentence(change: number | null): string {
  if (change === null) return 'No score to compare.';
  return Math.round(change * 10) === 0 ? 'Score unchanged.' : `Score ${formatChange(change)}.`;
}

/** The history as Markdown: the scores over time as a table, then what changed between consecutive audits. */
export function renderHistoryMarkdown(history: History): string {
  const lines = [`# Customer experience over time${history.client ? `: ${md(history.client)}` : ''}`, '', md(trendSentence(history)), ''];
  const titles = history.checklists.map((c) => md(c.title));
  lines.push(`| Date | Score | ${titles.join(' | ')} |`, `| --- | ---: |${titles.map(() => ' ---: |').join('')}`);
  for (const a of history.audits) lines.push(`| ${a.date} | ${scoreCell(a.score)} | ${a.checklists.map((c) => formatScore(c.low)).join(' | ')} |`);
  for (const [i, a] of history.audits.entries()) {
    if (i === 0) continue;
    const before = history.audits[i - 1]!;
    lines.push('', `## ${before.date} to ${a.date}`, '');
    if (!a.changes) {
      lines.push('The details are not known: one of the two files is a report of an older cx-audit, which keeps no answers to compare.');
      continue;
    }
    const { scoreChange, fixed, regressed, newFindings } = a.changes;
    lines.push(scoreChangeSentence(scoreChange));
    for (const [heading, items] of [
      ['Fixed', fixed],
      ['Got worse', regressed],
      ['New findings', newFindings],
    ] as const) {
      if (!items.length) continue;
      lines.push('', `**${heading}:**`, '');
      for (const headline of changeHeadlines(items)) lines.push(`- ${md(headline)}`);
    }
    if (!fixed.length && !regressed.length && !newFindings.length) lines.push('', 'Nothing fixed, nothing worse.');
  }
  return `${lines.join('\n')}\n`;
}
