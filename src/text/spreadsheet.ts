import { oneLine } from './sanitize.js';

/** What Excel and LibreOffice take for the start of a formula when they open a CSV file. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell never starts a formula: Excel and LibreOffice run a cell that
 * begins with = + - @ (or a tab or return before them), so such a text gets a
 * leading apostrophe, which they show as text. Line breaks are folded: one
 * record per line.
 */
export function csvCell(text: string): string {
  const line = oneLine(text);
  return FORMULA_START.test(line) ? `'${line}` : line;
}

/** The text a person wrote, back from a cell that csvCell guarded: the apostrophe it added goes again. */
export function csvCellText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
