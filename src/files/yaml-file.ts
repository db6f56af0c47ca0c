import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsYaml from 'js-yaml';
import type { Document, Node } from 'yaml';
import type { Diagnostic, Place } from '../checklist/diagnostic.js';
import { contentHash } from './hash.js';

const loadCommonJs = createRequire(import.meta.url);

/** Files larger than this are refused before they are read. 20,000 questions fit in a third of it. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Deeper nesting than any checklist needs; it guards the parser and the validators' recursion. */
export const MAX_DEPTH = 64;
/** Bracket nesting above this is refused before parsing: the YAML lexer runs out of memory on huge flow nesting. */
const MAX_FLOW_DEPTH = 256;
/** Aliases may be handy for repeated conditions; thousands of them are an attack (billion laughs). */
const MAX_ALIAS_COUNT = 100;

/** A parsed YAML file that can map a path in its data back to line:column. */
export interface YamlFile {
  path: string;
  /** Content hash of the text (files/hash.ts). */
  hash: string;
  data: unknown;
  /** Where the value (or, with `key`, the key) at a data path sits in the file. */
  placeOf(path: readonly (string | number)[], options?: { key?: boolean }): Place;
}

export type ReadResult =
  | { ok: true; file: YamlFile; diagnostics: Diagnostic[] }
  /** `unreadable`: the file could not be read at all (exit 2); `invalid`: its content is broken (diagnostics say how). */
  | { ok: false; reason: 'unreadable' | 'invalid'; diagnostics: Diagnostic[] };

/** What yaml's error codes mean to someone editing the file. */
const YAML_HINTS: Record<string, { rule: string; hint: string }> = {
  BAD_INDENT: { rule: 'yaml-syntax', hint: 'check the indentation of this line against the lines above it' },
  MULTILINE_IMPLICIT_KEY: { rule: 'yaml-syntax', hint: 'a key must fit on one line; is a colon or quote missing above?' },
  BLOCK_AS_IMPLICIT_KEY: { rule: 'yaml-syntax', hint: 'is a colon missing after a key, or a value indented too far?' },
  UNEXPECTED_TOKEN: { rule: 'yaml-syntax', hint: 'quote values that contain ": " or start with a special character' },
  BAD_SCALAR_START: { rule: 'yaml-syntax', hint: 'quote values that start with a special character such as @, ` or %' },
  TAG_RESOLVE_FAILED: { rule: 'yaml-tag', hint: 'custom YAML tags are not supported; remove the tag (the word starting with !)' },
};

