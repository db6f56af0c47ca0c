/**
 * The report as a PDF, drawn by pdfmake (on pdfkit): no browser, no install
 * script. This module is the only one that loads pdfmake, and only when a
 * PDF is asked for; the build keeps pdfmake out of the bundle, because it
 * reads its fonts from its own folder at run time.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import type pdfmakeLibrary from 'pdfmake';
import type { Content, ContentText, CustomTableLayout, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Branding } from '../brand/load.js';
import { InputError } from '../errors.js';
import type { Report } from '../generated/report.js';
import { chartSvg, DEFAULT_ACCENT, tint, type ChartOptions } from './charts.js';
import { reportDocument, type Block, type Section, type Text } from './document.js';
import type { RenderOptions } from './formats.js';
import { pdfText } from './pdf-text.js';

const INK = '#1a1a1a';
const MUTED = '#5b6570';
const RULE = '#d9dee3';
const MARGIN = { side: 50, top: 56, bottom: 56 } as const;
/** A4 is 595.28 pt wide. */
const CONTENT_WIDTH = 595.28 - 2 * MARGIN.side;

type Pdfmake = typeof pdfmakeLibrary;

let loaded: Promise<Pdfmake> | undefined;

/**
 * pdfmake, set up once: Roboto from pdfmake's own folder (its "bold" is
 * Roboto Medium), no URL ever fetched, and no file read but those fonts:
 * the logo arrives as data.
 */
function pdfmake(): Promise<Pdfmake> {
  loaded ??= (async () => {
    const { default: lib } = await import('pdfmake');
    const fonts = dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
    lib.setFonts({
      Roboto: {
        normal: join(fonts, 'Roboto-Regular.ttf'),
        bold: join(fonts, 'Roboto-Medium.ttf'),
        italics: join(fonts, 'Roboto-Italic.ttf'),
        bolditalics: join(fonts, 'Roboto-MediumItalic.ttf'),
      },
    });
    lib.setUrlAccessPolicy(() => false);
    lib.setLocalAccessPolicy((path) => resolve(path).startsWith(fonts + sep));
    return lib;
  })();
  return loaded;
}

/** Styled text as pdfmake text runs, in characters the font has. */
function runs(text: Text): string | ContentText[] {
  if (typeof text === 'string') return pdfText(text);
  return text.map((run): ContentText => {
    if (typeof run === 'string') return { text: pdfText(run) };
    if (run.style === 'strong') return { text: pdfText(run.text), bold: true };
    if (run.style === 'code') return { text: pdfText(run.text), color: '#37474f', fontSize: 7.5 };
    return { text: pdfText(run.text), color: MUTED };
  });
}

/**
 * Lines between rows only, and an accent line under the column titles;
 * under a title row (a heading kept with the table) a rule when `ruled`,
 * as under a section's heading, else none.
 */
function tableLayout(accent: string, ruled: boolean): CustomTableLayout {
  const titles = (node: { table: { headerRows?: number } }) => node.table.headerRows ?? 0;
  return {
    hLineWidth: (i, node) => (i === 0 ? 0 : i === titles(node) ? 1 : i < titles(node) ? (ruled ? 0.6 : 0) : 0.5),
    vLineWidth: () => 0,
    hLineColor: (i, node) => (i === titles(node) ? accent : RULE),
    paddingLeft: (i) => (i === 0 ? 0 : 4),
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
}

interface Context {
  accent: string;
  chart: ChartOptions;
  table: CustomTableLayout;
  /** For a table headed by a section's heading: a rule under it. */
  ruledTable: CustomTableLayout;
}

/** A heading to keep with what follows it; a section's heading has a rule under it. */
interface Heading {
  content: Content[];
  ruled: boolean;
}

const rule = (): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.6, lineColor: RULE }], margin: [0, 0, 0, 6] });

type Margin = [number, number, number, number];

function list(items: Extract<Block, { kind: 'list' }>['items'], margin: Margin = [0, 2, 0, 6]): Content {
  const numbered = items.some((i) => i.marker);
  if (!numbered) return { ul: items.map((i) => ({ text: runs(i.text) })), margin };
  return { ol: items.map((i) => ({ text: runs(i.text), counter: Number.parseInt(i.marker ?? '', 10) || undefined })), margin };
}

