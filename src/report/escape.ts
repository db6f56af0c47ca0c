import { oneLine } from '../text/sanitize.js';

// Anything but plain ASCII words and punctuation, doubled or edge spaces, or the start of a web address.
const NOT_PLAIN = /[^A-Za-z0-9 ,.;:?'"()%-]| {2}|^ | $|www\./i;

/**
 * Text from checklists, answers and notes, made inert in Markdown: one line,
 * no control characters, HTML as entities, and Markdown punctuation escaped,
 * so it can neither break a table nor inject markup or HTML. It is always
 * placed inline, after other text, so line-start syntax (lists, headings) cannot arise.
 */
export function md(text: string): string {
  // Most text needs nothing: plain words and punctuation that Markdown leaves alone.
  if (!NOT_PLAIN.test(text)) return text;
  return (
    oneLine(text)
      .trim()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
      // Break autolinks: a URL in a note stays text, never a link the reader did not see coming.
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
  );
}

/** Text for a Mermaid label: only letters, digits, spaces and simple punctuation survive. */
export function mermaidText(text: string): string {
  return oneLine(text)
    .replace(/[^\p{L}\p{N} .,'()/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Characters XML 1.0 forbids (noncharacters, lone surrogates); oneLine has already dealt with control characters.
const NOT_XML = /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for HTML and for SVG (which the PDF library parses as strict XML):
 * one line, no control or bidirectional-override characters, and the five
 * markup characters as entities, so it is safe in element content and in
 * quoted attributes alike.
 */
export function html(text: string): string {
  return oneLine(text)
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!);
}
