/** One problem found in a file, with where it is and how to fix it. */
export interface Diagnostic {
  file: string;
  /** 1-based; absent when the problem has no place in the file (e.g. it cannot be read). */
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  /** The named rule that found it, e.g. `duplicate-question-id`. */
  rule: string;
  message: string;
  /** Where in the file's data the problem is, when it is about a value: lets later checks skip what is already reported. */
  dataPath?: DataPath;
}

export type Place = Pick<Diagnostic, 'line' | 'column'>;

/** Where a value sits in a file's data: keys and list indexes from the top. */
export type DataPath = (string | number)[];

export function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}

/** Sorts by file, then place, so output is stable whatever order rules ran in. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** `file:line:column`, or just `file` when there is no place. */
export function location(d: Diagnostic): string {
  return d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
}
