import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document } from 'yaml';
import type { Diagnostic, Place } from './diagnostic.js';
import { EXPLAIN_MAX_LINES, MAX_DEPTH, MAX_FLOW_DEPTH } from './limits.js';
import { placeAtOffset } from './text-place.js';
import type { CoreSyntaxError } from './yaml-core.js';

const loadCommonJs = createRequire(import.meta.url);

type MakeDiagnostic = (rule: string, message: string, place?: Place) => Diagnostic;

/** What yaml's error codes mean to someone editing the file. */
const YAML_HINTS: Record<string, { rule: string; hint: string }> = {
  BAD_INDENT: { rule: 'yaml-syntax', hint: 'check the indentation of this line against the lines above it' },
  MULTILINE_IMPLICIT_KEY: { rule: 'yaml-syntax', hint: 'a key must fit on one line; is a colon or quote missing above?' },
  BLOCK_AS_IMPLICIT_KEY: { rule: 'yaml-syntax', hint: 'is a colon missing after a key, or a value indented too far?' },
  UNEXPECTED_TOKEN: { rule: 'yaml-syntax', hint: 'quote values that contain ": " or start with a special character' },
  BAD_SCALAR_START: { rule: 'yaml-syntax', hint: 'quote values that start with a special character such as @, ` or %' },
  TAG_RESOLVE_FAILED: { rule: 'yaml-tag', hint: 'custom YAML tags are not supported; remove the tag (the word starting with !)' },
};

/** What a parser's syntax message means to someone editing the file, by message, which says more than the code. */
function syntaxHint(message: string): string | undefined {
  if (/Tabs are not allowed|tab characters must not be used/i.test(message)) return 'YAML indents with spaces only; replace the tab with spaces';
  if (/end with an? [\]}]$|unexpected end of the stream within a flow collection/.test(message))
    return 'a closing bracket is missing on this line or one above it';
  if (/sufficiently indented|same column|without - indicator|indentation/i.test(message))
    return 'line this up with the lines above it: the same column for the same level, spaces only';
  if (/Implicit keys need to be on a single line|Nested mappings are not allowed|colon is missed/.test(message)) {
    return 'every line of a mapping needs "key: value"; is a colon missing here, or a quote left open above?';
  }
  if (/unknown tag/.test(message)) return YAML_HINTS.TAG_RESOLVE_FAILED!.hint;
  return undefined;
}

/**
 * A key indented further than the key above it turns the line above into a
 * multi-line text, and yaml complains about that line. The line to fix is
 * the one below: say so, and where.
 */
