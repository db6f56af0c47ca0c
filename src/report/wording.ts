/**
 * The fixed words of the report, shared by Markdown, HTML and PDF so that
 * every format names its sections and columns alike. The sentences built
 * from the report itself are in text.ts.
 */
import type { AnswerResult, CapabilityResult, ToVerify } from '../generated/report.js';

export const HEADINGS = {
  summary: 'Summary',
  team: 'Where your team disagrees',
  plan: 'The plan',
  accepted: 'Accepted gaps (they still count as gaps in the score)',
  gapRemains: 'Marked done, but the answers still show the gap',
  actions: 'What to do first',
  otherActions: 'Every other action, in order',
  chart: 'Impact and effort',
  strengths: 'What is going well',
  verify: 'To verify',
  scores: 'Scores',
  maturity: 'Maturity',
  warnings: 'Notes on the input',
  appendix: 'Appendix: every answer',
  appendixActions: 'Actions',
  appendixChecklists: 'Checklists used',
  fixed: 'Fixed',
  regressed: 'Got worse',
  newFindings: 'New findings',
} as const;

export const SUMMARY = {
  doFirst: 'Do these first:',
  nothingToFix: 'Nothing to fix among the answered questions.',
  goingWell: 'What is going well:',
  more: (n: number) => `…and ${n} more (see "What is going well" below).`,
} as const;

export const ACTION = {
  order: 'They are in the order to do them: what helps customers most for the work, and never before an action they depend on.',
  whatToDo: 'What to do:',
  doFirst: 'Do first:',
  found: 'Found:',
  why: 'Why it matters:',
  closes: 'What it closes:',
  notAskedYet: '(not asked yet: it opens once the above is in place)',
} as const;

/** Most actions a chart shows; past that it is a cloud of dots. */
export const CHART_LIMIT = 20;

/** " The chart shows the first 20 of 31." when the chart leaves actions out. */
export function chartMore(total: number): string {
  return total > CHART_LIMIT ? ` The chart shows the first ${CHART_LIMIT} of ${total}.` : '';
}

export const VERIFY = {
  intro: 'These answers are unsure or out of date; until they are checked the score is a range.',
  reason: (v: ToVerify) => `${v.reason === 'stale' ? 'answered too long ago' : 'unsure'}, impact ${v.impact}`,
} as const;

export const PROGRESS = {
  heading: (date: string | null) => (date ? `Progress since ${date}` : 'Progress since the earlier audit'),
  noScore: 'There is no earlier score to compare with.',
  empty: { fixed: 'Nothing that was a gap is fully fixed yet.', regressed: 'Nothing got worse.', newFindings: 'No new gaps.' },
} as const;

export const MATURITY_INTRO = 'A stage needs its score and what it rests on: these capabilities, whatever the score.';

export const CAPABILITY_STATUS: Record<CapabilityResult['status'], string> = { met: 'Yes', missing: 'No', unknown: 'Not known yet' };

/** How the appendix shows an answer that has no plain label; the plain ones show their label. */
export const ANSWER_STATUS: Partial<Record<AnswerResult['status'], string>> = {
  unanswered: 'Not answered',
  closed: 'Not asked: an earlier answer falls short',
  stale: 'out of date',
};

/** "12 of 15": questions answered of those that apply. */
export function answeredOf(coverage: { answered: number; applicable: number }): string {
  // "0 of 0" reads as a failure; a checklist none of whose questions fit this business was simply not asked.
  return coverage.applicable ? `${coverage.answered} of ${coverage.applicable}` : 'does not apply';
}
