/**
 * The history (src/history/) as a PDF: the trend, the line chart, the table
 * of scores and what changed between audits, on the report's page and fonts.
 * Here beside pdf.ts, the one module that loads pdfmake, and only for a PDF.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { pdfBytes, PDF_PAGE } from './pdf.js';
import { pdfText } from './pdf-text.js';
import { DEFAULT_ACCENT } from './charts.js';
import { changeHeadlines, formatScore } from './text.js';
import type { History } from '../history/history.js';
import { historyChart } from '../history/html.js';
import { scoreCell, scoreChangeSentence, trendSentence } from '../history/markdown.js';

const heading = (text: string): Content => ({ text: pdfText(text), fontSize: 13, bold: true, color: DEFAULT_ACCENT, margin: [0, 14, 0, 4] });

function table(history: History): Content {
  const header = ['Date', 'Score', ...history.checklists.map((c) => c.title)].map((t, i) => ({
    text: pdfText(t),
    bold: true,
    color: PDF_PAGE.muted,
    alignment: i ? ('right' as const) : ('left' as const),
  }));
  const rows = history.audits.map((a) => [
    { text: a.date, noWrap: true },
    { text: scoreCell(a.score), alignment: 'right' as const, noWrap: true },
    ...a.checklists.map((c) => ({ text: formatScore(c.low), alignment: 'right' as const })),
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['auto', 'auto', ...history.checklists.map(() => '*')], body: [header, ...rows] },
    layout: {
      hLineWidth: (i: number) => (i === 0 ? 0 : i === 1 ? 1.2 : 0.5),
      hLineColor: (i: number) => (i === 1 ? DEFAULT_ACCENT : '#d9dee3'),
      vLineWidth: () => 0,
    },
    fontSize: 8,
    margin: [0, 6, 0, 10],
  };
}

function changes(history: History): Content[] {
  const out: Content[] = [];
  history.audits.forEach((a, i) => {
    if (i === 0) return;
    const blocks: Content[] = [heading(`${history.audits[i - 1]!.date} to ${a.date}`)];
    if (!a.changes) blocks.push({ text: 'The details are not known: one of the two files is a report of an older cx-audit.' });
    else {
      blocks.push({ text: scoreChangeSentence(a.changes.scoreChange), margin: [0, 0, 0, 4] });
      for (const [title, items] of [
        ['Fixed', a.changes.fixed],
        ['Got worse', a.changes.regressed],
        ['New findings', a.changes.newFindings],
      ] as const) {
        if (items.length) blocks.push({ text: `${title}:`, bold: true }, { ul: changeHeadlines(items).map(pdfText), margin: [0, 2, 0, 6] });
      }
    }
    out.push({ stack: blocks, unbreakable: true });
  });
  return out;
}

/** The history as PDF bytes, dated by its last audit, so the same audits give the same file. */
export async function renderHistoryPdf(history: History): Promise<Uint8Array> {
  const title = pdfText(`Customer experience over time${history.client ? `: ${history.client}` : ''}`);
  const last = history.audits.at(-1)?.date;
  const date = new Date(`${last ?? '1970-01-01'}T00:00:00Z`);
  const { margin } = PDF_PAGE;
  const definition: TDocumentDefinitions = {
    pageSize: PDF_PAGE.size,
    pageMargins: [margin.side, margin.top, margin.side, margin.bottom],
    info: { title, subject: 'Customer experience over time', creator: 'cx-audit', producer: 'cx-audit', creationDate: date, modDate: date },
    footer: (page, pages) => ({
      text: `Page ${page} of ${pages}`,
      alignment: 'right',
      color: PDF_PAGE.muted,
      fontSize: 8,
      margin: [margin.side, 20, margin.side, 0],
    }),
    content: [
      { text: title, fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      { text: pdfText(trendSentence(history)), fontSize: 11, margin: [0, 0, 0, 8] },
      { svg: historyChart(history), width: PDF_PAGE.contentWidth },
      {
        text: "The line is the score's low end, where open questions count as not done; a bar above a point spans the range while answers were open.",
        color: PDF_PAGE.muted,
        fontSize: 8,
        margin: [0, 2, 0, 8],
      },
      table(history),
      ...changes(history),
    ],
  };
  return pdfBytes(definition);
}
