import { readFileSync } from 'node:fs';
import { EXIT } from '../../errors.js';
import { schemaPath, type SchemaName } from '../../paths.js';
import type { CommandContext } from '../context.js';

/** `cx-audit schema <name>`: the JSON Schema, for editors and other tools. */
export async function schemaCommand(name: string, ctx: CommandContext): Promise<number> {
  ctx.out(readFileSync(schemaPath(name as SchemaName), 'utf8'));
  return EXIT.ok;
}
