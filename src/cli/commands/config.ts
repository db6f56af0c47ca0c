import type { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { stringifySafe } from '../../text/json.js';
import { oneLine } from '../../text/sanitize.js';
import { orList } from '../../text/suggest.js';
import { CONFIG_FILES } from '../../config/config.js';
import type { CommandContext } from '../context.js';
import { profileFromFlags } from '../profile-flags.js';

/** Each setting `cx-audit config` shows: its name in the config, the option that sets it, and the flag. */
const SHOWN: [name: string, option: string, flag: string][] = [
  ['client', 'client', '--client'],
  ['auditor', 'auditor', '--auditor'],
  ['answers', 'answers', '--answers'],
  ['brand', 'brand', '--brand'],
  ['failUnder', 'failUnder', '--fail-under'],
  ['customerTypes', 'profile', '--profile'],
  ['soleProprietors', 'soleProprietors', '--sole-proprietors'],
  ['channels', 'channels', '--channels'],
  ['shipsGoods', 'ships', '--ships'],
  ['hasStaff', 'staff', '--staff'],
  ['outsideSupport', 'outsideSupport', '--outside-support'],
  ['markets', 'market', '--market'],
];

const PROFILE_KEYS = new Set(['customerTypes', 'soleProprietors', 'channels', 'shipsGoods', 'hasStaff', 'outsideSupport', 'markets']);

/**
 * `cx-audit config`: the settings a command would use here, and where each
 * comes from: a flag, the config file (with its line), or the default. Values
 * are shown as the config writes them (the profile's as lists and yes/no).
 */
export function configCommand(command: Command, options: { format: 'text' | 'json' }, ctx: CommandContext): number {
  const config = ctx.config;
  const values = command.opts<Record<string, unknown>>();
  // The profile as the config writes it; a bad flag is a usage error here as anywhere.
  const profile = profileFromFlags(values) as Record<string, unknown>;
  const rows = SHOWN.map(([name, option, flag]) => {
    const source = command.getOptionValueSource(option);
    const inProfile = PROFILE_KEYS.has(name);
    const value = inProfile ? profile[name] : values[option];
    const place = config?.places[inProfile ? `profile.${name}` : name];
    const from = source === 'cli' ? flag : source === 'config' ? `${config!.file}${place ? `:${place}` : ''}` : value === undefined ? 'not set' : 'default';
    return { name, value: value ?? null, from };
  });
  const checklists = config?.settings.checklists
    ? { name: 'checklists', value: config.settings.checklists, from: `${config.file}${config.places.checklists ? `:${config.places.checklists}` : ''}` }
    : { name: 'checklists', value: null, from: 'default: the built-in checklists' };
  const all = [...rows, checklists];
  if (options.format === 'json') {
    ctx.out(`${stringifySafe({ config: config?.file ?? null, settings: all })}\n`);
    return EXIT.ok;
  }
  const show = (v: unknown) =>
    v === null
      ? '–'
      : Array.isArray(v)
        ? v.map(String).join(', ')
        : typeof v === 'boolean'
          ? v
            ? 'yes'
            : 'no'
          : typeof v === 'string'
            ? v
            : JSON.stringify(v);
  const width = Math.max(...all.map((r) => r.name.length));
  const valueWidth = Math.min(40, Math.max(...all.map((r) => oneLine(show(r.value)).length)));
  const lines = [config ? `Config: ${config.file}` : `No config file: none named ${orList(CONFIG_FILES)} in ${process.cwd()} or a folder above it.`, ''];
  for (const r of all) lines.push(`${r.name.padEnd(width)}  ${oneLine(show(r.value)).padEnd(valueWidth)}  ${r.from}`);
  ctx.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