function blockContent(block: Block, ctx: Context): Content {
  switch (block.kind) {
    case 'paragraph':
      return { text: runs(block.text), margin: [0, 2, 0, 5], ...(block.tone ? { fontSize: 11 } : {}) };
    case 'subheading':
      return { text: pdfText(block.text), style: 'h3' };
    case 'list': {
      if (!block.columns || block.items.length < 6) return list(block.items);
      const half = Math.ceil(block.items.length / 2);
      return { columns: [list(block.items.slice(0, half)), list(block.items.slice(half))], columnGap: 16 };
    }
    case 'table':
      return table(block, ctx);
    case 'chart': {
      const svg: Content = { svg: chartSvg(block.chart, block.id, ctx.chart), width: CONTENT_WIDTH, margin: [0, 4, 0, 8] };
      return block.caption ? { stack: [{ text: pdfText(block.caption), bold: true, margin: [0, 6, 0, 0] }, svg], unbreakable: true } : svg;
    }
    case 'action': {
      const [first, ...rest] = block.blocks.map((b) => blockContent(b, ctx));
      // The heading stays with its first lines; the rest may run onto the next page.
      const head: Content = {
        stack: [{ text: pdfText(block.heading), style: 'action' }, { text: pdfText(block.meta), style: 'meta' }, ...(first ? [first] : [])],
        unbreakable: true,
      };
      return { stack: [head, ...rest], margin: [0, 6, 0, 6] };
    }
    case 'scorecard':
      return {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: pdfText(block.headline), fontSize: 17, bold: true, color: ctx.accent },
                  ...(block.stage ? [{ text: pdfText(block.stage), bold: true, margin: [0, 2, 0, 4] as Margin }] : []),
                  { svg: chartSvg(block.gauge, 'chart-score', ctx.chart), width: CONTENT_WIDTH - 24 },
                ],
                fillColor: tint(ctx.accent, 0.9),
                margin: [8, 8, 8, 4],
              },
            ],
          ],
        },
        layout: 'noBorders',
        margin: [0, 4, 0, 8],
      };
  }
}

/**
 * A table whose rows never split across pages. A heading given goes into a
 * first row spanning the table, so it is kept with the column titles and
 * the first row, and repeated on every page the table runs onto.
 */
function table(block: Extract<Block, { kind: 'table' }>, ctx: Context, heading?: Heading): Content {
  const span = block.columns.length;
  const title = heading ? [[{ stack: heading.content, colSpan: span }, ...Array.from({ length: span - 1 }, () => ({}))]] : [];
  const header = block.columns.map((c) => ({ text: pdfText(c.title), style: 'th', alignment: c.numeric ? ('right' as const) : ('left' as const) }));
  const body = [...block.rows].map((row) =>
    row.map((cell, i) => ({ text: runs(cell), ...(block.columns[i]?.numeric ? { alignment: 'right' as const, noWrap: true } : {}) })),
  );
  return {
    table: {
      headerRows: title.length + 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: block.columns.map((c) => (c.width === 'fill' ? '*' : 'auto')),
      body: [...title, header, ...body],
    },
    layout: heading?.ruled ? ctx.ruledTable : ctx.table,
    fontSize: 8.5,
    margin: [0, 4, 0, 10],
  };
}

/** Items of a long list kept with a heading: enough to show what it lists. */
const KEPT_ITEMS = 3;

/**
 * A heading and the block it heads, kept on one page: a heading never ends
 * a page. (Done in the document itself: pdfmake's pageBreakBefore hook lays
 * the whole document out again for every break it adds.)
 */
function headed(heading: Heading, block: Block | undefined, ctx: Context): Content[] {
  const top = [...heading.content, ...(heading.ruled ? [rule()] : [])];
  if (!block) return top;
  if (block.kind === 'table') return [table(block, ctx, heading)];
  if (block.kind === 'list' && !block.columns && block.items.length > 2 * KEPT_ITEMS) {
    return [{ stack: [...top, list(block.items.slice(0, KEPT_ITEMS), [0, 2, 0, 0])], unbreakable: true }, list(block.items.slice(KEPT_ITEMS), [0, 0, 0, 6])];
  }
  return [{ stack: [...top, blockContent(block, ctx)], unbreakable: true }];
}

function sectionContent(section: Section, ctx: Context): Content[] {
  const title: Content = { text: pdfText(section.title), style: 'h2' };
  const blocks = [...section.blocks];
  const out: Content[] = [];
  // A major section starts a page, so its heading cannot end one.
  if (section.major) out.push({ stack: [title, rule()], pageBreak: 'before' });
  else out.push(...headed({ content: [title], ruled: true }, blocks.shift(), ctx));
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'subheading') out.push(...headed({ content: [blockContent(block, ctx)], ruled: false }, blocks[++i], ctx));
    else out.push(blockContent(block, ctx));
  }
  return out;
}

/**
 * An SVG logo for the PDF's SVG reader: links dropped (they would become
 * clickable areas); images inside it are never loaded (see imageCallback).
 */
function logoSvg(svg: string): string {
  return svg.replace(/<\/?(?:[\w-]+:)?a\b[^>]*>/gi, '');
}

function masthead(brand: Branding | undefined): Content[] {
  if (!brand || !(brand.logo || brand.name || brand.contact)) return [];
  const logo = brand.logo;
  const image: Content[] = !logo
    ? []
    : logo.type === 'png'
      ? [{ image: 'logo', fit: [160, 48], width: 160 }]
      : [
          {
            svg: logoSvg(logo.bytes.toString('utf8').replace(/^\uFEFF/, '')),
            fit: [160, 48],
            width: 160,
            // svg-to-pdfkit's options: never open an image the SVG names, and keep its warnings off the terminal.
            options: { imageCallback: () => '', warningCallback: () => {} },
          } as Content,
        ];
  const text: ContentText[] = [];
  if (brand.name) text.push({ text: pdfText(brand.name), bold: true, fontSize: 11 });
  if (brand.contact) text.push({ text: pdfText(brand.contact), color: MUTED });
  return [{ columns: [...image, { stack: text, alignment: image.length ? 'right' : 'left', width: '*' }], columnGap: 12, margin: [0, 0, 0, 14] }];
}

