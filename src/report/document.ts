/**
 * The client-ready report as a document: sections of paragraphs, lists,
 * tables and charts, built once from the report and laid out by the HTML
 * and PDF renderers. Both therefore say the same thing in the same order,
 * in the words of text.ts and wording.ts, as the Markdown report does.
 */
import { MATURITY } from '../audit/model.js';
import type { ActionResult, PlanProgress, Report, TeamResult } from '../generated/report.js';
import type { Chart } from './charts.js';
import {
  changeHeadlines,
  acceptedText,
  actionMeta,
  openPlanItems,
  PLAN_ROWS,
  planDoneSentence,
  planSentence,
  planStatusText,
  teamHeadline,
  teamSentence,
  actionsSentence,
  afterTitles,
  bylineText,
  coverageSentence,
  EFFORT_LABELS,
  formatChange,
  formatScore,
  heldBySentence,
  IMPACT_LABELS,
  nextStepSentence,
  profileText,
  projectionSentence,
  scoreHeadline,
  scoreSentence,
  scoreText,
  STAGE_LABELS,
  stageSentence,
  SUMMARY_STRENGTHS,
  TIER_LABELS,
  titleText,
} from './text.js';
import {
  ACTION,
  ANSWER_STATUS,
  answeredOf,
  CAPABILITY_STATUS,
  CHART_LIMIT,
  chartMore,
  HEADINGS,
  MATURITY_INTRO,
  PROGRESS,
  SUMMARY,
  VERIFY,
} from './wording.js';

/** A piece of text with a style; plain strings are plain text. */
type Run = string | { text: string; style: 'strong' | 'code' | 'muted' };
export type Text = string | readonly Run[];

interface Column {
  title: string;
  numeric?: boolean;
  /** How the PDF sizes the column: as wide as its content, or what is left. */
  width?: 'auto' | 'fill';
}

export type Block =
  | { kind: 'paragraph'; text: Text; tone?: 'lead' }
  | { kind: 'subheading'; text: string }
  /** A list; items with a marker ("3.") are numbered by it. */
  | { kind: 'list'; items: readonly { marker?: string; text: Text }[]; columns?: boolean }
  | { kind: 'table'; columns: readonly Column[]; rows: Iterable<readonly Text[]> }
  | { kind: 'chart'; id: string; chart: Chart; caption?: string }
  /** One action, kept together on a page when it fits. */
  | { kind: 'action'; heading: string; meta: string; blocks: readonly Block[] }
  | { kind: 'scorecard'; headline: string; stage: string | null; gauge: Chart };

export interface Section {
  id: string;
  title: string;
  /** Starts a new page when printed. */
  major: boolean;
  blocks: Iterable<Block>;
}

export interface ReportDocument {
  title: string;
  byline: string;
  profile: string | null;
  sections: Section[];
}

const strong = (text: string): Run => ({ text, style: 'strong' });
const code = (text: string): Run => ({ text, style: 'code' });
const muted = (text: string): Run => ({ text, style: 'muted' });
const paragraph = (text: Text, tone?: 'lead'): Block => (tone ? { kind: 'paragraph', text, tone } : { kind: 'paragraph', text });

function summary(report: Report): Block[] {
  const m = report.maturity;
  const blocks: Block[] = [
    {
      kind: 'scorecard',
      headline: scoreHeadline(report),
      stage: m ? `Stage ${m.level} of ${MATURITY.length}: ${m.name}` : null,
      gauge: { type: 'gauge', score: report.score, title: `${scoreHeadline(report)} on the scale of the maturity stages` },
    },
    paragraph([strong(scoreSentence(report))], 'lead'),
  ];
  const next = nextStepSentence(report);
  if (next) blocks.push(paragraph(next));
  const stage = stageSentence(report);
  if (stage) {
    const cut = stage.indexOf('.') + 1;
    blocks.push(paragraph([strong(stage.slice(0, cut)), ` ${stage.slice(cut).trim()}`]));
  }
  const held = heldBySentence(report);
  if (held) blocks.push(paragraph(held));
  blocks.push(paragraph(coverageSentence(report)));
  const disagree = report.team && teamHeadline(report.team);
  if (disagree) blocks.push(paragraph([strong(disagree), ` See "${HEADINGS.team}" below.`]));
  if (report.actions.length) {
    blocks.push({ kind: 'subheading', text: SUMMARY.doFirst });
    // The actions the projection assumes done: the same list, so the sentence under it adds up.
    const first = report.actions.slice(0, Math.max(1, report.projection.actions));
    blocks.push({ kind: 'list', items: first.map((a) => ({ marker: `${a.rank}.`, text: [a.title, muted(` (+${formatScore(a.gain)} points)`)] })) });
    const projection = projectionSentence(report);
    if (projection) blocks.push(paragraph(projection));
  } else if (report.score.low !== null) {
    blocks.push(paragraph(SUMMARY.nothingToFix));
  }
  if (report.strengths.length) {
    blocks.push({ kind: 'subheading', text: SUMMARY.goingWell });
    const items = report.strengths.slice(0, SUMMARY_STRENGTHS).map((s) => ({ text: s.text }));
    if (report.strengths.length > SUMMARY_STRENGTHS) items.push({ text: SUMMARY.more(report.strengths.length - SUMMARY_STRENGTHS) });
    blocks.push({ kind: 'list', items });
  }
  return blocks;
}