/** What yaml's syntax messages mean to someone editing the file, by message, which says more than the code. */
function syntaxHint(message: string): string | undefined {
  if (/Tabs are not allowed/.test(message)) return 'YAML indents with spaces only; replace the tab with spaces';
  if (/end with an? [\]}]$/.test(message)) return 'a closing bracket is missing on this line or one above it';
  if (/sufficiently indented|same column|without - indicator|indentation/i.test(message)) return 'line this up with the lines above it: the same column for the same level, spaces only';
  if (/Implicit keys need to be on a single line|Nested mappings are not allowed/.test(message)) {
    return 'every line of a mapping needs "key: value"; is a colon missing here, or a quote left open above?';
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

function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "a checklist", "an answers file". */
function withArticle(kind: string): string {
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** Line and column (1-based) of an offset in text, without building a line index. */
function placeAtOffset(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Deepest bracket nesting outside quotes and comments; stops counting past the limit. */
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

/** The first path deeper than MAX_DEPTH, if any; walked without recursion and, in the common case, without allocating per node. */
function tooDeep(data: unknown): (string | number)[] | undefined {
  const values: unknown[] = [data];
  const depths: number[] = [0];
  let found = false;
  while (values.length) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      found = true;
      break;
    }
    for (const k in value) {
      values.push((value as Record<string, unknown>)[k]);
      depths.push(depth + 1);
    }
  }
  return found ? pathTooDeep(data, []) : undefined;
}

/** The path to a node nested MAX_DEPTH deep (only called when one exists). */
function pathTooDeep(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (path.length >= MAX_DEPTH) return path;
  for (const k in value) {
    const found = pathTooDeep((value as Record<string, unknown>)[k], [...path, Array.isArray(value) ? Number(k) : k]);
    if (found) return found;
  }
  return undefined;
}

// Anchors and aliases (&name, *name) take the precise path, which limits how far they expand.
const ANCHOR_OR_ALIAS = /(^|[\s[{,])[&*][^\s[\]{},]/;

/** js-yaml with the YAML 1.2 core schema, as yaml reads it; undefined when the precise path must decide. */
function fastLoad(text: string): unknown {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  try {
    // maxDepth: deeper files throw here and get their diagnostic from the precise path.
    const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, maxDepth: MAX_DEPTH } as jsYaml.LoadOptions);
    return data === null || typeof data !== 'object' ? undefined : data;
  } catch {
    // Syntax errors, duplicate keys, unknown tags, several documents, or a
    // stack overflow on deep nesting: the precise path says which, and where.
    return undefined;
  }
}

interface Precise {
  docs: Document.Parsed[];
  placeAt(offset: number): Place;
  placeOf: YamlFile['placeOf'];
  firstAlias(): Place;
}

/** yaml's full parse: slower, but it keeps every node's place in the text. Loaded only when needed. */
function parsePrecise(text: string): Precise {
  const { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit } = loadCommonJs('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true }) as Document.Parsed[];
  const placeAt = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const doc = docs[0];
  const placeOf: YamlFile['placeOf'] = (path, options = {}) => {
    let node: unknown = doc?.contents;
    let keyNode: Node | undefined;
    for (const segment of path) {
      if (isAlias(node) && doc) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        keyNode = undefined;
        node = node.items[segment];
      } else break;
    }
    const target = options.key && keyNode ? keyNode : (node as Node | null);
    const offset = target?.range?.[0] ?? keyNode?.range?.[0] ?? 0;
    return placeAt(offset);
  };
  const firstAlias = (): Place => {
    let place: Place = { line: 1, column: 1 };
    if (doc) {
      visit(doc, {
        Alias(_, node) {
          if (node.range) place = placeAt(node.range[0]);
          return visit.BREAK;
        },
      });
    }
    return place;
  };
  return { docs, placeAt, placeOf, firstAlias };
}

/** The file's text, or why it has none. The bytes are dropped as soon as they are decoded: large files count. */
function readText(path: string, kind: string, diag: (rule: string, message: string, place?: Place) => Diagnostic): string | ReadResult {
  const invalid = (d: Diagnostic): ReadResult => ({ ok: false, reason: 'invalid', diagnostics: [d] });
  let buffer: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      return { ok: false, reason: 'unreadable', diagnostics: [diag('unreadable', `is a directory, not ${withArticle(kind)}; pass the YAML files inside it`)] };
    }
    if (stat.size > MAX_FILE_BYTES) {
      return invalid(
        diag('file-too-large', `is ${describeSize(stat.size)}; ${withArticle(kind)} may be at most ${describeSize(MAX_FILE_BYTES)}. Split it into smaller files`),
      );
    }
    buffer = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file; check the path'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied; check the file permissions'
          : `cannot be read (${code ?? String(error)})`;
    return { ok: false, reason: 'unreadable', diagnostics: [diag('unreadable', why)] };
  }

  const nul = buffer.indexOf(0);
  if (nul !== -1) {
    const place = placeAtOffset(buffer.subarray(0, nul).toString('latin1'), nul);
    return invalid(diag('binary-file', `contains binary data (a NUL byte); ${withArticle(kind)} must be UTF-8 text`, place));
  }
  if (!isUtf8(buffer)) {
    const lossy = buffer.toString('utf8');
    const place = placeAtOffset(lossy, lossy.indexOf('\uFFFD'));
    return invalid(diag('encoding', `is not valid UTF-8; save the ${kind} with UTF-8 encoding`, place));
  }
  return buffer.toString('utf8');

}

/**
 * Reads and parses a YAML file, turning every way it can be broken into a
 * diagnostic with a place, and never throwing for bad content.
 */
