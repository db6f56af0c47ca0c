/** What `cx-audit history` writes. */
export const HISTORY_FORMATS = ['md', 'json', 'html', 'pdf'] as const;

export interface HistoryOptions {
  format?: (typeof HISTORY_FORMATS)[number];
  output?: string;
  checklist?: string[];
}
