import type { DataPath, Diagnostic, Place } from './diagnostic.js';
import { contentHash } from './hash.js';
import { formatCount, MAX_DEPTH, MAX_ITEMS, MAX_VALUES } from './limits.js';
import { readInput, withArticle, type InputText, type ReadOptions } from './read-input.js';
import { placeAtOffset } from './text-place.js';
import { loadCore, PlaceIndex } from './yaml-core.js';
import { explainSyntaxError } from './yaml-syntax.js';

/** A parsed YAML file that can map a path in its data back to line:column. */
export interface YamlFile {
  path: string;
  /** Content hash of the text (files/hash.ts). */
  hash: string;
  data: unknown;
  /** The text it was parsed from (the places need it anyway). */
  text: string;
  /** Where the value (or, with `key`, the key) at a data path sits in the file. */
  placeOf(path: readonly (string | number)[], options?: { key?: boolean }): Place;
}

export type ReadResult =
  | { ok: true; file: YamlFile; diagnostics: Diagnostic[] }
  /** `unreadable`: the file could not be read at all (exit 2); `invalid`: its content is broken (diagnostics say how). */
  | { ok: false; reason: 'unreadable' | 'invalid'; diagnostics: Diagnostic[] };

/** Something that may be an alias (*name); a few false alarms (a "*note*" in a text) only cost a little time. */
const ALIAS = /(^|[\s[{,])\*[^\s[\]{},]/m;

type Problem = { rule: string; message: (kind: string) => string; path: DataPath } | { rule: string; message: (kind: string) => string; offset: number };

/**
 * Walks the parsed data once, without recursion, and finds what no real file
 * has: nesting deeper than MAX_DEPTH, a list or mapping with more than
 * MAX_ITEMS entries, or aliases that stand for more than MAX_VALUES values.
 * A value shared through aliases is measured once and counted at every use.
 */
function findOversize(data: unknown, text: string): Problem | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  // Without aliases every value is parsed once and stands once: nothing to measure twice, no cycle.
  const alias = ALIAS.exec(text);
  const measured = alias ? new Map<object, number>() : undefined;
  // Lists are walked by index: Object.keys on a list of millions makes millions of strings.
  type Frame = { value: object; keys: string[] | undefined; size: number; next: number; values: number; key: string | number | undefined };
  const frames: Frame[] = [];
  const ancestors = alias ? new Set<object>() : undefined;
  const enter = (value: object, key: string | number | undefined): Problem | undefined => {
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    const path = () => [...frames.slice(1).map((f) => f.key!), ...(key === undefined ? [] : [key])];
    if (size > MAX_ITEMS) {
      const what = keys ? 'a mapping with' : 'a list of';
      return {
        rule: 'too-many-items',
        path: path(),
        message: (kind) => `holds ${what} ${formatCount(size)} entries; ${withArticle(kind)} may have at most ${formatCount(MAX_ITEMS)} in one list or mapping`,
      };
    }
    if (frames.length >= MAX_DEPTH)
      return { rule: 'too-deep', path: path(), message: (kind) => `nests data more than ${MAX_DEPTH} levels deep; no ${kind} needs that` };
    frames.push({ value, keys, size, next: 0, values: 1, key });
    ancestors?.add(value);
    return undefined;
  };
  let problem = enter(data, undefined);
  while (!problem && frames.length) {
    const top = frames[frames.length - 1]!;
    if (top.next < top.size) {
      const i = top.next++;
      const key = top.keys ? top.keys[i]! : i;
      const child = (top.value as Record<string | number, unknown>)[key];
      if (child === null || typeof child !== 'object') top.values++;
      else if (measured?.has(child)) top.values += measured.get(child)!;
      else if (ancestors?.has(child))
        top.values++; // a cycle: counted once
      else problem = enter(child, key);
      continue;
    }
    frames.pop();
    ancestors?.delete(top.value);
    measured?.set(top.value, top.values);
    if (frames.length) frames[frames.length - 1]!.values += top.values;
    if (alias && top.values > MAX_VALUES) {
      problem = {
        rule: 'alias-limit',
        offset: alias.index + alias[1]!.length,
        message: () => `expands YAML aliases (*name) to more than ${formatCount(MAX_VALUES)} values; write the repeated parts out instead`,
      };
    }
  }
  return problem;
}

/** Whether a text holds no YAML value at all: blank lines, comments and document markers only. */
function onlyComments(text: string): boolean {
  return text.split('\n').every((line) => {
    const t = line.trim();
    return t === '' || t.startsWith('#') || t === '---' || t === '...';
  });
}

/**
 * Parses the text of a YAML file, turning every way it can be broken into a
 * diagnostic with a place, and never throwing for bad content. The data comes
 * from one parser with YAML 1.2's core schema; places are worked out from the
 * same text only when a diagnostic needs one.
 */
export function parseYaml(input: InputText, kind: string): ReadResult {
  const { path, text } = input;
  const diag = (rule: string, message: string, place: Place = {}): Diagnostic => ({ file: path, ...place, severity: 'error', rule, message });
  const invalid = (found: Diagnostic[]): ReadResult => ({ ok: false, reason: 'invalid', diagnostics: [...input.diagnostics, ...found] });

  const loaded = loadCore(text);
  if (!loaded.ok) return invalid(explainSyntaxError(text, loaded.error, kind, diag));
  if (loaded.data === undefined || (loaded.data === null && onlyComments(text))) {
    return invalid([diag('empty-file', `is empty; ${withArticle(kind)} needs content`)]);
  }

  let index: PlaceIndex | undefined;
  const placeOf: YamlFile['placeOf'] = (p, options) => (index ??= new PlaceIndex(text)).placeOf(p, options);
  const problem = findOversize(loaded.data, text);
  if (problem) {
    const place = 'offset' in problem ? placeAtOffset(text, problem.offset) : placeOf(problem.path);
    return invalid([diag(problem.rule, problem.message(kind), place)]);
  }
  return { ok: true, file: { path, hash: contentHash(text), data: loaded.data, text, placeOf }, diagnostics: [...input.diagnostics] };
}

/** Reads (readInput) and parses (parseYaml) a YAML file. */
export async function readYamlFile(path: string, options: ReadOptions): Promise<ReadResult> {
  const read = await readInput(path, options);
  return read.ok ? parseYaml(read.input, options.kind) : read;
}
