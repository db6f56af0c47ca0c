import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Place } from '../files/diagnostic.js';
import type { ChecklistFileResult } from './load.js';

/**
 * Where a source was written, when it comes from a file (the project config):
 * a source that cannot be found is reported there, at its line, rather than
 * under its own name.
 */
export interface SourcePlace extends Place {
  file: string;
  /** The source as written, before it was made absolute. */
  written: string;
}

/** Checklist files from sources, with the sources that could not be read as results of their own. */
export interface Expanded {
  files: string[];
  unreadable: ChecklistFileResult[];
}

/** Whether a source names an npm package: a bare or scoped name, not a .yaml file. */
export function looksLikePackage(source: string): boolean {
  return /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(source) && !/\.ya?ml$/i.test(source);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The checklist files an npm package ships: `"cxAudit": { "checklists": [...] }`
 * in its package.json, files or folders relative to the package. The package
 * is found the way Node finds it from `fromDir`.
 */
function packageChecklists(name: string, fromDir: string, here = 'here'): { paths: string[] } | { problem: string } {
  let manifest: string;
  try {
    manifest = createRequire(join(resolve(fromDir), 'package.json')).resolve(`${name}/package.json`);
  } catch {
    return { problem: `is no file or folder ${here}, nor an npm package installed for ${resolve(fromDir)}; check the name, or run npm install ${name}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return { problem: `is an npm package whose package.json (${manifest}) cannot be read as JSON` };
  }
  const list = (data as { cxAudit?: { checklists?: unknown } } | null)?.cxAudit?.checklists;
  if (!Array.isArray(list) || !list.length || !list.every((p) => typeof p === 'string')) {
    return { problem: `is an npm package that lists no checklists; its package.json needs "cxAudit": { "checklists": ["checklists/retail.yaml", …] }` };
  }
  return { paths: list.map((p) => join(dirname(manifest), p)) };
}

/** Whether `name` is an npm package installed for `fromDir` (found the way Node finds it) that lists checklists. */
export function isInstalledPackage(name: string, fromDir = '.'): boolean {
  return looksLikePackage(name) && 'paths' in packageChecklists(name, fromDir);
}

/**
 * Checklist sources to files: a file is itself; a folder stands for the YAML
 * files inside it, recursively, in name order; a name that is neither but
 * looks like an npm package stands for the checklists the package lists.
 * Each file is listed once, however many links or sources lead to it; a
 * source that cannot be read is reported, and the rest still used.
 */
export function expandSources(sources: readonly string[], fromDir = '.', placeOf?: (index: number) => SourcePlace | undefined): Expanded {
  const files: string[] = [];
  const unreadable: ChecklistFileResult[] = [];
  const seen = new Set<string>();
  const fail = (file: string, message: string, place: Place = {}) =>
    unreadable.push({
      file,
      unreadable: true,
      diagnostics: [{ file, ...(place.line !== undefined ? { line: place.line, column: place.column } : {}), severity: 'error', rule: 'unreadable', message }],
    });
  const add = (path: string) => {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // the loader reports it
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push(path);
  };
  const walk = (dir: string) => {
    let real: string;
    let entries: string[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir).sort();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      fail(
        dir,
        `is a folder that cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied; check the folder permissions' : String(code ?? error)}`,
      );
      return;
    }
    if (seen.has(`${real}/`)) return; // a link back to a folder already walked
    seen.add(`${real}/`);
    for (const entry of entries) {
      const path = join(dir, entry);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        continue; // a broken link: not a checklist
      }
      if (isDir) walk(path);
      else if (/\.ya?ml$/.test(entry)) add(path);
    }
  };
  const visit = (path: string) => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // the loader reports it as unreadable
    }
    if (isDir) walk(path);
    else add(path);
  };
  sources.forEach((source, index) => {
    // A name is looked for as a file or folder first, from the folder it was written in.
    const found = exists(resolve(fromDir, source));
    const place = found ? undefined : placeOf?.(index);
    if (!found && looksLikePackage(source)) {
      const pack = packageChecklists(source, fromDir, place ? 'next to the config' : 'here');
      if (!('problem' in pack)) pack.paths.forEach(visit);
      else if (place) fail(place.file, `"${place.written}" in checklists ${pack.problem}`, place);
      else fail(source, pack.problem);
    } else if (place) {
      fail(
        place.file,
        `"${place.written}" in checklists does not exist (looked for ${source}); check the path: paths in the config are relative to its folder`,
        place,
      );
    } else visit(source);
  });
  return { files, unreadable };
}
