import type { AnswerRecord } from '../answers/model.js';
import { conditionHolds, referencedQuestions } from '../checklist/applicability.js';
import type { LoadedChecklist } from '../checklist/model.js';
import type { CapabilityResult, Maturity } from '../generated/report.js';
import type { Evaluated } from './evaluate.js';
import { levelOf, MATURITY } from './model.js';

/**
 * Whether each capability of the checklists is in place: met on the answers
 * given; unknown while a question it rests on is unsure, unanswered or
 * stale; missing otherwise.
 */
export function assessCapabilities(checklists: readonly LoadedChecklist[], evaluated: readonly Evaluated[]): CapabilityResult[] {
  const byKey = new Map(evaluated.map((e) => [e.question.key, e]));
  const known = (key: string): AnswerRecord | undefined => {
    const e = byKey.get(key);
    return e?.state.status === 'answered' ? e.state.record : undefined;
  };
  return checklists.flatMap((c) =>
    c.capabilities.map((cap) => {
      const unknownAnswer = referencedQuestions(cap.met).some((id) => {
        const status = byKey.get(`${c.id}/${id}`)?.state.status;
        return status === 'unsure' || status === 'unanswered' || status === 'stale';
      });
      const status = conditionHolds(cap.met, c.id, known) ? 'met' : unknownAnswer ? 'unknown' : 'missing';
      return { id: cap.id, checklist: c.id, title: cap.title, requiredFor: cap.requiredFor, status };
    }),
  );
}

/**
 * The stage a business has earned: the band its low-end score reaches, but
 * no higher than the first stage whose required capabilities are not all in
 * place. What holds it there is named.
 */
export function maturityOf(low: number | null, capabilities: readonly CapabilityResult[]): Maturity | null {
  if (low === null) return null;
  let band = MATURITY[0]!;
  for (const m of MATURITY) if (low >= m.from) band = m;
  let earned = MATURITY[0]!;
  for (const m of MATURITY) {
    if (m.level > band.level) break;
    const missing = capabilities.filter((c) => levelOf(c.requiredFor) <= m.level && c.status !== 'met');
    if (missing.length) break;
    earned = m;
  }
  const next = MATURITY.find((m) => m.level === earned.level + 1);
  const heldBy =
    next && next.level <= band.level
      ? capabilities
          .filter((c) => levelOf(c.requiredFor) <= next.level && c.status !== 'met')
          .map((c) => ({ id: c.id, title: c.title, status: c.status as 'missing' | 'unknown' }))
      : [];
  return {
    level: earned.level,
    id: earned.id,
    name: earned.name,
    description: earned.description,
    band: { level: band.level, id: band.id, name: band.name },
    heldBy,
  };
}
