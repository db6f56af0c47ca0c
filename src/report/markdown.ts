import { MATURITY } from '../audit/model.js';
import type { ActionResult, Report } from '../generated/report.js';
import { md, mermaidText } from './escape.js';
import type { RenderOptions } from './formats.js';
import {
  changeHeadlines,
  actionMeta,
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
  acceptedText,
  openPlanItems,
  PLAN_ROWS,
  planDoneSentence,
  planStatusText,
  planSentence,
  teamHeadline,
  teamSentence,
  profileText,
  projectionSentence,
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

/** A table row; empty cells get a single space, as markdownlint's compact style wants. */
function row(cells: string[]): string {
  return `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

function header(report: Report, options: RenderOptions): string[] {
  const profile = profileText(report);
  const lines = [`# ${md(titleText(report))}`, '', `${md(bylineText(report))}${profile ? ` ${md(profile)}` : ''}`];
  const firm = [options.brand?.name, options.brand?.contact].filter((s): s is string => Boolean(s));
  if (firm.length) lines.push('', firm.map(md).join(' · '));
  return lines;
}

/** The executive summary: score, stage, the first actions and the strengths, in a page. */
function summarySection(report: Report): string[] {
  const lines = [`## ${HEADINGS.summary}`, '', `**${md(scoreSentence(report))}**`];
  const next = nextStepSentence(report);
  if (next) lines.push('', md(next));
  const stage = stageSentence(report);
  if (stage) lines.push('', `**${md(stage.slice(0, stage.indexOf('.') + 1))}** ${md(stage.slice(stage.indexOf('.') + 1).trim())}`);
  const held = heldBySentence(report);
  if (held) lines.push('', md(held));
  lines.push('', md(coverageSentence(report)));
  const team = report.team && teamHeadline(report.team);
  if (team) lines.push('', `**${md(team)}** See "${HEADINGS.team}" below.`);
  if (report.actions.length) {
    lines.push('', `**${SUMMARY.doFirst}**`, '');
    // The actions the projection assumes done: the same list, so the sentence under it adds up.
    for (const a of report.actions.slice(0, Math.max(1, report.projection.actions))) lines.push(`${a.rank}. ${md(a.title)} (+${formatScore(a.gain)} points)`);
    const projection = projectionSentence(report);
    if (projection) lines.push('', md(projection));
  } else if (report.score.low !== null) {
    lines.push('', SUMMARY.nothingToFix);
  }
  if (report.strengths.length) {
    lines.push('', `**${SUMMARY.goingWell}**`, '');
    for (const s of report.strengths.slice(0, SUMMARY_STRENGTHS)) lines.push(`- ${md(s.text)}`);
    if (report.strengths.length > SUMMARY_STRENGTHS) lines.push(`- ${SUMMARY.more(report.strengths.length - SUMMARY_STRENGTHS)}`);
  }
  return lines;
}

function actionDetails(action: ActionResult, report: Report): string[] {
  const lines = [`### ${action.rank}. ${md(action.title)}`, '', md(actionMeta(action))];
  if (action.fix) lines.push('', `**${ACTION.whatToDo}** ${md(action.fix)}`);
  const after = afterTitles(report, action);
  if (after.length) lines.push('', `**${ACTION.doFirst}** ${after.map(md).join('; ')}.`);
  const answered = action.questions.filter((q) => q.status === 'answered');
  const closed = action.questions.filter((q) => q.status === 'closed');
  if (answered.length === 1 && !closed.length && !action.fix) {
    // A question's own fix: its answer and why it matters, in one place.
    const q = answered[0]!;
    lines.push('', `- **${ACTION.found}** ${md(q.text)} ${md(q.label ?? '')}`.trimEnd());
    if (q.why) lines.push(`- **${ACTION.why}** ${md(q.why)}`);
    if (q.fix) lines.push(`- **${ACTION.whatToDo}** ${md(q.fix)}`);
    return lines;
  }
  lines.push('', ACTION.closes, '');
  for (const q of answered) {
    lines.push(`- ${md(q.text)} **${md(q.label ?? '')}**${q.why ? `. ${md(q.why)}` : ''}`);
    if (q.fix && q.fix !== action.fix) lines.push(`  ${md(q.fix)}`);
  }
  for (const q of closed) lines.push(`- ${md(q.text)} ${ACTION.notAskedYet}`);
  return lines;
}

function actionsSection(report: Report, count: number): string[] {
  if (!report.actions.length) return [];
  const lines = [`## ${HEADINGS.actions}`, '', md(actionsSentence(report)), ACTION.order];
  for (const action of report.actions.slice(0, count)) lines.push('', ...actionDetails(action, report));
  return lines;
}

function otherActionsSection(report: Report, from: number): Iterable<string> {
  const rest = report.actions.slice(from);
  if (!rest.length) return [];
  return (function* () {
    yield `## ${HEADINGS.otherActions}`;
    yield '';
    yield '| # | Action | Tier | Impact | Effort | Points |';
    yield '| ---: | --- | --- | --- | --- | ---: |';
    for (const a of rest) {
      yield `| ${a.rank} | ${md(a.title)} | ${TIER_LABELS[a.tier]} | ${IMPACT_LABELS[a.impact]} | ${EFFORT_LABELS[a.effort]} | +${formatScore(a.gain)} |`;
    }
  })();
}

/** Where each action sits on impact and effort, as a Mermaid quadrant chart (GitHub and most editors draw it). */
function chartSection(report: Report): string[] {
  const actions = report.actions.slice(0, CHART_LIMIT);
  if (!actions.length) return [];
  const x = { low: 0.2, medium: 0.6, high: 0.85 } as const;
  const y = { low: 0.15, medium: 0.35, high: 0.65, critical: 0.88 } as const;
  const seen = new Map<string, number>();
  const points = actions.map((a) => {
    const cell = `${a.impact}/${a.effort}`;
    const i = seen.get(cell) ?? 0;
    seen.set(cell, i + 1);
    // Spread actions that share a cell on a small grid so their labels stay readable.
    const dx = ((i % 4) - 1.5) * 0.045;
    const dy = ((Math.floor(i / 4) % 3) - 1) * 0.05;
    const clamp = (v: number) => Math.min(0.97, Math.max(0.03, v)).toFixed(2);
    return `    A${a.rank}: [${clamp(x[a.effort] + dx)}, ${clamp(y[a.impact] + dy)}]`;
  });
  return [
    `## ${HEADINGS.chart}`,
    '',
    `Each point is an action, labelled with its number (A1 is action 1). Top left is where to start.${chartMore(report.actions.length)}`,
    '',
    '```mermaid',
    'quadrantChart',
    `    title ${mermaidText(report.client ? `Actions for ${report.client}` : 'Actions')}`,
    '    x-axis Low effort --> High effort',
    '    y-axis Low impact --> High impact',
    '    quadrant-1 Big bets',
    '    quadrant-2 Quick wins',
    '    quadrant-3 Easy fixes',
    '    quadrant-4 Later',
    ...points,
    '```',
  ];
}

/** Where the team disagrees: each disputed question, who answered what, the points at stake; the biggest first. */
function teamSection(report: Report): string[] {
  const team = report.team;
  if (!team) return [];
  const lines = [`## ${HEADINGS.team}`, '', md(teamSentence(team))];
  for (const d of team.disagreements) {
    lines.push('', `### ${md(d.text)}`, '', `At stake: ${formatScore(d.stake)} points · agreed for now: **${md(d.agreed.label)}**`, '');
    lines.push('| Who | Answer | Note |', '| --- | --- | --- |');
    for (const a of d.answers) lines.push(row([md(a.respondent), md(a.label), md(a.note ?? '')]));
  }
  return lines;
}

/** How the plan stands: counts, the score once it is done, open work by due day, accepted gaps. */
function planSection(report: Report): string[] {
  const plan = report.plan;
  if (!plan) return [];
  const lines = [`## ${HEADINGS.plan}`, '', md(planSentence(plan))];
  const done = planDoneSentence(report);
  if (done) lines.push('', md(done));
  const open = openPlanItems(plan);
  if (open.length) {
    lines.push('', '| Action | Owner | Due | Status |', '| --- | --- | --- | --- |');
    for (const i of open.slice(0, PLAN_ROWS))
      lines.push(row([md(i.title), md(i.owner ?? '–'), i.due ? (i.overdue ? `**${i.due}, overdue**` : i.due) : '–', planStatusText(i)]));
    if (open.length > PLAN_ROWS) lines.push('', `…and ${open.length - PLAN_ROWS} more open actions in the plan.`);
  }
  const accepted = plan.items.filter((i) => i.state === 'accepted');
  if (accepted.length) {
    lines.push('', `**${HEADINGS.accepted}:**`, '');
    for (const i of accepted) lines.push(`- ${md(i.title)}: ${md(acceptedText(i))}`);
  }
  const remains = plan.items.filter((i) => i.gapRemains);
  if (remains.length) {
    lines.push('', `**${HEADINGS.gapRemains}:**`, '');
    for (const i of remains) lines.push(`- ${md(i.title)}`);
  }
  return lines;
}

function strengthsSection(report: Report): string[] {
  if (report.strengths.length <= SUMMARY_STRENGTHS) return [];
  return [`## ${HEADINGS.strengths}`, '', ...report.strengths.map((s) => `- ${md(s.text)}`)];
}

function verifySection(report: Report): string[] {
  if (!report.toVerify.length) return [];
  const lines = [`## ${HEADINGS.verify}`, '', VERIFY.intro, ''];
  for (const v of report.toVerify) lines.push(`- ${md(v.text)} (${VERIFY.reason(v)})${v.note ? `: ${md(v.note)}` : ''}`);
  return lines;
}

function comparisonSection(report: Report): string[] {
  const c = report.comparison;
  if (!c) return [];
  const lines = [`## ${md(PROGRESS.heading(c.previous.date))}`, ''];
  lines.push(
    c.scoreChange === null
      ? PROGRESS.noScore
      : `The score went from ${formatScore(c.previous.score)} to ${formatScore(report.score.low)} (${formatChange(c.scoreChange)}).`,
  );
  lines.push('', '| Checklist | Before | Now | Change |', '| --- | ---: | ---: | ---: |');
  for (const change of c.checklists) {
    const name = report.checklists.find((x) => x.id === change.id)?.title ?? change.id;
    lines.push(`| ${md(name)} | ${formatScore(change.before)} | ${formatScore(change.after)} | ${formatChange(change.change)} |`);
  }
  const list = (heading: string, items: typeof c.fixed, empty: string) => {
    lines.push('', `### ${heading}`, '');
    lines.push(...(items.length ? changeHeadlines(items).map((h) => `- ${md(h)}`) : [empty]));
  };
  list(HEADINGS.fixed, c.fixed, PROGRESS.empty.fixed);
  list(HEADINGS.regressed, c.regressed, PROGRESS.empty.regressed);
  list(HEADINGS.newFindings, c.newFindings, PROGRESS.empty.newFindings);
  return lines;
}

function scoresSection(report: Report): string[] {
  const lines = [`## ${HEADINGS.scores}`, '', '| Checklist | Score | Answered |', '| --- | ---: | ---: |'];
  for (const c of report.checklists) lines.push(`| ${md(c.title)} | ${scoreText(c.score)} | ${answeredOf(c.coverage)} |`);
  lines.push('', '| Journey stage | Score | Answered |', '| --- | ---: | ---: |');
  for (const s of report.stages) lines.push(`| ${STAGE_LABELS[s.stage]} | ${scoreText(s.score)} | ${answeredOf(s.coverage)} |`);
  return lines;
}

function capabilitiesSection(report: Report): string[] {
  if (!report.capabilities.length) return [];
  const lines = [`## ${HEADINGS.maturity}`, '', MATURITY_INTRO, '', '| Capability | Needed for | In place |', '| --- | --- | --- |'];
  for (const c of report.capabilities) {
    const stage = MATURITY.find((m) => m.id === c.requiredFor)!;
    lines.push(`| ${md(c.title)} | Stage ${stage.level}: ${stage.name} | ${CAPABILITY_STATUS[c.status]} |`);
  }
  return lines;
}

function warningsSection(report: Report): string[] {
  if (!report.warnings.length) return [];
  return [`## ${HEADINGS.warnings}`, '', ...report.warnings.map((w) => `- ${md(w)}`)];
}

function* appendix(report: Report): Iterable<string> {
  yield `## ${HEADINGS.appendix}`;
  const byChecklist = new Map<string, Report['answers']>(report.checklists.map((c) => [c.id, []]));
  for (const a of report.answers) byChecklist.get(a.checklist)?.push(a);
  const shown: Record<string, (a: Report['answers'][number]) => string> = {
    unanswered: () => `*${ANSWER_STATUS.unanswered}*`,
    closed: () => `*${ANSWER_STATUS.closed}*`,
    stale: (a) => `${md(a.label ?? '')} *(${ANSWER_STATUS.stale})*`,
  };
  for (const c of report.checklists) {
    const answers = byChecklist.get(c.id)!;
    if (!answers.length) continue;
    yield* ['', `### ${md(c.title)} (\`${c.id}\`)`, '', '| Question | Answer | Note | Id |', '| --- | --- | --- | --- |'];
    for (const a of answers) yield row([md(a.text), shown[a.status]?.(a) ?? md(a.label ?? ''), a.note ? md(a.note) : '', `\`${a.question}\``]);
  }
  if (report.actions.length) {
    yield* ['', `### ${HEADINGS.appendixActions}`, '', '| # | Action | Id | Closes |', '| ---: | --- | --- | --- |'];
    for (const a of report.actions) yield `| ${a.rank} | ${md(a.title)} | \`${a.key}\` | ${a.questions.map((q) => `\`${q.key}\``).join(', ')} |`;
  }
  yield* ['', `### ${HEADINGS.appendixChecklists}`, '', '| Checklist | Id | Version | Content hash |', '| --- | --- | --- | --- |'];
  for (const c of report.checklists) yield `| ${md(c.title)} | \`${c.id}\` | ${md(c.version)} | \`${c.hash}\` |`;
}

