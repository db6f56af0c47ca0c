import type { Effort, Impact } from '../checklist/model.js';
import { STAGE_LABELS } from '../checklist/vocabulary.js';
import { TIER_LABELS, type Tier } from '../audit/model.js';

export { STAGE_LABELS, TIER_LABELS };
export type { Tier };

export const IMPACT_LABELS: Record<Impact, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
export const EFFORT_LABELS: Record<Effort, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export function formatScore(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

export function formatChange(value: number | null): string {
  if (value === null) return '–';
  return value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1);
}

export { plural } from '../text/plural.js';
