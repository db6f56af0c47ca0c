import type { Place } from './diagnostic.js';

/** Line and column (1-based) of an offset in text, without building a line index. */
export function placeAtOffset(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first character at or after `offset` that is not a space, a line break or part of a comment. */
export function skipBlank(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) i++;
    else if (ch === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else break;
  }
  return i;
}

/** Line starts of a text, for many places in one text: each place is then a binary search, not a scan from the top. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  placeAt(offset: number): Place {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}
