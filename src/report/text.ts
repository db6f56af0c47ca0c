/**
 * The report's sentences, as plain text, shared by every format: Markdown,
 * HTML, PDF and the terminal each escape and lay them out, but say the same
 * thing in the same words.
 */
import { MATURITY, TIER_LABELS, type Tier } from '../audit/model.js';
import { CHANNEL_TEXT, CUSTOMER_TYPE_TEXT, MARKET_TEXT, STAGE_LABELS, type Wording } from '../checklist/vocabulary.js';
import type { ActionResult, PlanProgress, Report, Score, TeamResult } from '../generated/report.js';
import { plural } from '../text/plural.js';

export { STAGE_LABELS, TIER_LABELS };

export const IMPACT_LABELS = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' } as const;
export const EFFORT_LABELS = { low: 'Low', medium: 'Medium', high: 'High' } as const;

/** Singular and plural, for "7 quick wins, 1 easy fix". */
const TIER_NOUNS: Record<Tier, [string, string]> = {
  'quick-win': ['quick win', 'quick wins'],
  'big-bet': ['big bet', 'big bets'],
  'easy-fix': ['easy fix', 'easy fixes'],
  later: ['fix for later', 'fixes for later'],
};

/** How many strengths the summary names; the rest are in the details. */
export const SUMMARY_STRENGTHS = 5;

export function formatScore(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

export function formatChange(value: number | null): string {
  if (value === null) return '–';
  return value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1);
}

/** "62.4", or "58.1–70.3" when unknown answers leave a range. */
export function scoreText(score: Score): string {
  if (score.low === null || score.high === null) return '–';
  return score.provisional && score.low !== score.high ? `${formatScore(score.low)}–${formatScore(score.high)}` : formatScore(score.low);
}

/** "a, b and c" */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function phraseOf(table: Record<string, Wording>, word: string): string {
  return Object.hasOwn(table, word) ? table[word]!.phrase : word;
}

export function titleText(report: Report): string {
  return report.client ? `Customer experience audit: ${report.client}` : 'Customer experience audit';
}

export function bylineText(report: Report): string {
  const who = report.auditor ? `Prepared by ${report.auditor} on ${report.date}` : `Prepared on ${report.date}`;
  return `${who} with cx-audit ${report.tool.version}.`;
}

/** "The business sells to consumers (B2C) through a web shop and email, ships goods…", or null when no profile was given. */
export function profileText(report: Report): string | null {
  const described = report.profile && describeProfile(report.profile);
  return described ? `${described}; questions outside that profile were not asked.` : null;
}

/** "The business sells to consumers (B2C), uses a web shop and ships goods", from the facts it states. */
export function describeProfile(p: { [K in keyof NonNullable<Report['profile']>]?: NonNullable<Report['profile']>[K] | undefined }): string | null {
  const parts: string[] = [];
  if (p.customerTypes)
    parts.push(`sells to ${p.customerTypes.length ? listOf(p.customerTypes.map((t) => phraseOf(CUSTOMER_TYPE_TEXT, t))) : 'no customer type listed'}`);
  if (p.soleProprietors) parts.push('has buyers who buy as one-person businesses');
  if (p.channels) parts.push(p.channels.length ? `uses ${listOf(p.channels.map((c) => phraseOf(CHANNEL_TEXT, c)))}` : 'uses none of the listed channels');
  if (p.shipsGoods != null) parts.push(p.shipsGoods ? 'ships goods' : 'ships nothing');
  if (p.hasStaff != null) parts.push(p.hasStaff ? 'has staff who deal with customers' : 'is run by its owner alone');
  if (p.outsideSupport) parts.push('has an outside service answer customers');
  if (p.markets?.length) parts.push(`sells in ${listOf(p.markets.map((m) => phraseOf(MARKET_TEXT, m)))}`);
  return parts.length ? `The business ${listOf(parts)}` : null;
}

/** The score in a few words: "Score 62.4 of 100", "Score 48.7–50.0 of 100, provisional", "No score yet". */
export function scoreHeadline(report: Report): string {
  const { score } = report;
  if (score.low === null) return 'No score yet';
  return score.provisional ? `Score ${scoreText(score)} of 100, provisional` : `Score ${formatScore(score.low)} of 100`;
}