function definition(report: Report, brand: Branding | undefined): TDocumentDefinitions {
  const doc = reportDocument(report);
  const accent = brand?.accentColor ?? DEFAULT_ACCENT;
  const ctx: Context = { accent, chart: { accent, text: pdfText }, table: tableLayout(accent, false), ruledTable: tableLayout(accent, true) };
  const title = pdfText(doc.title);
  const footer = pdfText(brand?.footer ?? doc.title);
  // The report's date, so the same answers give the same bytes: the file's /ID is a hash of these fields.
  const date = new Date(`${report.date}T00:00:00Z`);
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.side, MARGIN.top, MARGIN.side, MARGIN.bottom],
    info: {
      title,
      author: pdfText(brand?.name ?? report.auditor ?? 'cx-audit'),
      subject: 'Customer experience audit',
      creator: 'cx-audit',
      producer: 'cx-audit',
      creationDate: date,
      modDate: date,
    },
    header: (page) => (page === 1 ? null : { text: title, color: MUTED, fontSize: 8, margin: [MARGIN.side, 24, MARGIN.side, 0] }),
    footer: (page, pages) => ({
      columns: [
        { text: footer, width: '*' },
        { text: `Page ${page} of ${pages}`, alignment: 'right', width: 'auto' },
      ],
      color: MUTED,
      fontSize: 8,
      margin: [MARGIN.side, 20, MARGIN.side, 0],
    }),
    images: brand?.logo?.type === 'png' ? { logo: `data:image/png;base64,${brand.logo.bytes.toString('base64')}` } : {},
    content: [
      ...masthead(brand),
      { text: title, style: 'title' },
      { text: pdfText(doc.byline), color: MUTED, margin: [0, 0, 0, 2] },
      ...(doc.profile ? [{ text: pdfText(doc.profile), color: MUTED, margin: [0, 0, 0, 4] as Margin }] : []),
      ...doc.sections.flatMap((s) => sectionContent(s, ctx)),
    ],
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 14, bold: true, color: accent, margin: [0, 14, 0, 3] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
      action: { fontSize: 11, bold: true, color: accent, margin: [0, 4, 0, 1] },
      meta: { fontSize: 8.5, color: MUTED, margin: [0, 0, 0, 3] },
      th: { bold: true, fontSize: 8, color: MUTED },
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: INK },
  };
}

/** The page every cx-audit PDF is laid out on, and its two text colours. */
export const PDF_PAGE = { size: 'A4', margin: MARGIN, contentWidth: CONTENT_WIDTH, ink: INK, muted: MUTED } as const;

/** Another document (the history) as PDF bytes, through the same pdfmake, fonts and access rules as the report. */
export async function pdfBytes(document: TDocumentDefinitions): Promise<Uint8Array> {
  const lib = await pdfmake();
  return lib.createPdf({ ...document, defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: INK, ...document.defaultStyle } }).getBuffer();
}

/**
 * The most answers a PDF lists. pdfmake lays a document out in memory, at
 * about 4 ms and 70 kB an answer: 2,000 make some 160 pages in 8 s. Past
 * that a PDF is no document to send anyone, and the run would take minutes
 * and gigabytes; HTML and Markdown have no such limit.
 */
const MAX_PDF_ANSWERS = 2000;

/**
 * The report as a PDF: the HTML report's document (document.ts) on A4
 * pages, with vector charts, the brand's logo and footer, and "Page N of
 * M" on every page. The same report gives the same bytes.
 */
export async function renderPdf(report: Report, options: RenderOptions): Promise<Uint8Array> {
  if (report.answers.length > MAX_PDF_ANSWERS) {
    throw new InputError(
      `a PDF lists at most ${MAX_PDF_ANSWERS.toLocaleString('en-US')} answers, and this report has ${report.answers.length.toLocaleString('en-US')}: it would run to hundreds of pages. Write HTML (-f html, which prints as well) or Markdown instead`,
    );
  }
  const lib = await pdfmake();
  try {
    // pdfmake changes the definition it is given: build a fresh one for each render.
    return await lib.createPdf(definition(report, options.brand)).getBuffer();
  } catch (error) {
    const logo = options.brand?.logo;
    if (!logo) throw error;
    // Tell a logo pdfmake cannot draw from a fault of cx-audit: does the report render without it?
    await lib.createPdf(definition(report, { ...options.brand, logo: undefined })).getBuffer();
    throw new InputError(`cannot draw the logo ${logo.path} in the PDF: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
}
