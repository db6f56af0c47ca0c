/**
 * The scoring model, in one place. docs/scoring.md explains it to users and
 * test/audit/score.test.ts pins every number here.
 */
import type { Effort, Impact } from '../checklist/model.js';

/**
 * What closing a gap is worth. Each step doubles: one critical gap (a lost
 * sale, a legal problem) matters as much as eight low ones (polish).
 */
export const IMPACT_WEIGHT: Record<Impact, number> = { critical: 8, high: 4, medium: 2, low: 1 };

/** What closing a gap costs, in the same doubling steps: an afternoon, a few days, a project. */
export const EFFORT_COST: Record<Effort, number> = { low: 1, medium: 2, high: 4 };

/** Impact at or above this is "high" for the tiers. */
const HIGH_IMPACT = IMPACT_WEIGHT.high;

export type Tier = 'quick-win' | 'big-bet' | 'easy-fix' | 'later';

export const TIER_LABELS: Record<Tier, string> = {
  'quick-win': 'Quick win',
  'big-bet': 'Big bet',
  'easy-fix': 'Easy fix',
  later: 'Later',
};

/** Quick wins are worth a lot and cost little; big bets are worth a lot and take work; the rest is polish. */
export function tierOf(impact: Impact, effort: Effort): Tier {
  const high = IMPACT_WEIGHT[impact] >= HIGH_IMPACT;
  if (effort === 'low') return high ? 'quick-win' : 'easy-fix';
  return high ? 'big-bet' : 'later';
}

/** Value per unit of work: weight × (1 − compliance) ÷ effort cost. */
export function priorityOf(impact: Impact, effort: Effort, compliance: number): number {
  return (IMPACT_WEIGHT[impact] * (1 - compliance)) / EFFORT_COST[effort];
}

export interface MaturityStage {
  level: number;
  name: string;
  /** The lowest score (inclusive) of the stage. */
  from: number;
  description: string;
}

/** From the overall score, the stage of CX maturity: from reacting to problems to being led by customers. */
const MATURITY: readonly MaturityStage[] = [
  { level: 1, name: 'Reactive', from: 0, description: 'Problems get fixed after customers run into them; much of the experience is left to chance.' },
  { level: 2, name: 'Responsive', from: 40, description: 'The basics work, but gaps at several touchpoints still cost customers and repeat sales.' },
  { level: 3, name: 'Consistent', from: 60, description: 'Most touchpoints are deliberate; the gaps left are specific and fixable.' },
  { level: 4, name: 'Proactive', from: 75, description: 'The experience is planned ahead of problems, and feedback turns into changes.' },
  { level: 5, name: 'Customer-led', from: 90, description: "The customer's view shapes decisions across the business; keep measuring so it stays that way." },
];

const NOT_SCORED: MaturityStage = { level: 0, name: 'Not scored', from: 0, description: 'No scored question has an answer yet.' };

export function maturityOf(score: number | null): MaturityStage {
  if (score === null) return NOT_SCORED;
  let stage = MATURITY[0]!;
  for (const s of MATURITY) if (score >= s.from) stage = s;
  return stage;
}

/** Rounds for the report: scores to one decimal, compliance and priority to three. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