export function readYamlFile(path: string, kind = 'file'): ReadResult {
  const diag = (rule: string, message: string, place: Place = {}, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
    file: path,
    ...place,
    severity,
    rule,
    message,
  });
  const invalid = (d: Diagnostic): ReadResult => ({ ok: false, reason: 'invalid', diagnostics: [d] });

  const read = readText(path, kind, diag);
  if (typeof read !== 'string') return read;
  let text = read;

  const diagnostics: Diagnostic[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(
      diag('byte-order-mark', 'starts with a byte-order mark (BOM); it was ignored, but some tools choke on it. Save as UTF-8 without BOM', { line: 1, column: 1 }, 'warning'),
    );
  }
  const crlf = text.indexOf('\r\n');
  if (crlf !== -1) {
    const lone = /(^|[^\r])\n/.exec(text);
    if (lone) {
      const at = placeAtOffset(text, lone.index + lone[1]!.length);
      diagnostics.push(
        diag('mixed-line-endings', 'mixes CRLF and LF line endings; this line ends with LF where earlier lines use CRLF. Convert the file to one style', at, 'warning'),
      );
    }
  }

  const hash = contentHash(text);

  // Fast path: most files are valid and free of anchors, and js-yaml reads
  // them ten times faster than yaml. Anything unusual, and every file that
  // needs a diagnostic, goes through yaml, which knows where each node sits.
  const fast = fastLoad(text);
  if (fast !== undefined) {
    // The text is not kept: a 20,000-question file is 8 MB, and most files
    // never need a place. A diagnostic reads the file again for its places.
    let precise: Precise | undefined;
    const placeOf: YamlFile['placeOf'] = (p, options) => {
      if (!precise) {
        const again = readText(path, kind, diag);
        precise = parsePrecise(typeof again === 'string' ? again.replace(/^\uFEFF/, '') : '');
      }
      return precise.placeOf(p, options);
    };
    return { ok: true, file: { path, hash, data: fast, placeOf }, diagnostics };
  }

  const deepAt = flowDepthOffset(text);
  if (deepAt !== -1) {
    return invalid(diag('too-deep', `nests brackets more than ${MAX_FLOW_DEPTH} levels deep; no ${kind} needs that`, placeAtOffset(text, deepAt)));
  }
  let precise: Precise;
  try {
    precise = parsePrecise(text);
  } catch (error) {
    // The parser's own recursion can run out of stack on pathological input.
    return invalid(diag('too-deep', `cannot be parsed: ${(error as Error).message}`, { line: 1, column: 1 }));
  }
  const { docs, placeAt, placeOf } = precise;

  if (docs.length === 0 || (docs.length === 1 && docs[0]!.contents === null && docs[0]!.errors.length === 0)) {
    return { ok: false, reason: 'invalid', diagnostics: [...diagnostics, diag('empty-file', `is empty; ${withArticle(kind)} needs content`)] };
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    const start = second.range?.[0] ?? 0;
    diagnostics.push(diag('multiple-documents', `holds ${docs.length} YAML documents (separated by ---); put each ${kind} in its own file`, placeAt(start)));
  }
  const doc = docs[0]!;
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
    const hint = syntaxHint(message) ?? YAML_HINTS[error.code]?.hint;
    diagnostics.push(diag('yaml-syntax', hint ? `${message}: ${hint}` : message, placeAt(error.pos[0])));
  }
  for (const warning of doc.warnings) {
    const known = YAML_HINTS[warning.code];
    if (!known) continue;
    const message = warning.message.split('\n')[0]!.replace('tag:yaml.org,2002:', '!!');
    diagnostics.push(diag(known.rule, `${message}: ${known.hint}`, placeAt(warning.pos[0])));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, reason: 'invalid', diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof ReferenceError && /alias/i.test(error.message)
      ? `expands YAML aliases (*name) past the limit of ${MAX_ALIAS_COUNT}; write the repeated parts out instead`
      : `cannot be read as data: ${(error as Error).message}`;
    return { ok: false, reason: 'invalid', diagnostics: [...diagnostics, diag('alias-limit', reason, precise.firstAlias())] };
  }

  const deepPath = tooDeep(data);
  if (deepPath) {
    return { ok: false, reason: 'invalid', diagnostics: [...diagnostics, diag('too-deep', `nests data more than ${MAX_DEPTH} levels deep; no ${kind} needs that`, placeOf(deepPath))] };
  }

  return { ok: true, file: { path, hash, data, placeOf }, diagnostics };
}
