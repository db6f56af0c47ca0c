import type { ChangeItem, Comparison, Report } from '../generated/report.js';
import { round } from './model.js';

/** What a comparison needs of an earlier audit, whichever file it came from (a report.json of any version, or answers scored again). */
export interface EarlierAudit {
  source: 'answers' | 'report';
  /** YYYY-MM-DD, or null when the file does not say when it was answered. */
  date: string | null;
  client: string | null;
  /** The score then: its low end (a report of cx-audit 0.1, which had no range, gives its one score). */
  score: number | null;
  checklists: ReadonlyMap<string, number | null>;
  /** Each question's compliance then; null when it was not scored. */
  answers: ReadonlyMap<string, number | null>;
}

/** A version-2 report as an earlier audit. */
export function earlierAudit(report: Report, source: EarlierAudit['source']): EarlierAudit {
  return {
    source,
    date: report.date || null,
    client: report.client,
    score: report.score.low,
    checklists: new Map(report.checklists.map((c) => [c.id, c.score.low])),
    answers: new Map(report.answers.map((a) => [a.key, a.compliance])),
  };
}

/**
 * What changed since an earlier audit: the score, each checklist's score,
 * gaps now closed, answers that got worse, and gaps that were not scored
 * before (new questions, or ones answered n/a, unsure or not at all then).
 * Each is named as the report names it: a fixed gap by the achievement it
 * now is, a gap by the action that closes it.
 */
export function compare(current: Report, previous: EarlierAudit): Comparison {
  const achievement = new Map(current.strengths.map((s) => [s.key, s.text]));
  const action = new Map(current.actions.flatMap((a) => a.questions.map((q) => [q.key, a.title] as const)));
  const fixed: ChangeItem[] = [];
  const regressed: ChangeItem[] = [];
  const newFindings: ChangeItem[] = [];
  for (const answer of current.answers) {
    const then = previous.answers.get(answer.key) ?? null;
    const now = answer.compliance;
    const item = (headline: string | undefined) => ({ key: answer.key, text: answer.text, headline: headline ?? answer.text, before: then, after: now });
    if (then !== null && now !== null) {
      if (then < 1 && now === 1) fixed.push(item(achievement.get(answer.key)));
      else if (now < then) regressed.push(item(action.get(answer.key)));
    } else if (then === null && now !== null && now < 1) {
      newFindings.push(item(action.get(answer.key)));
    }
  }
  const change = (a: number | null, b: number | null) => (a === null || b === null ? null : round(a - b));
  return {
    previous: { source: previous.source, date: previous.date, score: previous.score },
    scoreChange: change(current.score.low, previous.score),
    checklists: current.checklists.map((c) => {
      const then = previous.checklists.get(c.id) ?? null;
      return { id: c.id, before: then, after: c.score.low, change: change(c.score.low, then) };
    }),
    fixed,
    regressed,
    newFindings,
  };
}
