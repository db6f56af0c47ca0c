/**
 * Text the PDF's font can show. The PDF embeds Roboto (from pdfmake), which
 * has no glyph for → ✓ ★ and most symbols, emoji or CJK; a missing glyph
 * prints as an empty box and vanishes from copied text, silently. So every
 * string put into the PDF passes through pdfText, which keeps what Roboto
 * has (Latin, Greek, Cyrillic, Vietnamese, common punctuation and currency)
 * and replaces the rest with a near equivalent, or "?" as a last resort.
 */
import { oneLine } from '../text/sanitize.js';

/**
 * The characters Roboto 3.014 (pdfmake 0.3.11, all four styles) has, as hex
 * ranges, read from its cmap; control, private-use and byte-order-mark
 * entries left out. test/report/pdf.test.ts compares it with the font file.
 */
export const ROBOTO_RANGES =
  '20-7e a0-17f 18f 192 1a0-1a1 1af-1b0 1f0 1fa-1ff 218-21b 237 259 2bc 2c6-2c7 2c9 2d8-2dd 2f3 300-301 303 309 30f 323 384-38a 38c 38e-3a1 3a3-3ce 3d1-3d2 3d6 400-486 488-513 1e00-1e01 1e3e-1e3f 1e80-1e85 1e9e 1ea0-1ef9 1f4d 2000-200b 2010-2011 2013-2015 2017-201e 2020-2022 2025-2027 2030 2032-2033 2039-203a 203c 2044 2070 2074-208e 20a3-20a4 20a6-20ac 20b1 20b9-20ba 20bc-20bd 20c1 2105 2113 2116 2122 2126 212e 215b-215e 2202 2206 220f 2211-2212 221a 221e 222b 2248 2260 2264-2265 25a0 25ca-25cb 25cf fb01-fb04 fffd';

const RANGES: readonly [number, number][] = ROBOTO_RANGES.split(' ').map((r) => {
  const [from, to = from] = r.split('-').map((h) => Number.parseInt(h, 16)) as [number, number?];
  return [from, to];
});

/** Whether Roboto has a glyph for the code point (binary search over the ranges). */
export function hasGlyph(codePoint: number): boolean {
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = RANGES[mid]!;
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Stand-ins for symbols people type that Roboto lacks. */
const SUBSTITUTES: Record<string, string> = {
  '→': '->',
  '⇒': '=>',
  '←': '<-',
  '⇐': '<=',
  '↔': '<->',
  '✓': '+',
  '✔': '+',
  '☑': '[x]',
  '☐': '[ ]',
  '✗': 'x',
  '✘': 'x',
  '★': '*',
  '☆': '*',
};

/** Joiners and variation selectors: invisible, and without a glyph. */
const invisible = (cp: number) => cp === 0x200c || cp === 0x200d || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f);

const shown = (text: string) => [...text].every((c) => hasGlyph(c.codePointAt(0)!));

/**
 * A character Roboto lacks as characters it has: a ligature, a full-width
 * letter or a digraph as its compatibility form ("ǅ" as "Dž"), else a
 * letter without the accent Roboto lacks, else "?".
 */
function plainParts(ch: string): string {
  const compatible = ch.normalize('NFKC');
  if (shown(compatible)) return compatible;
  const parts = [...ch.normalize('NFKD')].filter((c) => hasGlyph(c.codePointAt(0)!) && !/\p{M}/u.test(c));
  return parts.length ? parts.join('') : '?';
}

/** One line of text the PDF's font shows in full (see the module comment). */
export function pdfText(text: string): string {
  const line = oneLine(text);
  if (/^[\x20-\x7e]*$/.test(line)) return line;
  let out = '';
  for (const ch of line.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (hasGlyph(cp)) out += ch;
    else if (invisible(cp)) continue;
    else if (Object.hasOwn(SUBSTITUTES, ch)) out += SUBSTITUTES[ch];
    else out += plainParts(ch);
  }
  return out;
}