function overIndentedKey(text: string, line: number): ((diag: MakeDiagnostic) => Diagnostic) | undefined {
  const lines = text.split('\n');
  const above = lines[line - 1];
  if (above === undefined) return undefined;
  const keyAbove = /^(\s*(?:-\s+)?)([^\s#:][^:]*):\s/.exec(above);
  if (!keyAbove) return undefined;
  const column = keyAbove[1]!.length;
  for (let next = line; next < lines.length; next++) {
    const t = lines[next]!;
    if (t.trim() === '' || t.trim().startsWith('#')) continue;
    const m = /^(\s*)([^\s#:][^:]*):(\s|$)/.exec(t);
    if (!m || m[1]!.length <= column) return undefined;
    const key = m[2]!.trim();
    return (diag) =>
      diag(
        'yaml-syntax',
        `"${key}" is indented further than "${keyAbove[2]!.trim()}" above it (${m[1]!.length} spaces, not ${column}); keys of one mapping start at the same column`,
        { line: next + 1, column: m[1]!.length + 1 },
      );
  }
  return undefined;
}

/** The place of the first quote opened on a line and not closed on it (a heuristic for yaml's end-of-file report). */
function unclosedQuote(text: string): Place | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /:\s+(["'])/.exec(lines[i]!) ?? /^\s*-\s+(["'])/.exec(lines[i]!);
    if (!m) continue;
    const quote = m[1]!;
    const start = m.index + m[0].length - 1;
    const rest = lines[i]!.slice(start + 1).replace(quote === '"' ? /\\./g : /''/g, '');
    if (!rest.includes(quote)) return { line: i + 1, column: start + 1 };
  }
  return undefined;
}

/** Offset of the first bracket nested deeper than MAX_FLOW_DEPTH, outside quotes and comments, or -1. */
function flowDepthOffset(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\n' && quote === '#') quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\n')) quote = '#';
    else if (ch === '[' || ch === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return -1;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && n <= EXPLAIN_MAX_LINES; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** yaml's diagnostics for a file, in the words an editor of the file needs; empty when yaml finds nothing wrong. */
function explainWithYaml(text: string, kind: string, diag: MakeDiagnostic): Diagnostic[] {
  const { LineCounter, parseAllDocuments } = loadCommonJs('yaml') as typeof Yaml;
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true }) as Document.Parsed[];
  const placeAt = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  if (docs.length > 1) {
    diagnostics.push(
      diag('multiple-documents', `holds ${docs.length} YAML documents (separated by ---); put each ${kind} in its own file`, placeAt(docs[1]!.range?.[0] ?? 0)),
    );
  }
  const doc = docs[0];
  if (!doc) return diagnostics;
  // After the first syntax error the parser's further complaints are mostly echoes of it; duplicate keys are independent.
  let syntaxReported = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))![0].trim();
      diagnostics.push(diag('duplicate-key', `key "${key}" appears twice in the same mapping; remove or rename one of them`, placeAt(error.pos[0])));
      continue;
    }
    if (syntaxReported) continue;
    syntaxReported = true;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (/Missing closing "?quote/.test(message)) {
      // yaml notices at the end of the file; the place to fix is where the quote opened.
      diagnostics.push(diag('yaml-syntax', 'this quoted text is never closed; add the closing quote', unclosedQuote(text) ?? placeAt(error.pos[0])));
      continue;
    }
    const at = placeAt(error.pos[0]);
    const misplaced = /Nested mappings are not allowed|Implicit keys need to be on a single line/.test(message) ? overIndentedKey(text, at.line!) : undefined;
    if (typeof misplaced === 'function') {
      diagnostics.push(misplaced(diag));
      continue;
    }
    const hint = syntaxHint(message) ?? YAML_HINTS[error.code]?.hint;
    diagnostics.push(diag('yaml-syntax', hint ? `${message}: ${hint}` : message, at));
  }
  for (const warning of doc.warnings) {
    const known = YAML_HINTS[warning.code];
    if (!known) continue;
    const message = warning.message.split('\n')[0]!.replace('tag:yaml.org,2002:', '!!');
    diagnostics.push(diag(known.rule, `${message}: ${known.hint}`, placeAt(warning.pos[0])));
  }
  return diagnostics;
}

/**
 * Why a file is not valid YAML. The `yaml` package words most problems
 * best and says where they are; it explains files up to EXPLAIN_MAX_LINES
 * lines. Larger files, and anything yaml accepts, get the fast parser's
 * own message and place.
 */
export function explainSyntaxError(text: string, error: CoreSyntaxError, kind: string, diag: MakeDiagnostic): Diagnostic[] {
  const deepAt = flowDepthOffset(text);
  if (deepAt !== -1) return [diag('too-deep', `nests brackets more than ${MAX_FLOW_DEPTH} levels deep; no ${kind} needs that`, placeAtOffset(text, deepAt))];
  if (/maxDepth|too deep/.test(error.reason)) return [diag('too-deep', `nests data more than ${MAX_DEPTH} levels deep; no ${kind} needs that`, error.place)];
  if (lineCount(text) <= EXPLAIN_MAX_LINES) {
    try {
      const explained = explainWithYaml(text, kind, diag);
      if (explained.some((d) => d.severity === 'error')) return explained;
    } catch {
      // yaml's own recursion can run out of stack on pathological input; the fast parser's message stands.
    }
  }
  if (/expected a single document/.test(error.reason))
    return [diag('multiple-documents', `holds more than one YAML document (separated by ---); put each ${kind} in its own file`, error.place)];
  if (/duplicated mapping key/.test(error.reason))
    return [diag('duplicate-key', 'a key appears twice in the same mapping; remove or rename one of them', error.place)];
  const hint = syntaxHint(error.reason);
  return [diag(/unknown tag/.test(error.reason) ? 'yaml-tag' : 'yaml-syntax', hint ? `${error.reason}: ${hint}` : error.reason, error.place)];
}