/** Where the team disagrees: each disputed question, who answered what, the points at stake; the biggest first. */
function* team(t: TeamResult): Generator<Block> {
  yield paragraph(teamSentence(t));
  for (const d of t.disagreements) {
    yield {
      kind: 'action',
      heading: d.text,
      meta: `At stake: ${formatScore(d.stake)} points · agreed for now: ${d.agreed.label}`,
      blocks: [
        {
          kind: 'table',
          columns: [{ title: 'Who' }, { title: 'Answer' }, { title: 'Note', width: 'fill' }],
          rows: d.answers.map((a) => [a.respondent, a.label, a.note ?? '']),
        },
      ],
    };
  }
}

/** How the plan stands: counts, the score once it is done, open work by due day, accepted gaps. */
function* plan(report: Report, p: PlanProgress): Generator<Block> {
  yield paragraph(planSentence(p));
  const done = planDoneSentence(report);
  if (done) yield paragraph(done);
  const open = openPlanItems(p);
  if (open.length) {
    yield {
      kind: 'table',
      columns: [{ title: 'Action', width: 'fill' }, { title: 'Owner' }, { title: 'Due' }, { title: 'Status' }],
      rows: open
        .slice(0, PLAN_ROWS)
        .map((i) => [i.title, i.owner ?? '–', i.due ? (i.overdue ? [strong(`${i.due}, overdue`)] : i.due) : '–', planStatusText(i)]),
    };
    if (open.length > PLAN_ROWS) yield paragraph(`…and ${open.length - PLAN_ROWS} more open actions in the plan.`);
  }
  const accepted = p.items.filter((i) => i.state === 'accepted');
  if (accepted.length) {
    yield { kind: 'subheading', text: HEADINGS.accepted };
    yield { kind: 'list', items: accepted.map((i) => ({ text: [strong(i.title), `: ${acceptedText(i)}`] })) };
  }
  const remains = p.items.filter((i) => i.gapRemains);
  if (remains.length) {
    yield { kind: 'subheading', text: HEADINGS.gapRemains };
    yield { kind: 'list', items: remains.map((i) => ({ text: i.title })) };
  }
}

function actionBlock(action: ActionResult, report: Report): Block {
  const blocks: Block[] = [];
  if (action.fix) blocks.push(paragraph([strong(ACTION.whatToDo), ` ${action.fix}`]));
  const after = afterTitles(report, action);
  if (after.length) blocks.push(paragraph([strong(ACTION.doFirst), ` ${after.join('; ')}.`]));
  const answered = action.questions.filter((q) => q.status === 'answered');
  const closed = action.questions.filter((q) => q.status === 'closed');
  if (answered.length === 1 && !closed.length && !action.fix) {
    // A question's own fix: its answer and why it matters, in one place.
    const q = answered[0]!;
    const items = [{ text: [strong(ACTION.found), ` ${q.text} ${q.label ?? ''}`.trimEnd()] }];
    if (q.why) items.push({ text: [strong(ACTION.why), ` ${q.why}`] });
    if (q.fix) items.push({ text: [strong(ACTION.whatToDo), ` ${q.fix}`] });
    blocks.push({ kind: 'list', items });
  } else {
    blocks.push(paragraph(ACTION.closes));
    const items: { text: Text }[] = answered.map((q) => ({
      text: [`${q.text} `, strong(q.label ?? ''), ...(q.why ? [`. ${q.why}`] : []), ...(q.fix && q.fix !== action.fix ? [muted(` ${q.fix}`)] : [])],
    }));
    for (const q of closed) items.push({ text: `${q.text} ${ACTION.notAskedYet}` });
    blocks.push({ kind: 'list', items });
  }
  return { kind: 'action', heading: `${action.rank}. ${action.title}`, meta: actionMeta(action), blocks };
}

