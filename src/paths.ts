import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root: one level above both src/ and dist/. */
const ROOT = new URL('../', import.meta.url);

export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

export const SCHEMA_NAMES = ['checklist', 'answers', 'report'] as const;
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
