import type { Report } from '../generated/report.js';
import { renderJsonChunks } from './json.js';
import { renderMarkdownChunks } from './markdown.js';

export type { Report };

export type ReportFormat = 'md' | 'json';

/** A formatter is a pure function of the report, giving its text in one or more pieces. */
export type Formatter = (report: Report) => Iterable<string>;

export const FORMATTERS: Record<ReportFormat, Formatter> = {
  md: renderMarkdownChunks,
  json: renderJsonChunks,
};