/** Lines are gathered into pieces of about this many characters before they are handed on. */
const CHUNK = 1 << 16;

/**
 * The full report as Markdown, readable on its own without the tool, in
 * pieces: the long tables are produced line by line, never as one string.
 * The summary comes first; ids appear only in the appendix.
 */
export function* renderMarkdownChunks(report: Report, options: RenderOptions = {}): Generator<string> {
  const detailed = report.projection.actions;
  const sections: Iterable<string>[] = [
    header(report, options),
    summarySection(report),
    teamSection(report),
    planSection(report),
    actionsSection(report, detailed),
    otherActionsSection(report, detailed),
    chartSection(report),
    strengthsSection(report),
    verifySection(report),
    comparisonSection(report),
    scoresSection(report),
    capabilitiesSection(report),
    warningsSection(report),
    appendix(report),
  ];
  let buffer = '';
  let first = true;
  for (const section of sections) {
    let started = false;
    for (const line of section) {
      if (!started) {
        if (!first) buffer += '\n';
        started = true;
        first = false;
      }
      buffer += `${line}\n`;
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = '';
      }
    }
  }
  if (buffer) yield buffer;
}

/** The full report as one Markdown string. */
export function renderMarkdown(report: Report): string {
  return [...renderMarkdownChunks(report)].join('');
}