function actions(report: Report): Block[] {
  const count = report.projection.actions;
  return [paragraph(`${actionsSentence(report)} ${ACTION.order}`), ...report.actions.slice(0, count).map((a) => actionBlock(a, report))];
}

function otherActions(report: Report): Block[] {
  const rest = report.actions.slice(report.projection.actions);
  return [
    {
      kind: 'table',
      columns: [
        { title: '#', numeric: true },
        { title: 'Action', width: 'fill' },
        { title: 'Tier' },
        { title: 'Impact' },
        { title: 'Effort' },
        { title: 'Points', numeric: true },
      ],
      rows: rest.map((a) => [String(a.rank), a.title, TIER_LABELS[a.tier], IMPACT_LABELS[a.impact], EFFORT_LABELS[a.effort], `+${formatScore(a.gain)}`]),
    },
  ];
}

function chart(report: Report): Block[] {
  const shown = report.actions.slice(0, CHART_LIMIT);
  return [
    paragraph(`Each point is an action, numbered as in the list under the chart. Top left is where to start.${chartMore(report.actions.length)}`),
    {
      kind: 'chart',
      id: 'chart-impact-effort',
      chart: { type: 'quadrant', actions: shown, title: 'Each action by its impact on customers and the effort it takes' },
    },
    { kind: 'list', columns: true, items: shown.map((a) => ({ marker: `${a.rank}.`, text: a.title })) },
  ];
}

function progress(report: Report, c: NonNullable<Report['comparison']>): Block[] {
  const title = (id: string) => report.checklists.find((x) => x.id === id)?.title ?? id;
  const blocks: Block[] = [
    paragraph(
      c.scoreChange === null
        ? PROGRESS.noScore
        : `The score went from ${formatScore(c.previous.score)} to ${formatScore(report.score.low)} (${formatChange(c.scoreChange)}).`,
    ),
    {
      kind: 'chart',
      id: 'chart-progress',
      chart: {
        type: 'comparison',
        title: 'Scores then and now',
        before: c.previous.date ? `Before (${c.previous.date})` : 'Before',
        after: `Now (${report.date})`,
        rows: [
          { label: 'Overall', before: c.previous.score, after: report.score.low },
          ...c.checklists.map((x) => ({ label: title(x.id), before: x.before, after: x.after })),
        ],
      },
    },
    {
      kind: 'table',
      columns: [
        { title: 'Checklist', width: 'fill' },
        { title: 'Before', numeric: true },
        { title: 'Now', numeric: true },
        { title: 'Change', numeric: true },
      ],
      rows: c.checklists.map((x) => [title(x.id), formatScore(x.before), formatScore(x.after), formatChange(x.change)]),
    },
  ];
  for (const key of ['fixed', 'regressed', 'newFindings'] as const) {
    blocks.push({ kind: 'subheading', text: HEADINGS[key] });
    blocks.push(c[key].length ? { kind: 'list', items: changeHeadlines(c[key]).map((text) => ({ text })) } : paragraph(PROGRESS.empty[key]));
  }
  return blocks;
}

function scores(report: Report): Block[] {
  const scoreColumns = (first: string): Column[] => [
    { title: first, width: 'fill' },
    { title: 'Score', numeric: true },
    { title: 'Answered', numeric: true },
  ];
  const provisional = report.score.provisional ? ' The light part of a bar is the range the open questions leave.' : '';
  return [
    paragraph(`Dashed lines mark where stages 2 to 5 begin.${provisional}`),
    {
      kind: 'chart',
      id: 'chart-checklists',
      caption: 'By checklist',
      chart: { type: 'bars', title: 'Scores by checklist', rows: report.checklists.map((c) => ({ label: c.title, score: c.score })) },
    },
    { kind: 'table', columns: scoreColumns('Checklist'), rows: report.checklists.map((c) => [c.title, scoreText(c.score), answeredOf(c.coverage)]) },
    {
      kind: 'chart',
      id: 'chart-stages',
      caption: 'By journey stage',
      chart: { type: 'bars', title: 'Scores by journey stage', rows: report.stages.map((s) => ({ label: STAGE_LABELS[s.stage], score: s.score })) },
    },
    {
      kind: 'table',
      columns: scoreColumns('Journey stage'),
      rows: report.stages.map((s) => [STAGE_LABELS[s.stage], scoreText(s.score), answeredOf(s.coverage)]),
    },
  ];
}

function maturity(report: Report): Block[] {
  return [
    paragraph(MATURITY_INTRO),
    {
      kind: 'table',
      columns: [{ title: 'Capability', width: 'fill' }, { title: 'Needed for' }, { title: 'In place' }],
      rows: report.capabilities.map((c) => {
        const stage = MATURITY.find((m) => m.id === c.requiredFor)!;
        return [c.title, `Stage ${stage.level}: ${stage.name}`, CAPABILITY_STATUS[c.status]];
      }),
    },
  ];
}

