/**
 * What cx-audit reads at most, so that no input under the size limit can make
 * it hang or run out of memory. Each limit is far above what any real file
 * needs; docs/performance.md has the figures behind them.
 */

/** Files larger than this are refused before they are parsed. 20,000 questions fit in half of it. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Deeper nesting than any checklist needs; it guards the validators' and rules' recursion. */
export const MAX_DEPTH = 64;

/** Where the YAML parser itself stops: well above MAX_DEPTH, well below the call stack's limit. */
export const PARSER_MAX_DEPTH = 200;

/** Items in one list or keys in one mapping. A 20,000-question checklist has 20,000. */
export const MAX_ITEMS = 100_000;

/**
 * Values in a whole file, counting each use of a YAML alias (*name) as a copy
 * of what it points at: a few aliases that point at each other can otherwise
 * stand for billions of values (the "billion laughs" attack).
 */
export const MAX_VALUES = 2_000_000;

/**
 * Syntax errors are explained by the `yaml` package, which words them best
 * but needs ~1 s and 170 MB per 100,000 lines; above this many lines the
 * fast parser's own message is used instead.
 */
export const EXPLAIN_MAX_LINES = 50_000;

/** Bracket nesting above this is refused before `yaml` explains a file: its lexer runs out of memory on huge flow nesting. */
export const MAX_FLOW_DEPTH = 256;

export function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "1,000,000" */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
