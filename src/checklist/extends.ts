import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '../files/diagnostic.js';
import { contentHash } from '../files/hash.js';
import type { ReadContext } from '../files/read-input.js';
import { readYamlFile, type YamlFile } from '../files/yaml-file.js';
import { builtinChecklistPaths } from '../paths.js';
import { didYouMean } from '../text/suggest.js';
import type { Checklist } from './model.js';
import { conditionHolders, referencesIn } from './rules/context.js';

/** Where an inherited question comes from, and what was changed in it on the way: for `validate --print-resolved`. */
export interface Origin {
  /** The checklist that first has the question, and its file. */
  checklist: string;
  file: string;
  /** Overridden fields, first change first: the value each had, and the checklist (by id) whose override changed it. */
  overridden: { field: string; was: unknown; by: string }[];
}

export interface Composed {
  file: YamlFile;
  diagnostics: Diagnostic[];
  /** Question id → where it came from, for inherited questions. */
  origins: Map<string, Origin>;
  /** The files of a circle of extends this checklist is in or leads to, first to last (the first again at the end). */
  cycle?: string[];
}

/** Root defaults a question inherits from its own checklist, made explicit before it moves to another. */
const DEFAULTS = ['stage', 'appliesTo', 'channels', 'needs', 'markets', 'owner'] as const;
/** What an override may change, and the values each takes (the schema reports anything else, at the override). */
const OVERRIDABLE: Record<string, (v: unknown) => boolean> = {
  impact: (v) => typeof v === 'string' && ['critical', 'high', 'medium', 'low'].includes(v),
  effort: (v) => typeof v === 'string' && ['low', 'medium', 'high'].includes(v),
  owner: (v) => typeof v === 'string' && v.length > 0,
  text: (v) => typeof v === 'string' && v.length > 0,
};
/** Extends chains longer than this are refused: no real pack needs more. */
const MAX_DEPTH = 8;

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The id a checklist file declares, from its first lines, without parsing it all. */
function declaredId(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(4096);
    const text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, 4096, 0));
    return /^id:\s*["']?([a-z0-9-]+)["']?\s*$/m.exec(text)?.[1];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The ids of the built-in checklists. */
function builtinIds(): string[] {
  return builtinChecklistPaths().flatMap((p) => declaredId(p) ?? []);
}

/** A built-in checklist's file by its id, or a path relative to the extending file. */
function basePath(name: string, from: string): string {
  const builtin = builtinChecklistPaths().find((p) => declaredId(p) === name);
  if (builtin && !/[/\\.]/.test(name)) return builtin;
  return isAbsolute(name) ? name : resolve(dirname(from), name);
}

/**
 * A checklist that `extends` another, as one: the other's questions (its
 * defaults made explicit, `skip`ped ones left out, `override`s applied),
 * actions and capabilities first, then this file's own. Problems in the
 * composition are placed in this file: an unknown id at its `skip` or
 * `override` entry, anything about an inherited question at `extends` (or at
 * the override that changed it). The checklist `check` gives is what is
 * composed; `checkChecklistFile` then checks the result as one checklist.
 */
export async function compose(
  file: YamlFile,
  context: ReadContext,
  check: (file: YamlFile) => { diagnostics: Diagnostic[]; checklist?: unknown },
  seen: readonly string[] = [],
): Promise<Composed> {
  const own = file.data;
  const origins = new Map<string, Origin>();
  const at = (path: (string | number)[], rule: string, message: string, key = false): Diagnostic => ({
    file: file.path,
    ...file.placeOf(path, { key }),
    severity: 'error',
    rule,
    message,
  });
  if (!isObject(own)) return { file, diagnostics: [], origins };
  if (own.extends === undefined) {
    // skip and override change the questions of the checklist extended: without one, they would do nothing, silently.
    const orphans = ['skip', 'override'].filter((key) => own[key] !== undefined);
    const diagnostics = orphans.map((key) =>
      at(
        [key],
        'needs-extends',
        `"${key}" changes the questions of the checklist this one extends, and it extends none; add extends: <a built-in checklist's id or a file>, or remove "${key}"`,
        true,
      ),
    );
    return { file, diagnostics, origins };
  }
  if (typeof own.extends !== 'string') return { file, diagnostics: [], origins };
  const name = own.extends;
  const path = basePath(name, file.path);
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // the reader reports it
  }
  const self = safeReal(file.path);
  if (real === self)
    return fail(at(['extends'], 'extends-cycle', `extends ${name}, which is this checklist itself; a checklist cannot build on itself, so name another one`));
  if (seen.includes(real)) {
    const chain = [...seen, self, real];
    return fail(at(['extends'], 'extends-cycle', circleMessage(name, chain.slice(chain.indexOf(real)), self)), chain.slice(chain.indexOf(real)));
  }
  if (seen.length >= MAX_DEPTH)
    return fail(at(['extends'], 'extends-too-deep', `extends a chain of more than ${MAX_DEPTH} checklists; build on one that is closer to the start`));
  const read = await readYamlFile(path, { ...context, kind: 'checklist' });
  if (!read.ok) {
    return fail(
      at(
        ['extends'],
        'unknown-extends',
        `extends "${name}", which is neither a built-in checklist nor a checklist file that can be read (${read.diagnostics[0]?.message ?? 'unreadable'})${
          didYouMean(name, builtinIds()) || '; cx-audit list shows the built-in checklists, and a file is found from the folder of this one'
        }`,
      ),
    );
  }
  const base = await compose(read.file, context, check, [...seen, self]);
  if (base.cycle) return fail(at(['extends'], 'extends-cycle', circleMessage(name, base.cycle, self)), base.cycle);
  // The base is checked on its own first: its problems are its own, and are reported there.
  const data = structuredClone(base.file.data);
  const checked = check(base.file);
  if (
    base.diagnostics.some((d) => d.severity === 'error') ||
    checked.diagnostics.some((d) => d.severity === 'error') ||
    !checked.checklist ||
    !isObject(data)
  ) {
    return fail(at(['extends'], 'invalid-extends', `extends ${name} (${path}), which has errors of its own; run cx-audit validate ${path}`));
  }

  const diagnostics: Diagnostic[] = [];
  // A question the base inherited itself comes from further back, with the base's own overrides.
  const originOf = (id: string): Origin => {
    const further = base.origins.get(id);
    return further ? { ...further, overridden: [...further.overridden] } : { checklist: String(data.id), file: path, overridden: [] };
  };
  const baseQuestions = (Array.isArray(data.questions) ? data.questions : []).filter(isObject);
  for (const q of baseQuestions) for (const key of DEFAULTS) if (q[key] === undefined && data[key] !== undefined) q[key] = data[key];
  const ids = new Set(baseQuestions.map((q) => String(q.id)));
  const skip = Array.isArray(own.skip) ? own.skip.map(String) : [];
  skip.forEach((id, i) => {
    if (!ids.has(id)) diagnostics.push(at(['skip', i], 'unknown-skip', `skips question "${id}", which ${name} does not have`));
  });
  const override = isObject(own.override) ? own.override : {};
  const kept = baseQuestions.filter((q) => !skip.includes(String(q.id)));
  // A question left out must not leave a condition of the rest pointing at nothing.
  const holders = conditionHolders({ questions: kept, capabilities: Array.isArray(data.capabilities) ? data.capabilities : [] } as unknown as Checklist);
  skip.forEach((id, i) => {
    const holder = holders.find((h) => referencesIn(h).some((ref) => ref.id === id));
    if (!holder) return;
    const fix = holder.name.startsWith('question') ? `skip ${holder.name.replace('question ', '')} too, or keep "${id}"` : `keep "${id}"`;
    diagnostics.push(at(['skip', i], 'skipped-dependency', `skips question "${id}", which ${holder.name} of ${name} depends on; ${fix}`));
  });
  for (const [id, change] of Object.entries(override)) {
    const q = kept.find((x) => x.id === id);
    if (!q) {
      diagnostics.push(
        at(['override', id], 'unknown-override', `overrides question "${id}", which ${name} does not have${skip.includes(id) ? ' (it is skipped)' : ''}`, true),
      );
      continue;
    }
    if (!isObject(change)) continue; // the schema reports it
    const origin = originOf(id);
    for (const [field, value] of Object.entries(change)) {
      if (!OVERRIDABLE[field]?.(value)) continue; // the schema reports it
      origin.overridden.push({ field, was: q[field], by: String(own.id) });
      q[field] = value;
    }
    origins.set(id, origin);
  }
  for (const q of kept) if (!origins.has(String(q.id))) origins.set(String(q.id), originOf(String(q.id)));
  const ownQuestions: unknown[] = Array.isArray(own.questions) ? (own.questions as unknown[]) : [];
  ownQuestions.forEach((q, i) => {
    if (isObject(q) && ids.has(String(q.id)) && !skip.includes(String(q.id))) {
      diagnostics.push(
        at(
          ['questions', i, 'id'],
          'duplicate-question-id',
          `question "${String(q.id)}" is already in ${name}; change it there with override, or give this one another id`,
        ),
      );
    }
  });
  const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
  const baseActions = list('actions');
  const baseCapabilities = list('capabilities');
  const merged: Data = {
    ...own,
    questions: [...kept, ...ownQuestions],
    ...(baseActions.length || own.actions !== undefined
      ? { actions: [...baseActions, ...(Array.isArray(own.actions) ? (own.actions as unknown[]) : [])] }
      : {}),
    ...(baseCapabilities.length || own.capabilities !== undefined
      ? { capabilities: [...baseCapabilities, ...(Array.isArray(own.capabilities) ? (own.capabilities as unknown[]) : [])] }
      : {}),
  };
  // Places: inherited parts at `extends` (an overridden field at its override), the file's own where they are.
  const keptIds = kept.map((q) => String(q.id));
  const placeOf: YamlFile['placeOf'] = (p, options) => {
    const [key, index, field] = p;
    const inherited = key === 'questions' ? kept.length : key === 'actions' ? baseActions.length : key === 'capabilities' ? baseCapabilities.length : 0;
    if (typeof index !== 'number') return file.placeOf(p, options);
    if (index >= inherited) return file.placeOf([key!, index - inherited, ...p.slice(2)], options);
    const id = keptIds[index];
    if (key === 'questions' && id !== undefined && typeof field === 'string' && isObject(override[id]) && field in override[id]) {
      return file.placeOf(['override', id, field], options);
    }
    return file.placeOf(['extends'], options);
  };
  return {
    file: { path: file.path, hash: contentHash(`${file.hash}+${base.file.hash}`), data: merged, text: file.text, placeOf },
    diagnostics,
    origins,
  };

  function fail(d: Diagnostic, cycle?: string[]): Composed {
    return { file, diagnostics: [d], origins, ...(cycle ? { cycle } : {}) };
  }
}

/** The message for an extends that ends in a circle: this checklist is in it, or the circle is further on. */
function circleMessage(name: string, cycle: readonly string[], self: string): string {
  const names = cycle.map((p) => basename(p)).join(' → ');
  return cycle.includes(self)
    ? `extends ${name}, which leads back to this checklist (${names}); a checklist cannot build on itself, so remove one of these extends`
    : `extends ${name}, which builds on a circle of checklists (${names}); remove one of the extends in that circle`;
}

function safeReal(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
