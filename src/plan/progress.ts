import { projectDone, type AuditInput } from '../audit/score.js';
import type { PlanItem, PlanProgress, Report } from '../generated/report.js';
import { acceptanceHolds, overdue, type PlanAction, type PlanFile } from './plan.js';

/** Where an action of the plan stands on `today`. */
function stateOf(item: PlanAction, today: string): PlanItem['state'] {
  if (item.status === 'done') return 'done';
  if (item.status === 'accepted') return acceptanceHolds(item, today) ? 'accepted' : 'expired';
  return 'open';
}

/** The questions of accepted gaps whose acceptance still holds: what --count-accepted leaves out of the gate. */
export function acceptedQuestions(plan: PlanFile, today: string): Set<string> {
  return new Set(plan.actions.filter((a) => acceptanceHolds(a, today)).flatMap((a) => a.closes ?? []));
}

/**
 * How the plan stands against these answers on the report's day: counts by
 * status, what is overdue, accepted gaps (an acceptance past its day is open
 * again), actions marked done whose gap the answers still show, and the
 * score once every open action is done.
 */
export function planProgress(plan: PlanFile, report: Report, input: AuditInput): PlanProgress {
  const today = report.date;
  const gaps = new Set(report.actions.flatMap((a) => a.questions.map((q) => q.key)));
  const items: PlanItem[] = plan.actions.map((a) => ({
    id: a.id,
    title: a.title,
    owner: a.owner ?? null,
    due: a.due ?? null,
    status: a.status,
    state: stateOf(a, today),
    overdue: overdue(a, today),
    acceptedBy: a.acceptedBy ?? null,
    until: a.until ?? null,
    reason: a.reason ?? null,
    gapRemains: a.status === 'done' && (a.closes ?? []).some((k) => gaps.has(k)),
  }));
  const count = (pick: (i: PlanItem) => boolean) => items.filter(pick).length;
  const open = new Set(plan.actions.filter((a) => stateOf(a, today) === 'open' || stateOf(a, today) === 'expired').flatMap((a) => a.closes ?? []));
  return {
    updated: plan.updated ?? null,
    counts: {
      todo: count((i) => i.status === 'todo'),
      doing: count((i) => i.status === 'doing'),
      done: count((i) => i.state === 'done'),
      accepted: count((i) => i.state === 'accepted'),
      expired: count((i) => i.state === 'expired'),
      overdue: count((i) => i.overdue),
    },
    whenDone: report.score.low === null ? { low: null, level: null } : projectDone(input, open),
    items,
  };
}
