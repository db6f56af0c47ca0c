import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { expandSources, looksLikePackage, type Expanded } from '../checklist/sources.js';
import { lilconfig } from 'lilconfig';
import type { Diagnostic } from '../files/diagnostic.js';
import type { ReadContext } from '../files/read-input.js';
import { schemaDiagnostics, type SchemaVocabulary } from '../files/schema-diagnostics.js';
import { readYamlFile } from '../files/yaml-file.js';
import type { Config } from '../generated/config.js';
import { SCHEMA_KEYS } from '../generated/schema-keys.js';
import { validateConfig } from '../generated/validators.js';

export type { Config };

/** The names a project config may have, in the order they are looked for in each folder. */
export const CONFIG_FILES = ['cx-audit.config.yaml', 'cx-audit.config.yml'];

/** A project config, read and checked, its paths made absolute. */
export interface LoadedConfig {
  file: string;
  /** Its folder: where the npm packages it names are found from. */
  dir: string;
  settings: Config;
  /**
   * Where each setting sits in the file, as line:column, for `cx-audit config`:
   * by its key, and the profile's by `profile.<key>`.
   */
  places: Partial<Record<string, string>>;
  /** Each checklist source as written, and where: a source that cannot be found is reported at its line. */
  checklistPlaces: { written: string; line?: number | undefined; column?: number | undefined }[];
  /** The options the config gave this run (the command line left them out): filled in by the command line. */
  applied: Set<string>;
}

export type ConfigLoad =
  { ok: true; config: LoadedConfig | undefined; diagnostics: Diagnostic[] } | { ok: false; file: string; unreadable: boolean; diagnostics: Diagnostic[] };

const configVocabulary: SchemaVocabulary = {
  describe: (path) => (path.length === 0 ? 'the config' : path[0] === 'profile' ? 'the profile' : `"${String(path[0])}"`),
  allowedKeys: (path) => (path.length === 0 ? SCHEMA_KEYS.config.root : path[0] === 'profile' ? SCHEMA_KEYS.config.Profile : []),
  hint(key) {
    if (key === 'checklists') return 'list files, folders or npm packages, like [checklists/retail.yaml, cx-audit-checklists-retail]';
    if (key === 'failUnder') return 'a score from 0 to 100';
    return undefined;
  },
};

/**
 * The project config: the file given with --config, or the first
 * cx-audit.config.yaml from `cwd` upwards (lilconfig does the looking; the
 * file is read by cx-audit's own reader, so it gets the same limits and
 * file:line:column errors as every other file). No config is no error.
 */
export async function loadConfig(cwd: string, explicit: string | undefined, context: ReadContext = {}): Promise<ConfigLoad> {
  let file = explicit;
  if (file === undefined) {
    const found = await lilconfig('cx-audit', { searchPlaces: CONFIG_FILES, loaders: { '.yaml': () => ({}), '.yml': () => ({}) } }).search(cwd);
    if (!found) return { ok: true, config: undefined, diagnostics: [] };
    file = found.filepath;
  }
  const read = await readYamlFile(file, { ...context, kind: 'config file' });
  if (!read.ok) return { ok: false, file, unreadable: read.reason === 'unreadable', diagnostics: read.diagnostics };
  const schema = schemaDiagnostics(validateConfig, read.file, configVocabulary);
  if (schema.length) return { ok: false, file, unreadable: false, diagnostics: [...read.diagnostics, ...schema] };
  const settings = read.file.data as Config;
  const dir = dirname(resolve(file));
  const path = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  const absolute: Config = {
    ...settings,
    ...(settings.answers ? { answers: path(settings.answers) } : {}),
    ...(settings.brand ? { brand: path(settings.brand) } : {}),
    // A package name is found from the config's folder, the way Node finds packages; anything else is a path.
    ...(settings.checklists ? { checklists: settings.checklists.map((c) => (looksLikePackage(c) && !existsSync(path(c)) ? c : path(c))) } : {}),
  };
  const places: LoadedConfig['places'] = {};
  const keys = [...Object.keys(settings).map((k) => [k]), ...Object.keys(settings.profile ?? {}).map((k) => ['profile', k])];
  for (const key of keys) {
    const place = read.file.placeOf(key, { key: true });
    if (place.line) places[key.join('.')] = `${place.line}:${place.column}`;
  }
  const checklistPlaces = (settings.checklists ?? []).map((written, i) => ({ written, ...read.file.placeOf(['checklists', i]) }));
  return { ok: true, config: { file, dir, settings: absolute, places, checklistPlaces, applied: new Set() }, diagnostics: read.diagnostics };
}

/**
 * The checklist files the config names (files, folders, npm packages found
 * from its folder). A source that is not there is reported at its line in
 * the config, like any other problem with a file.
 */
export function configChecklists(config: LoadedConfig): Expanded {
  const sources = config.settings.checklists ?? [];
  return expandSources(sources, config.dir, (i) => {
    const place = config.checklistPlaces[i];
    return place ? { file: config.file, written: place.written, line: place.line, column: place.column } : undefined;
  });
}
