import type { DataPath as Path, Diagnostic } from './diagnostic.js';
import type { SchemaError, ValidateFunction } from '../generated/validate-function.js';
import { didYouMean, orList } from '../text/suggest.js';
import type { YamlFile } from './yaml-file.js';

/** Per file format: how to name a place in the data, and hints for particular keys. */
export interface SchemaVocabulary {
  /** `question "vat-field"`, `choice 2 of question "x"`, `the checklist`… */
  describe(path: Path, data: unknown): string;
  /** Keys allowed at a path, for "did you mean" on unknown keys. */
  allowedKeys(path: Path): readonly string[];
  /** Extra advice for a missing or malformed key. */
  hint?(key: string, keyword: string, value: unknown): string | undefined;
}

function parsePointer(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const segment of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, segment) ? (v as Record<string | number, unknown>)[segment] : undefined;
  }
  return v;
}

function typeName(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  // YAML reads .nan and .inf as numbers; name them as they were written.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return `${Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'}, which YAML reads as ${Number.isNaN(value) ? '"not a number"' : 'infinity'}`;
  }
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${JSON.stringify(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'a mapping of keys to values',
  boolean: 'true or false',
  null: 'empty',
};

function expectedType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return orList(types.map((t) => TYPE_WORDS[String(t)] ?? String(t)));
}

/**
 * Runs a compiled validator and turns its errors into diagnostics that name
 * the place in words, point at file:line:column and say how to fix it.
 */
export function schemaDiagnostics(validate: ValidateFunction, file: YamlFile, vocabulary: SchemaVocabulary): Diagnostic[] {
  if (validate(file.data)) return [];
  // `if` only says "must match then"; errors inside propertyNames repeat the propertyNames one.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if' && !('propertyName' in e));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // anyOf failures repeat every branch's complaint; keep only the summary for that place.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && anyOfPaths.has(error.instancePath)) continue;
    const d = toDiagnostic(error, file, vocabulary);
    const id = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return out;
}

/** `"version" in the checklist`, `question 2`, `item 1 of "learnMore" in question "q"`. */
function subjectOf(path: Path, data: unknown, vocabulary: SchemaVocabulary): string {
  if (path.length === 0) return vocabulary.describe(path, data);
  const last = path[path.length - 1]!;
  const parent = path.slice(0, -1);
  if (typeof last !== 'number') return `"${last}" in ${vocabulary.describe(parent, data)}`;
  const own = vocabulary.describe(path, data);
  if (own !== vocabulary.describe(parent, data)) return own;
  return `item ${last + 1} of "${String(parent[parent.length - 1])}" in ${vocabulary.describe(parent.slice(0, -1), data)}`;
}

function toDiagnostic(error: SchemaError, file: YamlFile, vocabulary: SchemaVocabulary): Diagnostic {
  const path = parsePointer(error.instancePath);
  const value = valueAt(file.data, path);
  const key = path.length ? String(path[path.length - 1]) : '';
  const subject = subjectOf(path, file.data, vocabulary);
  const hint = (k: string) => vocabulary.hint?.(k, error.keyword, value);
  const withHint = (message: string, k: string) => {
    const h = hint(k);
    return h ? `${message}: ${h}` : message;
  };
  let place = file.placeOf(path);
  let rule = 'schema';
  let message: string;
  const p = error.params;

  switch (error.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      rule = 'missing-key';
      message = withHint(`${vocabulary.describe(path, file.data)} is missing "${missing}"`, missing);
      break;
    }
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      rule = 'unknown-key';
      place = file.placeOf([...path, extra], { key: true });
      const allowed = vocabulary.allowedKeys(path);
      const suggestion = didYouMean(extra, allowed);
      message = `${vocabulary.describe(path, file.data)} has an unknown key "${extra}"${suggestion || `; allowed keys are ${orList(allowed.map((a) => `"${a}"`))}`}`;
      break;
    }
    case 'type':
      rule = 'wrong-type';
      message = withHint(`${subject} must be ${expectedType(p.type)}, not ${typeName(value)}`, key);
      break;
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      rule = 'unknown-value';
      message = `${subject} must be ${orList(allowed)}, not ${typeName(value)}${didYouMean(String(value), allowed)}`;
      break;
    }
    case 'const':
      rule = 'unknown-value';
      message = withHint(`"${key}" must be ${JSON.stringify(p.allowedValue)}, not ${typeName(value)}`, key);
      break;
    case 'pattern':
      rule = 'bad-format';
      message = withHint(`${subject} is not valid (${JSON.stringify(value)})`, typeof path[path.length - 1] === 'number' ? String(path[path.length - 2]) : key);
      break;
    case 'propertyNames':
      return toDiagnostic({ ...error, keyword: 'propertyName' }, file, vocabulary);
    case 'propertyName': {
      rule = 'bad-format';
      const name = String(p.propertyName);
      place = file.placeOf([...path, name], { key: true });
      message = withHint(`key "${name}" in ${subject} is malformed`, `${key}[]`);
      break;
    }
    case 'minItems':
      rule = 'too-few';
      message = withHint(
        Array.isArray(value) && value.length === 0 ? `${subject} is an empty list` : `${subject} needs at least ${String(p.limit)} items`,
        key,
      );
      break;
    case 'minLength':
      rule = 'empty-text';
      message = `${subject} is empty; write the text or remove the key`;
      break;
    case 'minimum':
    case 'maximum':
      rule = 'out-of-range';
      message = `${subject} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(p.limit)}, not ${typeName(value)}`;
      break;
    case 'maxLength':
      rule = 'too-long';
      message = `${subject} is longer than ${String(p.limit)} characters; shorten it`;
      break;
    case 'minProperties':
      rule = 'too-few';
      message = withHint(`${vocabulary.describe(path, file.data)} is empty`, key);
      break;
    case 'uniqueItems': {
      rule = 'duplicate-item';
      const list = Array.isArray(value) ? value : [];
      const twice: unknown = list[Number(p.j)];
      place = file.placeOf([...path, Number(p.i)]);
      message = `${subject} lists ${JSON.stringify(twice)} twice; remove one`;
      break;
    }
    case 'anyOf':
      rule = 'wrong-type';
      message = withHint(`${subject} must be text, a whole number or a list, not ${typeName(value)}`, key);
      break;
    default:
      message = `${subject}: ${error.message ?? 'is invalid'}`;
  }
  return { file: file.path, ...place, severity: 'error', rule, message, dataPath: path };
}
