/**
 * The report's charts as SVG, drawn here rather than by a charting library:
 * the same markup goes inline into the HTML report and, as a vector
 * drawing, into the PDF (whose SVG reader is a strict XML parser, so every
 * label is escaped). No chart places text where it could overlap other
 * text: labels sit in reserved places, and points are numbered dots on a
 * grid, named in a list beside the chart.
 */
import { MATURITY } from '../audit/model.js';
import type { ActionResult, Effort, Impact, Score, Tier } from '../generated/report.js';
import { html } from './escape.js';
import { formatChange, formatScore, IMPACT_LABELS, EFFORT_LABELS, scoreText } from './text.js';

export const DEFAULT_ACCENT = '#1f5f8b';

export interface ChartOptions {
  /** The brand's accent colour, #rrggbb. */
  accent: string;
  /** A last change to every label: the PDF replaces characters its font lacks. */
  text?: (label: string) => string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface BarRow {
  label: string;
  score: Score;
}

interface ChangeRow {
  label: string;
  before: number | null;
  after: number | null;
}

/** What a chart shows; chartSvg draws it. */
export type Chart =
  | { type: 'gauge'; score: Score; title: string }
  | { type: 'quadrant'; actions: readonly Pick<ActionResult, 'rank' | 'impact' | 'effort'>[]; title: string }
  | { type: 'bars'; rows: readonly BarRow[]; title: string }
  | { type: 'comparison'; rows: readonly ChangeRow[]; before: string; after: string; title: string };

const INK = '#1a1a1a';
const MUTED = '#5b6570';
const TRACK = '#e8ecf0';

/** Rounds a coordinate to a tenth: shorter markup, the same drawing. */
const n = (v: number) => String(Math.round(v * 10) / 10);

function rgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** The colour mixed with white: `amount` 0 is the colour, 1 is white. */
export function tint(hex: string, amount: number): string {
  return `#${rgb(hex)
    .map((c) => Math.round(c + (255 - c) * amount))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Dark or white text, whichever reads on the colour (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.35 ? INK : '#ffffff';
}

/** A rough width of text in a sans-serif font: enough to keep labels inside their space. */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[ijlft.,:;'|!I ()[\]]/.test(ch)) em += 0.32;
    else if (/[mwMW@%]/.test(ch)) em += 0.88;
    else if (/[A-Z0-9]/.test(ch)) em += 0.64;
    else em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.56;
  }
  return em * size;
}

/** The text, cut with an ellipsis to fit a width. */
function fit(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length && textWidth(`${chars.join('').trimEnd()}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

function svgOpen(id: string, width: number, height: number, title: string, options: ChartOptions): string {
  return (
    `<svg class="chart" id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title">` +
    `<title id="${id}-title">${label(title, options)}</title>`
  );
}

const label = (text: string, options: ChartOptions) => html(options.text ? options.text(text) : text);

function textAt(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${content}</text>`;
}

// ---------------------------------------------------------------------------
// The impact/effort quadrant

const QUADRANT = { width: 640, height: 440, left: 92, top: 8, right: 8, bottom: 54, strip: 24, pad: 4, gap: 4, maxR: 13 } as const;
const IMPACT_ROWS: readonly Impact[] = ['critical', 'high', 'medium', 'low'];
const EFFORT_COLUMNS: readonly Effort[] = ['low', 'medium', 'high'];

/** The four regions, one per tier (audit/model.ts tierOf): impact high or critical is the top half, low effort the left column. */
const REGIONS: readonly { tier: Tier; label: string; col: number; row: number; cols: number }[] = [
  { tier: 'quick-win', label: 'Quick wins', col: 0, row: 0, cols: 1 },
  { tier: 'big-bet', label: 'Big bets', col: 1, row: 0, cols: 2 },
  { tier: 'easy-fix', label: 'Easy fixes', col: 0, row: 2, cols: 1 },
  { tier: 'later', label: 'Later', col: 1, row: 2, cols: 2 },
];

const REGION_LABEL_SIZE = 12;

export interface Dot {
  rank: number;
  x: number;
  y: number;
  r: number;
  /** The impact/effort cell the dot belongs to. */
  cell: Box;
}

function cellBox(col: number, row: number): Box {
  const width = (QUADRANT.width - QUADRANT.left - QUADRANT.right) / EFFORT_COLUMNS.length;
  const height = (QUADRANT.height - QUADRANT.top - QUADRANT.bottom) / IMPACT_ROWS.length;
  return { x: QUADRANT.left + col * width, y: QUADRANT.top + row * height, width, height };
}

/** The grid of `count` equal places that fits a box with the largest pitch. */
function gridFor(count: number, width: number, height: number): { cols: number; rows: number; pitch: number } {
  let best = { cols: 1, rows: count, pitch: 0 };
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const pitch = Math.min(width / cols, height / rows);
    if (pitch > best.pitch) best = { cols, rows, pitch };
  }
  return best;
}

/**
 * Where each action's dot goes: in the cell of its impact and effort, on a
 * grid whose pitch leaves a gap between neighbours, below the strip where
 * the region's name is written. Dots never overlap each other or a name,
 * however many share a cell; they shrink instead.
 */
export function quadrantLayout(actions: readonly Pick<ActionResult, 'rank' | 'impact' | 'effort'>[]): { dots: Dot[]; names: (Box & { text: string })[] } {
  const dots: Dot[] = [];
  for (const [row, impact] of IMPACT_ROWS.entries()) {
    for (const [col, effort] of EFFORT_COLUMNS.entries()) {
      const members = actions.filter((a) => a.impact === impact && a.effort === effort);
      if (!members.length) continue;
      const cell = cellBox(col, row);
      const strip = row % 2 === 0 ? QUADRANT.strip : 0;
      const area = {
        x: cell.x + QUADRANT.pad,
        y: cell.y + strip + QUADRANT.pad,
        width: cell.width - 2 * QUADRANT.pad,
        height: cell.height - strip - 2 * QUADRANT.pad,
      };
      const grid = gridFor(members.length, area.width, area.height);
      const r = Math.min(QUADRANT.maxR, grid.pitch / 2 - QUADRANT.gap / 2);
      const x0 = area.x + (area.width - grid.cols * grid.pitch) / 2;
      const y0 = area.y + (area.height - grid.rows * grid.pitch) / 2;
      members.forEach((a, i) => {
        const c = i % grid.cols;
        const rr = Math.floor(i / grid.cols);
        dots.push({ rank: a.rank, x: x0 + (c + 0.5) * grid.pitch, y: y0 + (rr + 0.5) * grid.pitch, r, cell });
      });
    }
  }
  const names = REGIONS.map((region) => {
    const cell = cellBox(region.col, region.row);
    return { text: region.label, x: cell.x + 8, y: cell.y + 5, width: textWidth(region.label, REGION_LABEL_SIZE) + 2, height: REGION_LABEL_SIZE + 4 };
  });
  return { dots, names };
}

function quadrantSvg(chart: Extract<Chart, { type: 'quadrant' }>, id: string, options: ChartOptions): string {
  const { dots, names } = quadrantLayout(chart.actions);
  const parts = [svgOpen(id, QUADRANT.width, QUADRANT.height, chart.title, options)];
  for (const region of REGIONS) {
    const a = cellBox(region.col, region.row);
    const b = cellBox(region.col + region.cols - 1, region.row + 1);
    const fill = region.tier === 'quick-win' ? tint(options.accent, 0.8) : region.tier === 'later' ? '#f4f5f7' : '#eceff3';
    parts.push(`<rect x="${n(a.x)}" y="${n(a.y)}" width="${n(b.x + b.width - a.x)}" height="${n(b.y + b.height - a.y)}" fill="${fill}"/>`);
  }
  // Thin lines between cells, thick ones between regions.
  for (let col = 1; col < EFFORT_COLUMNS.length; col++) {
    const x = cellBox(col, 0).x;
    parts.push(
      `<line x1="${n(x)}" y1="${QUADRANT.top}" x2="${n(x)}" y2="${QUADRANT.height - QUADRANT.bottom}" stroke="#ffffff" stroke-width="${col === 1 ? 3 : 1.5}"/>`,
    );
  }
  for (let row = 1; row < IMPACT_ROWS.length; row++) {
    const y = cellBox(0, row).y;
    parts.push(
      `<line x1="${QUADRANT.left}" y1="${n(y)}" x2="${QUADRANT.width - QUADRANT.right}" y2="${n(y)}" stroke="#ffffff" stroke-width="${row === 2 ? 3 : 1.5}"/>`,
    );
  }
  for (const name of names) {
    parts.push(textAt(name.x, name.y + REGION_LABEL_SIZE, label(name.text, options), `font-size="${REGION_LABEL_SIZE}" font-weight="bold" fill="${MUTED}"`));
  }
  for (const [row, impact] of IMPACT_ROWS.entries()) {
    const cell = cellBox(0, row);
    parts.push(
      textAt(QUADRANT.left - 8, cell.y + cell.height / 2 + 4, label(IMPACT_LABELS[impact], options), `font-size="12" text-anchor="end" fill="${INK}"`),
    );
  }
  for (const [col, effort] of EFFORT_COLUMNS.entries()) {
    const cell = cellBox(col, IMPACT_ROWS.length - 1);
    parts.push(
      textAt(cell.x + cell.width / 2, cell.y + cell.height + 18, label(EFFORT_LABELS[effort], options), `font-size="12" text-anchor="middle" fill="${INK}"`),
    );
  }
  const plotMiddle = QUADRANT.left + (QUADRANT.width - QUADRANT.left - QUADRANT.right) / 2;
  parts.push(textAt(plotMiddle, QUADRANT.height - 8, label('Effort', options), `font-size="12" font-weight="bold" text-anchor="middle" fill="${MUTED}"`));
  const middleY = QUADRANT.top + (QUADRANT.height - QUADRANT.top - QUADRANT.bottom) / 2;
  parts.push(
    textAt(
      0,
      0,
      label('Impact', options),
      `font-size="12" font-weight="bold" text-anchor="middle" fill="${MUTED}" transform="translate(16 ${n(middleY)}) rotate(-90)"`,
    ),
  );
  const ink = inkOn(options.accent);
  for (const dot of dots) {
    const digits = String(dot.rank).length;
    const size = Math.max(6, Math.min(12, (dot.r * 2 * 0.9) / (digits * 0.62)));
    parts.push(
      `<circle cx="${n(dot.x)}" cy="${n(dot.y)}" r="${n(dot.r)}" fill="${options.accent}"/>` +
        textAt(dot.x, dot.y + size * 0.36, String(dot.rank), `font-size="${n(size)}" font-weight="bold" text-anchor="middle" fill="${ink}"`),
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

// ---------------------------------------------------------------------------
// Horizontal bars: scores, and scores before and after

const BAR = { width: 640, top: 26, labelWidth: 226, x0: 236, x1: 496, valueX: 506, size: 12 } as const;
const xOf = (score: number) => BAR.x0 + ((BAR.x1 - BAR.x0) * Math.max(0, Math.min(100, score))) / 100;

/** The 0–100 scale: a tick at each stage's lower bound, so a bar shows the stage it reaches. */
function scale(height: number): string {
  const ticks = [0, ...MATURITY.slice(1).map((m) => m.from), 100];
  return ticks
    .map((t) => {
      const x = xOf(t);
      const line = `<line x1="${n(x)}" y1="${BAR.top - 6}" x2="${n(x)}" y2="${height - 4}" stroke="${t === 0 ? '#9aa5b1' : '#c9d1d9'}"${t === 0 || t === 100 ? '' : ' stroke-dasharray="3 3"'}/>`;
      return `${line}${textAt(x, BAR.top - 10, String(t), `font-size="10" text-anchor="middle" fill="${MUTED}"`)}`;
    })
    .join('');
}

function rowLabel(text: string, y: number, options: ChartOptions): string {
  return textAt(
    0,
    y,
    label(fit(options.text ? options.text(text) : text, BAR.labelWidth, BAR.size), { ...options, text: undefined }),
    `font-size="${BAR.size}" fill="${INK}"`,
  );
}

function scoreBarsSvg(chart: Extract<Chart, { type: 'bars' }>, id: string, options: ChartOptions): string {
  const rowHeight = 28;
  const height = BAR.top + chart.rows.length * rowHeight + 4;
  const parts = [svgOpen(id, BAR.width, height, chart.title, options)];
  chart.rows.forEach((row, i) => {
    const y = BAR.top + i * rowHeight + 6;
    parts.push(`<rect x="${BAR.x0}" y="${y}" width="${BAR.x1 - BAR.x0}" height="14" fill="${TRACK}"/>`);
  });
  parts.push(scale(height));
  chart.rows.forEach((row, i) => {
    const y = BAR.top + i * rowHeight + 6;
    const { low, high } = row.score;
    if (low !== null) parts.push(`<rect x="${BAR.x0}" y="${y}" width="${n(xOf(low) - BAR.x0)}" height="14" fill="${options.accent}"/>`);
    if (low !== null && high !== null && high > low) {
      parts.push(`<rect x="${n(xOf(low))}" y="${y}" width="${n(xOf(high) - xOf(low))}" height="14" fill="${tint(options.accent, 0.6)}"/>`);
    }
    parts.push(rowLabel(row.label, y + 11, options));
    parts.push(textAt(BAR.valueX, y + 11, label(scoreText(row.score), options), `font-size="${BAR.size}" fill="${INK}"`));
  });
  parts.push('</svg>');
  return parts.join('');
}

/** "43.5 to 89.1 (+45.6)", "now 62.0" when there was no score before, "43.5 before" when there is none now. */
function changeText({ before, after }: ChangeRow): string {
  if (before === null) return after === null ? '–' : `now ${formatScore(after)}`;
  if (after === null) return `${formatScore(before)} before`;
  return `${formatScore(before)} to ${formatScore(after)} (${formatChange(Math.round((after - before) * 10) / 10)})`;
}

function comparisonSvg(chart: Extract<Chart, { type: 'comparison' }>, id: string, options: ChartOptions): string {
  const rowHeight = 34;
  const legend = 22;
  const top = BAR.top + legend;
  const height = top + chart.rows.length * rowHeight + 4;
  const before = '#9aa5b1';
  const parts = [svgOpen(id, BAR.width, height, chart.title, options)];
  parts.push(`<rect x="${BAR.x0}" y="2" width="12" height="10" fill="${before}"/>`);
  parts.push(textAt(BAR.x0 + 18, 11, label(chart.before, options), `font-size="11" fill="${INK}"`));
  const nowX = BAR.x0 + 18 + textWidth(options.text ? options.text(chart.before) : chart.before, 11) + 24;
  parts.push(`<rect x="${n(nowX)}" y="2" width="12" height="10" fill="${options.accent}"/>`);
  parts.push(textAt(nowX + 18, 11, label(chart.after, options), `font-size="11" fill="${INK}"`));
  parts.push(`<g transform="translate(0 ${legend})">${scale(height - legend)}</g>`);
  chart.rows.forEach((row, i) => {
    const y = top + i * rowHeight + 4;
    for (const [value, dy, fill] of [
      [row.before, 0, before],
      [row.after, 12, options.accent],
    ] as const) {
      parts.push(`<rect x="${BAR.x0}" y="${y + dy}" width="${BAR.x1 - BAR.x0}" height="10" fill="${TRACK}"/>`);
      if (value !== null) parts.push(`<rect x="${BAR.x0}" y="${y + dy}" width="${n(xOf(value) - BAR.x0)}" height="10" fill="${fill}"/>`);
    }
    parts.push(rowLabel(row.label, y + 15, options));
    parts.push(textAt(BAR.valueX, y + 15, label(changeText(row), options), `font-size="11" fill="${INK}"`));
  });
  parts.push('</svg>');
  return parts.join('');
}

// ---------------------------------------------------------------------------
// The score on the stages' scale

function gaugeSvg(chart: Extract<Chart, { type: 'gauge' }>, id: string, options: ChartOptions): string {
  const width = 640;
  const height = 70;
  const x0 = 4;
  const x1 = width - 4;
  const at = (v: number) => x0 + ((x1 - x0) * v) / 100;
  const barY = 24;
  const parts = [svgOpen(id, width, height, chart.title, options)];
  // Each stage named under its band: the last one may end at the scale's end; a name that would run into another is cut to the number.
  let previousEnd = -Infinity;
  MATURITY.forEach((stage, i) => {
    const from = at(stage.from);
    const last = i === MATURITY.length - 1;
    const to = at(MATURITY[i + 1]?.from ?? 100);
    parts.push(`<rect x="${n(from)}" y="${barY}" width="${n(to - from - 2)}" height="16" fill="${tint(options.accent, 0.78 - i * 0.13)}"/>`);
    const full = `${stage.level} ${stage.name}`;
    const fullWidth = textWidth(full, 11);
    const x = last ? Math.min(from + 4, x1 - fullWidth) : from + 4;
    const fits = x >= previousEnd + 8 && x + fullWidth <= (last ? x1 : to - 4);
    const name = fits ? full : String(stage.level);
    const at0 = fits ? x : from + 4;
    parts.push(textAt(at0, barY + 32, label(name, options), `font-size="11" fill="${MUTED}"`));
    previousEnd = at0 + textWidth(name, 11);
  });
  const { low, high } = chart.score;
  if (low !== null && high !== null) {
    const a = at(low);
    const b = Math.max(at(high), a + 3);
    parts.push(`<rect x="${n(a)}" y="${barY - 4}" width="${n(b - a)}" height="24" fill="${INK}"/>`);
    const text = scoreText(chart.score);
    const w = textWidth(text, 12);
    const centre = Math.min(x1 - w / 2, Math.max(x0 + w / 2, (a + b) / 2));
    parts.push(textAt(centre, barY - 9, label(text, options), `font-size="12" font-weight="bold" text-anchor="middle" fill="${INK}"`));
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The chart as SVG markup; `id` must be unique in the document. */
export function chartSvg(chart: Chart, id: string, options: ChartOptions): string {
  switch (chart.type) {
    case 'gauge':
      return gaugeSvg(chart, id, options);
    case 'quadrant':
      return quadrantSvg(chart, id, options);
    case 'bars':
      return scoreBarsSvg(chart, id, options);
    case 'comparison':
      return comparisonSvg(chart, id, options);
  }
}