/** Coverage in a line: "45 of 50 questions answered (1 unsure, 1 n/a, 3 not asked after a short answer)". */
export function coverageBrief(report: Report): string {
  const c = report.coverage;
  const rest = [
    c.unsure && `${c.unsure} unsure`,
    c.unanswered && `${c.unanswered} unanswered`,
    c.stale && `${c.stale} out of date`,
    c.notApplicable && `${c.notApplicable} n/a`,
    c.closed && `${c.closed} not asked after a short answer`,
  ].filter(Boolean);
  return `${c.answered} of ${plural(c.applicable, 'question')} answered${rest.length ? ` (${rest.join(', ')})` : ''}.`;
}

/** The headline: the score and whether it is final, or why there is none. */
export function scoreSentence(report: Report): string {
  const { score, coverage } = report;
  if (score.low === null) {
    return coverage.applicable
      ? `No score yet: none of the ${plural(coverage.applicable, 'question')} that apply has a scored answer.`
      : 'No score: no question applies to this business.';
  }
  if (!score.provisional) return `Score ${formatScore(score.low)} of 100.`;
  const open = coverage.unsure + coverage.unanswered + coverage.stale;
  return `Provisional score ${formatScore(score.low)}–${formatScore(score.high)} of 100: ${plural(open, 'question')} still to answer for sure could put it anywhere in that range; the low end counts them as not done.`;
}

/** What to run to get a score, or to close the range. */
export function nextStepSentence(report: Report): string | null {
  const { coverage } = report;
  const open = coverage.unsure + coverage.unanswered + coverage.stale;
  if (report.score.low === null)
    return 'Answer the questions (run cx-audit with --answers and this answers file, or fill the file in), then run the report again.';
  // Open text questions carry no score: they leave no range to close.
  if (open === 0 || !report.score.provisional) return null;
  return `Answer the ${plural(open, 'open question')} (${listOf(
    [
      coverage.unanswered && `${coverage.unanswered} unanswered`,
      coverage.unsure && `${coverage.unsure} unsure`,
      coverage.stale && `${coverage.stale} out of date`,
    ].filter(Boolean) as string[],
  )}) to turn the range into one score.`;
}

export function coverageSentence(report: Report): string {
  const c = report.coverage;
  const parts = [
    `${c.answered} answered`,
    c.notApplicable && `${c.notApplicable} not applicable`,
    c.unsure && `${c.unsure} unsure`,
    c.unanswered && `${c.unanswered} unanswered`,
    c.stale && `${c.stale} out of date`,
  ].filter(Boolean) as string[];
  const closed = c.closed
    ? ` ${plural(c.closed, 'follow-up question was', 'follow-up questions were')} not asked because an earlier answer falls short; ${c.closed === 1 ? 'it counts' : 'they count'} as not done.`
    : '';
  return `${plural(c.applicable, 'question')} apply to this business: ${listOf(parts)}.${closed}`;
}

/** "Stage 2 of 5: Responsive." and the description, or null with no score. */
export function stageSentence(report: Report): string | null {
  const m = report.maturity;
  if (!m) return null;
  return `Stage ${m.level} of ${MATURITY.length}: ${m.name}. ${m.description}`;
}

/** What holds the business at its stage, when its score alone would reach higher. */
export function heldBySentence(report: Report): string | null {
  const m = report.maturity;
  if (!m || !m.heldBy.length) return null;
  const next = MATURITY[m.level]!;
  const what = m.heldBy.map((c) => `${c.title.replace(/\.$/, '')} (${c.status === 'missing' ? 'not in place' : 'not known yet'})`);
  if (m.band.level === next.level) return `Its score reaches stage ${next.level} (${next.name}), which also needs: ${listOf(what)}.`;
  return `Its score reaches stage ${m.band.level} (${m.band.name}), but stage ${next.level} (${next.name}) also needs: ${listOf(what)}.`;
}

/** "Doing the first 5 actions would raise the low end to 71.2 (stage 3: Managed)." */
export function projectionSentence(report: Report): string | null {
  const p = report.projection;
  if (p.low === null || !p.actions || report.score.low === null) return null;
  const stage = p.level !== null && p.level > (report.maturity?.level ?? 0) ? `, stage ${p.level}: ${MATURITY[p.level - 1]!.name}` : '';
  const what = p.actions === 1 ? 'the first action' : `the first ${p.actions} actions`;
  return `Doing ${what} would raise the score${report.score.provisional ? "'s low end" : ''} to ${formatScore(p.low)}${stage}.`;
}

