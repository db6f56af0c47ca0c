import type { Command } from 'commander';
import { loadConfig, type Config, type LoadedConfig } from '../config/config.js';
import { InputError } from '../errors.js';
import { diagnosticLine } from './inputs.js';
import type { Io } from './io.js';

/** Each option a config sets, by the option's name in commander, from the config. */
const SETTINGS: [option: string, value: (c: Config) => string | number | undefined][] = [
  ['client', (c) => c.client],
  ['auditor', (c) => c.auditor],
  ['answers', (c) => c.answers],
  ['brand', (c) => c.brand],
  ['failUnder', (c) => c.failUnder],
  ['profile', (c) => c.profile?.customerTypes?.join(',')],
  ['soleProprietors', (c) => yesNo(c.profile?.soleProprietors)],
  ['channels', (c) => c.profile?.channels?.join(',')],
  ['ships', (c) => yesNo(c.profile?.shipsGoods)],
  ['staff', (c) => yesNo(c.profile?.hasStaff)],
  ['outsideSupport', (c) => yesNo(c.profile?.outsideSupport)],
  ['market', (c) => c.profile?.markets?.join(',')],
];

function yesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'yes' : 'no';
}

/** Commands that use no setting: a broken config must not keep anyone from `cx-audit schema config`, the help to fix it. */
const WITHOUT_CONFIG = new Set(['schema', 'init']);

/**
 * Loads the project config and gives the command its settings for every
 * option the command line did not set; a flag always wins. A config that
 * cannot be used stops the run (exit 2) with its problems, as any file does.
 */
export async function configForRun(action: Command, explicit: string | undefined, io: Io): Promise<LoadedConfig | undefined> {
  if (WITHOUT_CONFIG.has(action.name()) && action.parent?.parent === null) return undefined;
  const loaded = await loadConfig(process.cwd(), explicit, { stdin: io.stdin, ...(io.signal ? { signal: io.signal } : {}) });
  if (!loaded.ok) {
    throw new InputError(`${loaded.unreadable ? 'cannot read' : 'cannot use'} the config file ${loaded.file}:`, {
      details: loaded.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine),
    });
  }
  for (const d of loaded.diagnostics) io.stderr.write(`${diagnosticLine(d)}\n`);
  const config = loaded.config;
  if (!config) return undefined;
  const names = new Set(action.options.map((o) => o.attributeName()));
  for (const [option, value] of SETTINGS) {
    const v = value(config.settings);
    if (v === undefined || !names.has(option) || action.getOptionValueSource(option) === 'cli') continue;
    action.setOptionValueWithSource(option, v, 'config');
    config.applied.add(option);
  }
  return config;
}
