import type { Branding } from '../brand/load.js';
import type { Report } from '../generated/report.js';
import { chartSvg, DEFAULT_ACCENT, inkOn, tint, type ChartOptions } from './charts.js';
import { reportDocument, type Block, type Section, type Text } from './document.js';
import { html } from './escape.js';
import type { RenderOptions } from './formats.js';

/** Text pieces are gathered into chunks of about this many characters before they are handed on. */
const CHUNK = 1 << 16;

/** A CSS string literal: anything but letters, digits and spaces as a hex escape, so it cannot end the string or the <style>. */
function cssString(text: string): string {
  return `"${[...text].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

/** How the page margin's footer and page number are set: the page's own font is not inherited there. */
const MARGIN_BOX = 'font: 8pt system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #5b6570;';

/**
 * The stylesheet: a readable page on screen, and for print a page margin
 * that suits both A4 and Letter (no paper size is forced, so the printer's
 * own paper is used), each major section on a new page, and no table row,
 * action or chart cut across pages. The footer and page numbers are printed
 * in the page margin.
 */
function stylesheet(accent: string, footer: string | undefined): string {
  return `
:root { --accent: ${accent}; --accent-ink: ${inkOn(accent)}; --accent-soft: ${tint(accent, 0.9)}; --ink: #1a1a1a; --muted: #5b6570; --rule: #d9dee3; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #ffffff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main { max-width: 54rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
.masthead { display: flex; align-items: center; gap: 1rem; border-bottom: 3px solid var(--accent); padding-bottom: 0.75rem; margin-bottom: 1.5rem; }
.masthead img { max-height: 56px; max-width: 220px; }
.masthead p { margin: 0; }
.firm { font-weight: 600; font-size: 1.1rem; }
.contact, .byline, .profile, .muted, .meta { color: var(--muted); }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; }
h2 { font-size: 1.4rem; line-height: 1.3; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: 0.25rem; margin: 2.5rem 0 1rem; }
h3 { font-size: 1.1rem; line-height: 1.35; margin: 1.5rem 0 0.4rem; }
p { margin: 0.5rem 0; }
.lead { font-size: 1.1rem; }
.scorecard { background: var(--accent-soft); border-radius: 8px; padding: 1rem 1.25rem 0.5rem; margin: 1rem 0 1.25rem; }
.score-headline { font-size: 1.6rem; font-weight: 700; color: var(--accent); margin: 0; }
.stage { font-weight: 600; margin: 0.1rem 0 0.5rem; }
.action { border-left: 4px solid var(--accent); padding: 0.1rem 0 0.3rem 1rem; margin: 1.5rem 0; }
.action h3 { margin-top: 0.25rem; }
.meta { font-size: 0.9rem; margin-top: 0; }
ul, ol { padding-left: 1.5rem; }
li { margin: 0.3rem 0; }
ol.columns { columns: 2 18rem; column-gap: 2rem; }
ol.columns li { break-inside: avoid; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 0.75rem 0 1.25rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
th { border-bottom: 2px solid var(--accent); }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; width: 1%; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.85em; overflow-wrap: break-word; }
figure { margin: 1rem 0; }
svg.chart { display: block; width: 100%; max-width: 40rem; height: auto; }
.scorecard svg.chart { max-width: none; }
.page-footer { max-width: 54rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
@page {
  margin: 16mm 15mm 18mm;${footer ? `\n  @bottom-left { content: ${cssString(footer)}; ${MARGIN_BOX} }` : ''}
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${MARGIN_BOX} }
}
@media print {
  body { font-size: 10pt; line-height: 1.45; }
  h1 { font-size: 19pt; }
  .lead { font-size: 10.5pt; }
  .score-headline { font-size: 17pt; }
  ul, ol { margin: 0.3rem 0; }
  h2 { font-size: 14pt; margin: 1.5rem 0 0.6rem; }
  h3 { font-size: 11pt; margin: 1rem 0 0.3rem; }
  p, li { margin: 0.3rem 0; }
  .masthead { margin-bottom: 1rem; }
  .scorecard { padding: 0.6rem 1rem 0.3rem; margin: 0.6rem 0 0.8rem; }
  main { max-width: none; padding: 0; }
  .major { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, li, .action, figure, .scorecard { break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  .page-footer { display: none; }
  svg.chart { max-width: 100%; }
}
`;
}

function runs(text: Text): string {
  if (typeof text === 'string') return html(text);
  return text
    .map((run) => {
      if (typeof run === 'string') return html(run);
      if (run.style === 'strong') return `<strong>${html(run.text)}</strong>`;
      if (run.style === 'code') return `<code>${html(run.text)}</code>`;
      return `<span class="muted">${html(run.text)}</span>`;
    })
    .join('');
}

function* blockHtml(block: Block, chart: ChartOptions): Generator<string> {
  switch (block.kind) {
    case 'paragraph':
      yield `<p${block.tone ? ` class="${block.tone}"` : ''}>${runs(block.text)}</p>\n`;
      return;
    case 'subheading':
      yield `<h3>${html(block.text)}</h3>\n`;
      return;
    case 'list': {
      const numbered = block.items.some((i) => i.marker);
      const tag = numbered ? 'ol' : 'ul';
      yield `<${tag}${block.columns ? ' class="columns"' : ''}>\n`;
      for (const item of block.items) {
        const value = item.marker ? Number.parseInt(item.marker, 10) : NaN;
        yield `<li${Number.isNaN(value) ? '' : ` value="${value}"`}>${runs(item.text)}</li>\n`;
      }
      yield `</${tag}>\n`;
      return;
    }
    case 'table': {
      const num = block.columns.map((c) => (c.numeric ? ' class="num"' : ''));
      yield `<div class="table"><table>\n<thead><tr>${block.columns.map((c, i) => `<th${num[i]!}>${html(c.title)}</th>`).join('')}</tr></thead>\n<tbody>\n`;
      for (const row of block.rows) yield `<tr>${row.map((cell, i) => `<td${num[i] ?? ''}>${runs(cell)}</td>`).join('')}</tr>\n`;
      yield '</tbody>\n</table></div>\n';
      return;
    }
    case 'chart':
      yield `<figure>${block.caption ? `<figcaption>${html(block.caption)}</figcaption>` : ''}${chartSvg(block.chart, block.id, chart)}</figure>\n`;
      return;
    case 'action':
      yield `<article class="action">\n<h3>${html(block.heading)}</h3>\n<p class="meta">${html(block.meta)}</p>\n`;
      for (const inner of block.blocks) yield* blockHtml(inner, chart);
      yield '</article>\n';
      return;
    case 'scorecard':
      yield `<div class="scorecard">\n<p class="score-headline">${html(block.headline)}</p>\n`;
      if (block.stage) yield `<p class="stage">${html(block.stage)}</p>\n`;
      yield `${chartSvg(block.gauge, 'chart-score', chart)}\n</div>\n`;
      return;
  }
}

function* sectionHtml(section: Section, chart: ChartOptions): Generator<string> {
  yield `<section id="${section.id}"${section.major ? ' class="major"' : ''}>\n<h2>${html(section.title)}</h2>\n`;
  for (const block of section.blocks) yield* blockHtml(block, chart);
  yield '</section>\n';
}

/** The firm's logo, name and contact line; the logo is an <img> of a data: URI, so an SVG logo can run no script and load nothing. */
function masthead(brand: Branding | undefined): string {
  if (!brand || !(brand.logo || brand.name || brand.contact)) return '';
  const parts = ['<header class="masthead">'];
  if (brand.logo) {
    const type = brand.logo.type === 'png' ? 'image/png' : 'image/svg+xml';
    parts.push(`<img src="data:${type};base64,${brand.logo.bytes.toString('base64')}" alt="${html(brand.name ?? 'Logo')}">`);
  }
  const text = [brand.name && `<p class="firm">${html(brand.name)}</p>`, brand.contact && `<p class="contact">${html(brand.contact)}</p>`].filter(Boolean);
  if (text.length) parts.push(`<div>${text.join('')}</div>`);
  parts.push('</header>\n');
  return parts.join('');
}

function* pieces(report: Report, options: RenderOptions): Generator<string> {
  const doc = reportDocument(report);
  const brand = options.brand;
  const accent = brand?.accentColor ?? DEFAULT_ACCENT;
  const chart: ChartOptions = { accent };
  yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n';
  yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n';
  // Self-contained: the page may load nothing and run nothing, even if some text slipped through unescaped.
  yield `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n`;
  yield '<meta name="generator" content="cx-audit">\n';
  yield `<title>${html(doc.title)}</title>\n<style>${stylesheet(accent, brand?.footer)}</style>\n</head>\n<body>\n<main>\n`;
  yield masthead(brand);
  yield `<h1>${html(doc.title)}</h1>\n<p class="byline">${html(doc.byline)}</p>\n`;
  if (doc.profile) yield `<p class="profile">${html(doc.profile)}</p>\n`;
  for (const section of doc.sections) yield* sectionHtml(section, chart);
  yield '</main>\n';
  if (brand?.footer) yield `<footer class="page-footer">${html(brand.footer)}</footer>\n`;
  yield '</body>\n</html>\n';
}

/**
 * The report as one self-contained HTML page: no script, no request of any
 * kind (styles, charts and logo are inline), every text escaped. Rendered
 * from the same document as the PDF, in pieces, so a report on 20,000
 * questions is never built as one string.
 */
export function* renderHtmlChunks(report: Report, options: RenderOptions = {}): Generator<string> {
  let buffer = '';
  for (const piece of pieces(report, options)) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** The report as one HTML string. */
export function renderHtml(report: Report, options: RenderOptions = {}): string {
  return [...renderHtmlChunks(report, options)].join('');
}
