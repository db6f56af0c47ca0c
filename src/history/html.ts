import { DEFAULT_ACCENT } from '../report/charts.js';
import { html } from '../report/escape.js';
import { changeHeadlines, formatScore } from '../report/text.js';
import type { History } from './history.js';
import { scoreCell, scoreChangeSentence, trendSentence } from './markdown.js';

/** Rounds a coordinate to a tenth: shorter markup, the same drawing. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/**
 * The score over time as an SVG line chart: one point per audit, evenly
 * spaced and labelled with its day, the low end as the line and, while a
 * score is provisional, its range as a band above it. No script, no fonts
 * loaded: it draws the same everywhere.
 */
export function historyChart(history: History, accent = DEFAULT_ACCENT): string {
  const width = 640;
  const height = 260;
  const left = 40;
  const right = 40;
  const top = 16;
  const bottom = 44;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const audits = history.audits;
  const x = (i: number) => left + (audits.length === 1 ? plotW / 2 : (plotW * i) / (audits.length - 1));
  const y = (v: number) => top + plotH * (1 - v / 100);
  const parts = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="history-title" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="history-title">The score over time</title>',
  ];
  for (const v of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#e8ecf0"/>`);
    parts.push(`<text x="${left - 6}" y="${n(y(v) + 4)}" font-size="11" text-anchor="end" fill="#5b6570">${v}</text>`);
  }
  const scored = audits.map((a, i) => ({ a, i })).filter(({ a }) => a.score.low !== null);
  // The range while provisional: from the low end up to the high end.
  const band = scored.filter(({ a }) => a.score.high !== null && a.score.high !== a.score.low);
  for (const { a, i } of band) {
    parts.push(
      `<line x1="${n(x(i))}" x2="${n(x(i))}" y1="${n(y(a.score.high!))}" y2="${n(y(a.score.low!))}" stroke="${accent}" stroke-opacity="0.35" stroke-width="8" stroke-linecap="round"/>`,
    );
  }
  if (scored.length > 1) {
    parts.push(
      `<polyline fill="none" stroke="${accent}" stroke-width="2.5" points="${scored.map(({ a, i }) => `${n(x(i))},${n(y(a.score.low!))}`).join(' ')}"/>`,
    );
  }
  for (const { a, i } of scored) {
    parts.push(`<circle cx="${n(x(i))}" cy="${n(y(a.score.low!))}" r="4.5" fill="${accent}"/>`);
    parts.push(`<text x="${n(x(i))}" y="${n(y(a.score.low!) - 9)}" font-size="11" text-anchor="middle" fill="#1a1a1a">${formatScore(a.score.low)}</text>`);
  }
  // Day labels: every one when they fit, otherwise an even selection with the first and last.
  const step = Math.max(1, Math.ceil(audits.length / Math.floor(plotW / 70)));
  audits.forEach((a, i) => {
    if (i % step !== 0 && i !== audits.length - 1) return;
    parts.push(`<text x="${n(x(i))}" y="${height - bottom + 18}" font-size="11" text-anchor="middle" fill="#5b6570">${html(a.date)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

const STYLE = `
body { margin: 0; color: #1a1a1a; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 54rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; }
h2 { font-size: 1.3rem; color: ${DEFAULT_ACCENT}; border-bottom: 1px solid #d9dee3; padding-bottom: 0.25rem; margin: 2rem 0 0.75rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 0.75rem 0 1.25rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d9dee3; }
th { border-bottom: 2px solid ${DEFAULT_ACCENT}; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th { vertical-align: bottom; }
th.num { white-space: normal; }
td:first-child { white-space: nowrap; }
svg.chart { display: block; width: 100%; max-width: 40rem; height: auto; }
figcaption { color: #5b6570; font-size: 0.85rem; max-width: 40rem; }
section, tr, figure { break-inside: avoid; }
@media print { main { max-width: none; padding: 0; } @page { margin: 18mm 16mm; } }
`;

/** The history as one self-contained HTML page: the trend, the chart, the table, and what changed between audits. */
export function renderHistoryHtml(history: History): string {
  const title = `Customer experience over time${history.client ? `: ${history.client}` : ''}`;
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(title)}</title><style>${STYLE}</style></head>`,
    '<body><main>',
    `<h1>${html(title)}</h1>`,
    `<p>${html(trendSentence(history))}</p>`,
    `<figure>${historyChart(history)}<figcaption>The line is the score's low end, where open questions count as not done; a bar above a point spans the range while answers were open.</figcaption></figure>`,
    '<table><thead><tr><th>Date</th><th class="num">Score</th>',
    ...history.checklists.map((c) => `<th class="num">${html(c.title)}</th>`),
    '</tr></thead><tbody>',
    ...history.audits.map(
      (a) =>
        `<tr><td>${html(a.date)}</td><td class="num">${html(scoreCell(a.score))}</td>${a.checklists.map((c) => `<td class="num">${formatScore(c.low)}</td>`).join('')}</tr>`,
    ),
    '</tbody></table>',
  ];
  history.audits.forEach((a, i) => {
    if (i === 0) return;
    out.push(`<section><h2>${html(history.audits[i - 1]!.date)} to ${html(a.date)}</h2>`);
    if (!a.changes) out.push('<p>The details are not known: one of the two files is a report of an older cx-audit.</p>');
    else {
      out.push(`<p>${scoreChangeSentence(a.changes.scoreChange)}</p>`);
      for (const [heading, items] of [
        ['Fixed', a.changes.fixed],
        ['Got worse', a.changes.regressed],
        ['New findings', a.changes.newFindings],
      ] as const) {
        if (items.length)
          out.push(
            `<p><strong>${heading}:</strong></p><ul>${changeHeadlines(items)
              .map((h) => `<li>${html(h)}</li>`)
              .join('')}</ul>`,
          );
      }
    }
    out.push('</section>');
  });
  out.push('</main></body></html>', '');
  return out.join('\n');
}
