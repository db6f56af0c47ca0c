import type { Branding } from '../brand/load.js';
import type { Report } from '../generated/report.js';

/** What a formatter may use besides the report: the consultant's branding (--brand). */
export interface RenderOptions {
  brand?: Branding | undefined;
}

/**
 * A formatter is a function of the report, giving its content in one or
 * more pieces of text, or (a PDF, whose library works asynchronously) its
 * bytes.
 */
type Formatter = (report: Report, options: RenderOptions) => Iterable<string> | Promise<Uint8Array>;

interface FormatInfo {
  /** What `-f` lists. */
  description: string;
  /** File name extensions that mean this format; the first names default files. */
  extensions: readonly string[];
  /** Bytes, not text: never written to a terminal. */
  binary?: boolean;
  /** The formatter, loaded only when this format is used. */
  load(): Promise<Formatter>;
}

/**
 * Every report format, in one table: `-f`'s choices, the format a file name
 * implies and the default file name all follow from it. Adding a format is a
 * module and a line here.
 */
export const REPORT_FORMATS = {
  md: { description: 'Markdown', extensions: ['md', 'markdown'], load: async () => (await import('./markdown.js')).renderMarkdownChunks },
  json: { description: 'JSON, the report as data', extensions: ['json'], load: async () => (await import('./json.js')).renderJsonChunks },
  html: { description: 'HTML, one self-contained page', extensions: ['html', 'htm'], load: async () => (await import('./html.js')).renderHtmlChunks },
  pdf: { description: 'PDF', extensions: ['pdf'], binary: true, load: async () => (await import('./pdf.js')).renderPdf },
} as const satisfies Record<string, FormatInfo>;

export type ReportFormat = keyof typeof REPORT_FORMATS;

export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as ReportFormat[];

/** Whether a format is bytes rather than text. */
export function isBinaryFormat(format: ReportFormat): boolean {
  return (REPORT_FORMATS[format] as FormatInfo).binary === true;
}

/** The format a file name's extension stands for, if any. */
export function formatOfPath(path: string): ReportFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (!extension) return undefined;
  return REPORT_FORMAT_NAMES.find((f) => (REPORT_FORMATS[f].extensions as readonly string[]).includes(extension));
}

/** `cx-audit-report.md`, `cx-audit-report.json`… */
export function defaultReportFile(format: ReportFormat): string {
  return `cx-audit-report.${REPORT_FORMATS[format].extensions[0]}`;
}
