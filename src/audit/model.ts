/**
 * The scoring model's numbers, in one place. docs/scoring.md explains each
 * to users; test/audit/score.test.ts pins them, and the scenario test
 * (test/audit/scenarios.test.ts) checks the order of fixes they give against
 * what a consultant would tell each business to do first.
 */
import type { Effort, Impact, Kind, MaturityStage, Reach } from '../checklist/model.js';

/**
 * What closing a gap is worth. Each step doubles: one critical gap (a lost
 * sale, a legal problem) matters as much as eight low ones (polish).
 */
export const IMPACT_WEIGHT: Record<Impact, number> = { critical: 8, high: 4, medium: 2, low: 1 };

/**
 * What closing a gap costs: an afternoon, a few days, a project. Far gentler
 * than the hours involved: a consultant puts the fix for what hurts
 * customers today before cheap polish, even when it takes weeks. (Doubling
 * per step, as the first version did, buried late deliveries at #27.)
 */
export const EFFORT_COST: Record<Effort, number> = { low: 1, medium: 1.25, high: 2 };

/**
 * What kind of gap it is. An outcome gap (late deliveries, slow replies)
 * hurts customers today; a practice gap is a risk; a check (a test order,
 * reading your own newsletter) finds problems but fixes none by itself.
 */
export const KIND_FACTOR: Record<Kind, number> = { outcome: 2, practice: 1, check: 0.6 };

/** How many customers meet the touchpoint: a gap at checkout hurts every buyer, a missing VAT field a few. */
export const REACH_FACTOR: Record<Reach, number> = { all: 1, most: 0.85, some: 0.65, few: 0.45 };

/**
 * A question about a channel or a kind of customer the business has (its
 * checklist or the question names `channels` or `appliesTo`) is about a
 * journey its customers walk every day: a gap there weighs more than one in
 * the general habits every business shares.
 */
export const TOUCHPOINT_FACTOR = 1.5;

/**
 * A question that a missing capability rests on, when the capability holds
 * the business at its stage or is needed for the next: a consultant starts
 * there, because it is what moves the business up.
 */
export const CAPABILITY_FACTOR = 1.5;

/**
 * The share of a closed follow-up's value that its gateway's action carries:
 * doing the gateway's fix opens the follow-up, which then needs work of its own.
 */
export const CLOSED_SHARE = 0.5;

/**
 * The share of its value each further check of one action carries, after
 * the most valuable one. Checks done in one go (a test order reads the
 * confirmation, the dispatch note and the invoice) find problems that
 * overlap, and find them once; summing them in full put a test order above
 * the late deliveries it would only confirm.
 */
export const CHECK_OVERLAP = 0.5;

export type Tier = 'quick-win' | 'big-bet' | 'easy-fix' | 'later';

export const TIER_LABELS: Record<Tier, string> = {
  'quick-win': 'Quick win',
  'big-bet': 'Big bet',
  'easy-fix': 'Easy fix',
  later: 'Later',
};

/** Quick wins are worth a lot and cost little; big bets are worth a lot and take work; the rest is polish. */
export function tierOf(impact: Impact, effort: Effort): Tier {
  const high = IMPACT_WEIGHT[impact] >= IMPACT_WEIGHT.high;
  if (effort === 'low') return high ? 'quick-win' : 'easy-fix';
  return high ? 'big-bet' : 'later';
}

export interface MaturityLevel {
  level: number;
  id: MaturityStage;
  name: string;
  /** The lowest score (the low end, inclusive) of the stage's band. */
  from: number;
  description: string;
}

/**
 * The stages of CX maturity, from reacting to problems to being led by
 * customers. A stage needs its score band and every capability the
 * checklists require for it or for an earlier stage.
 */
export const MATURITY: readonly MaturityLevel[] = [
  {
    level: 1,
    id: 'reactive',
    name: 'Reactive',
    from: 0,
    description: 'Problems get fixed after customers run into them; much of the experience is left to chance.',
  },
  {
    level: 2,
    id: 'responsive',
    name: 'Responsive',
    from: 40,
    description: 'The basics work, but gaps at several touchpoints still cost customers and repeat sales.',
  },
  {
    level: 3,
    id: 'managed',
    name: 'Managed',
    from: 60,
    description: 'Most touchpoints are deliberate and complaints are followed to the end; the gaps left are specific and fixable.',
  },
  {
    level: 4,
    id: 'proactive',
    name: 'Proactive',
    from: 75,
    description: 'The experience is planned ahead of problems, and what customers say turns into changes.',
  },
  {
    level: 5,
    id: 'customer-led',
    name: 'Customer-led',
    from: 90,
    description: "The customer's view, measured and tracked, shapes decisions across the business.",
  },
];

export function levelOf(id: MaturityStage): number {
  return MATURITY.find((m) => m.id === id)!.level;
}

/** Rounds for the report: scores to one decimal, values and priorities to three. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