/** "12 actions: 5 quick wins, 4 big bets, 3 easy fixes." */
export function actionsSentence(report: Report): string {
  if (!report.actions.length) return 'Nothing to fix among the answered questions.';
  const tiers = (['quick-win', 'big-bet', 'easy-fix', 'later'] as const)
    .map((t) => [t, report.actions.filter((a) => a.tier === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${n} ${n === 1 ? TIER_NOUNS[t][0] : TIER_NOUNS[t][1]}`);
  return `${plural(report.actions.length, 'action')} to take: ${tiers.join(', ')}.`;
}

/** "Quick win · impact high · effort low · +4.2 points · Operations" */
export function actionMeta(action: ActionResult): string {
  return [
    TIER_LABELS[action.tier],
    `impact ${IMPACT_LABELS[action.impact].toLowerCase()}`,
    `effort ${EFFORT_LABELS[action.effort].toLowerCase()}`,
    `+${formatScore(action.gain)} points`,
    ...(action.owner ? [`owner: ${action.owner}`] : []),
  ].join(' · ');
}

/** The titles of the open actions an action comes after. */
export function afterTitles(report: Report, action: ActionResult): string[] {
  return action.after.flatMap((key) => report.actions.find((a) => a.key === key)?.title ?? []);
}

/** How the plan stands: "31 actions in the plan (updated 2026-11-25): 1 done, 1 in progress, 28 to do, 1 accepted; 2 overdue." */
export function planSentence(plan: PlanProgress): string {
  const c = plan.counts;
  const parts = [
    c.done && `${c.done} done`,
    c.doing && `${c.doing} in progress`,
    c.todo && `${c.todo} to do`,
    c.accepted && `${c.accepted} accepted`,
    c.expired && `${c.expired} whose acceptance ran out`,
  ].filter(Boolean) as string[];
  const updated = plan.updated ? ` (updated ${plan.updated})` : '';
  const overdue = c.overdue ? `; ${c.overdue} overdue` : '';
  return `${plural(plan.items.length, 'action')} in the plan${updated}: ${parts.length ? listOf(parts) : 'none yet'}${overdue}.`;
}

/** "Once the open actions are done, the score reaches 84.2, stage 4: Proactive." */
export function planDoneSentence(report: Report): string | null {
  const plan = report.plan;
  if (!plan || plan.whenDone.low === null) return null;
  const stage = plan.whenDone.level !== null ? `, stage ${plan.whenDone.level}: ${MATURITY[plan.whenDone.level - 1]!.name}` : '';
  return `Once its open actions are done, the score${report.score.provisional ? "'s low end" : ''} reaches ${formatScore(plan.whenDone.low)}${stage}.`;
}

type PlanItem = PlanProgress['items'][number];

/** Open actions a report lists; the plan file has the rest. */
export const PLAN_ROWS = 15;

/** The plan's open work, soonest due first (undated last): what the plan section of every format lists. */
export function openPlanItems(plan: PlanProgress): PlanItem[] {
  return plan.items.filter((i) => i.state === 'open' || i.state === 'expired').sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
}

/** "To do", "In progress", or that an accepted gap's day has passed. */
export function planStatusText(item: PlanItem): string {
  return item.state === 'expired' ? `Acceptance ran out on ${item.until}` : item.status === 'doing' ? 'In progress' : 'To do';
}

/** "Accepted by Mara until 2027-03-01. The supplier changes in spring." */
export function acceptedText(item: PlanItem): string {
  return `accepted by ${item.acceptedBy ?? '–'} until ${item.until ?? '–'}. ${item.reason ?? ''}`.trimEnd();
}

/** "Your team of 3 disagrees on 4 questions; the biggest is worth 8.3 points of the score." */
export function teamSentence(team: TeamResult): string {
  const people = team.respondents.map((r) => r.name);
  const n = team.disagreements.length;
  const who = `${listOf(people)} answered`;
  if (!n) return `${who}, and agree on every question.`;
  const top = team.disagreements[0]!;
  return `${who}, and disagree on ${plural(n, 'question')}; the biggest is worth ${formatScore(top.stake)} points of the score. Where they disagree, the score uses the more cautious answer until someone decides (cx-audit merge, then --resolve).`;
}

/** For the summary: "Your team disagrees on 4 questions, the biggest worth 8.3 points." */
export function teamHeadline(team: TeamResult): string | null {
  const n = team.disagreements.length;
  if (!n) return null;
  return `Your team disagrees on ${plural(n, 'question')}, the biggest worth ${formatScore(team.disagreements[0]!.stake)} points.`;
}

/**
 * The lines a list of changes shows: each headline once. Two answers that
 * got worse may share the action that closes them (a follow-up closed by
 * its gateway), and the list would say the same thing twice.
 */
export function changeHeadlines(items: readonly { headline: string }[]): string[] {
  return [...new Set(items.map((i) => i.headline))];
}
