import type { Command } from 'commander';
import type { Profile } from '../answers/model.js';
import { CHANNELS, CUSTOMER_TYPES, MARKETS, type Channel, type CustomerType, type Market } from '../checklist/vocabulary.js';
import { UsageError } from '../errors.js';
import { didYouMean, orList } from '../text/suggest.js';

/** The business profile as flags, for `audit` (instead of asking) and `list` (a preview). */
export interface ProfileFlags {
  profile?: string;
  channels?: string;
  soleProprietors?: string;
  ships?: string;
  staff?: string;
  outsideSupport?: string;
  market?: string;
}

/** Adds the profile flags to a command. */
export function profileOptions(command: Command): Command {
  return command
    .option('--profile <types>', 'who you sell to, comma-separated: b2c,b2b,c2c,b2g')
    .option('--sole-proprietors <yes|no>', 'some buyers buy as one-person businesses or freelancers')
    .option('--channels <channels>', `channels you run, comma-separated: ${CHANNELS.join(',')}`)
    .option('--ships <yes|no>', 'you send physical goods to customers')
    .option('--staff <yes|no>', 'someone besides you deals with customers')
    .option('--outside-support <yes|no>', 'an outside service answers customers for you')
    .option('--market <markets>', `where your customers are, comma-separated: ${MARKETS.join(',')}`);
}

function parseList<T extends string>(flag: string, value: string | undefined, known: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const item of items) {
    if (!known.includes(item as T)) {
      throw new UsageError(`${flag} does not know "${item}"; use ${orList(known)}, comma-separated${didYouMean(item, known, '. ')}`);
    }
  }
  return [...new Set(items)] as T[];
}

function parseYesNo(flag: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'y' || v === 'true') return true;
  if (v === 'no' || v === 'n' || v === 'false') return false;
  throw new UsageError(`${flag} takes yes or no, not "${value}"`);
}

/** The profile facts the flags give; facts not given are left out. */
export function profileFromFlags(options: ProfileFlags): Profile {
  const customerTypes = parseList<CustomerType>('--profile', options.profile, CUSTOMER_TYPES);
  if (customerTypes?.length === 0) throw new UsageError('--profile needs at least one customer type: b2c, b2b, c2c or b2g');
  const markets = parseList<Market>('--market', options.market, MARKETS);
  if (markets?.length === 0) throw new UsageError(`--market needs at least one market: ${orList(MARKETS)}`);
  const facts: Profile = {
    customerTypes,
    soleProprietors: parseYesNo('--sole-proprietors', options.soleProprietors),
    channels: parseList<Channel>('--channels', options.channels, CHANNELS),
    shipsGoods: parseYesNo('--ships', options.ships),
    hasStaff: parseYesNo('--staff', options.staff),
    outsideSupport: parseYesNo('--outside-support', options.outsideSupport),
    markets,
  };
  const profile: Profile = {};
  for (const [key, value] of Object.entries(facts) as [keyof Profile, Profile[keyof Profile]][]) {
    if (value !== undefined) (profile as Record<string, unknown>)[key] = value;
  }
  return profile;
}
