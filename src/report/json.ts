import type { Report } from '../generated/report.js';

/** The report as data: the same object the Markdown is rendered from. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
