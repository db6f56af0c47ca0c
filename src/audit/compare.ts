import type { ChangeItem, Comparison, Report } from '../generated/report.js';
import { round } from './model.js';

/**
 * What changed since an earlier audit: the score, each checklist's score,
 * gaps now closed, answers that got worse, and gaps that were not scored
 * before (new questions, or ones answered n/a, unsure or not at all then).
 */
export function compare(current: Report, previous: Report, source: 'answers' | 'report'): Comparison {
  const before = new Map(previous.answers.map((a) => [a.key, a.compliance]));
  const fixed: ChangeItem[] = [];
  const regressed: ChangeItem[] = [];
  const newFindings: ChangeItem[] = [];
  for (const answer of current.answers) {
    const then = before.get(answer.key) ?? null;
    const now = answer.compliance;
    const item = { key: answer.key, text: answer.text, before: then, after: now };
    if (then !== null && now !== null) {
      if (then < 1 && now === 1) fixed.push(item);
      else if (now < then) regressed.push(item);
    } else if (then === null && now !== null && now < 1) {
      newFindings.push(item);
    }
  }
  const previousScores = new Map(previous.checklists.map((c) => [c.id, c.score.value]));
  const change = (a: number | null, b: number | null) => (a === null || b === null ? null : round(a - b));
  return {
    previous: { source, date: previous.date || null, score: previous.score.value },
    scoreChange: change(current.score.value, previous.score.value),
    checklists: current.checklists.map((c) => {
      const then = previousScores.get(c.id) ?? null;
      return { id: c.id, before: then, after: c.score.value, change: change(c.score.value, then) };
    }),
    fixed,
    regressed,
    newFindings,
  };
}