function answerText(a: Report['answers'][number]): Text {
  if (a.status === 'stale') return [a.label ?? '', muted(` (${ANSWER_STATUS.stale})`)];
  const status = ANSWER_STATUS[a.status];
  return status ? [muted(status)] : (a.label ?? '');
}

/** Every answer, then the ids of actions and checklists: the only place ids appear. */
function* appendix(report: Report): Generator<Block> {
  const byChecklist = new Map<string, Report['answers']>(report.checklists.map((c) => [c.id, []]));
  for (const a of report.answers) byChecklist.get(a.checklist)?.push(a);
  for (const c of report.checklists) {
    const answers = byChecklist.get(c.id)!;
    if (!answers.length) continue;
    yield { kind: 'subheading', text: c.title };
    yield {
      kind: 'table',
      columns: [{ title: 'Question', width: 'fill' }, { title: 'Answer' }, { title: 'Note' }, { title: 'Id' }],
      rows: (function* () {
        for (const a of answers) yield [a.text, answerText(a), a.note ?? '', [code(a.question)]];
      })(),
    };
  }
  if (report.actions.length) {
    yield { kind: 'subheading', text: HEADINGS.appendixActions };
    yield {
      kind: 'table',
      columns: [{ title: '#', numeric: true }, { title: 'Action', width: 'fill' }, { title: 'Id' }, { title: 'Closes' }],
      rows: report.actions.map((a) => [String(a.rank), a.title, [code(a.key)], a.questions.flatMap((q, i) => [...(i ? [', '] : []), code(q.key)])]),
    };
  }
  yield { kind: 'subheading', text: HEADINGS.appendixChecklists };
  yield {
    kind: 'table',
    columns: [{ title: 'Checklist', width: 'fill' }, { title: 'Id' }, { title: 'Version' }, { title: 'Content hash' }],
    rows: report.checklists.map((c) => [c.title, [code(c.id)], c.version, [code(c.hash)]]),
  };
}

/**
 * The report's document, in the Markdown report's order: the summary
 * first, then the actions in detail, the chart, strengths, what to verify,
 * progress, scores, maturity, notes, and the appendix with the ids.
 */
export function reportDocument(report: Report): ReportDocument {
  const c = report.comparison;
  const sections: (Section | false)[] = [
    { id: 'summary', title: HEADINGS.summary, major: false, blocks: summary(report) },
    report.team != null && { id: 'team', title: HEADINGS.team, major: false, blocks: team(report.team) },
    report.plan != null && { id: 'plan', title: HEADINGS.plan, major: false, blocks: plan(report, report.plan) },
    report.actions.length > 0 && { id: 'actions', title: HEADINGS.actions, major: true, blocks: actions(report) },
    report.actions.length > report.projection.actions && { id: 'other-actions', title: HEADINGS.otherActions, major: false, blocks: otherActions(report) },
    report.actions.length > 0 && { id: 'impact-effort', title: HEADINGS.chart, major: true, blocks: chart(report) },
    report.strengths.length > SUMMARY_STRENGTHS && {
      id: 'strengths',
      title: HEADINGS.strengths,
      major: false,
      blocks: [{ kind: 'list', items: report.strengths.map((s) => ({ text: s.text })) }],
    },
    report.toVerify.length > 0 && {
      id: 'verify',
      title: HEADINGS.verify,
      major: false,
      blocks: [
        paragraph(VERIFY.intro),
        { kind: 'list', items: report.toVerify.map((v) => ({ text: [v.text, muted(` (${VERIFY.reason(v)})`), ...(v.note ? [`: ${v.note}`] : [])] })) },
      ],
    },
    c != null && { id: 'progress', title: PROGRESS.heading(c.previous.date), major: true, blocks: progress(report, c) },
    { id: 'scores', title: HEADINGS.scores, major: true, blocks: scores(report) },
    report.capabilities.length > 0 && { id: 'maturity', title: HEADINGS.maturity, major: false, blocks: maturity(report) },
    report.warnings.length > 0 && {
      id: 'notes',
      title: HEADINGS.warnings,
      major: false,
      blocks: [{ kind: 'list', items: report.warnings.map((w) => ({ text: w })) }],
    },
    { id: 'appendix', title: HEADINGS.appendix, major: true, blocks: appendix(report) },
  ];
  return { title: titleText(report), byline: bylineText(report), profile: profileText(report), sections: sections.filter((s): s is Section => s !== false) };
}
