import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module with a package.json (src/, dist/ or a dist chunk). */
const ROOT = (() => {
  let dir = new URL('./', import.meta.url);
  while (!existsSync(new URL('package.json', dir)) && dir.pathname !== '/') dir = new URL('../', dir);
  return dir;
})();

export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

export const SCHEMA_NAMES = ['checklist', 'answers', 'report', 'brand', 'plan', 'config'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export function schemaPath(name: SchemaName): string {
  return packagePath(`schemas/${name}.schema.json`);
}

/** The built-in checklists, in interview order (their file names start with a number). */
export function builtinChecklistPaths(): string[] {
  const dir = packagePath('checklists/');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}${f}`);
}
