import { readFileSync } from 'node:fs';
import { EXIT } from '../../errors.js';
import { schemaPath, type SchemaName } from '../../paths.js';
import type { CommandContext } from '../context.js';

/** `cx-audit schema <name>`: the JSON Schema, for editors and other tools. */
export function schemaCommand(name: string, ctx: CommandContext): number {
  ctx.out(readFileSync(schemaPath(name as SchemaName), 'utf8'));
  return EXIT.ok;
}
