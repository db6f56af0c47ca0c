import type { Report } from '../generated/report.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export type { Report };

export type ReportFormat = 'md' | 'json';

/** A formatter is a pure function of the report. */
export type Formatter = (report: Report) => string;

export const FORMATTERS: Record<ReportFormat, Formatter> = {
  md: renderMarkdown,
  json: renderJson,
};
