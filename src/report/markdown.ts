import { MATURITY } from '../audit/model.js';
import type { ActionResult, Report } from '../generated/report.js';
import { md, mermaidText } from './escape.js';
import {
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

/** A table row; empty cells get a single space, as markdownlint's compact style wants. */
function row(cells: string[]): string {
  return `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

function header(report: Report): string[] {
  const profile = profileText(report);
  return [`# ${md(titleText(report))}`, '', `${md(bylineText(report))}${profile ? ` ${md(profile)}` : ''}`];
}

/** The executive summary: score, stage, the first actions and the strengths, in a page. */
function summarySection(report: Report): string[] {
  const lines = ['## Summary', '', `**${md(scoreSentence(report))}**`];
  const next = nextStepSentence(report);
  if (next) lines.push('', md(next));
  const stage = stageSentence(report);
  if (stage) lines.push('', `**${md(stage.slice(0, stage.indexOf('.') + 1))}** ${md(stage.slice(stage.indexOf('.') + 1).trim())}`);
  const held = heldBySentence(report);
  if (held) lines.push('', md(held));
  lines.push('', md(coverageSentence(report)));
  if (report.actions.length) {
    lines.push('', '**Do these first:**', '');
    // The actions the projection assumes done: the same list, so the sentence under it adds up.
    for (const a of report.actions.slice(0, Math.max(1, report.projection.actions))) lines.push(`${a.rank}. ${md(a.title)} (+${formatScore(a.gain)} points)`);
    const projection = projectionSentence(report);
    if (projection) lines.push('', md(projection));
  } else if (report.score.low !== null) {
    lines.push('', 'Nothing to fix among the answered questions.');
  }
  if (report.strengths.length) {
    lines.push('', '**What is going well:**', '');
    for (const s of report.strengths.slice(0, SUMMARY_STRENGTHS)) lines.push(`- ${md(s.text)}`);
    if (report.strengths.length > SUMMARY_STRENGTHS) lines.push(`- …and ${report.strengths.length - SUMMARY_STRENGTHS} more (see "What is going well" below).`);
  }
  return lines;
}

function actionDetails(action: ActionResult, report: Report): string[] {
  const lines = [`### ${action.rank}. ${md(action.title)}`, '', md(actionMeta(action))];
  if (action.fix) lines.push('', `**What to do:** ${md(action.fix)}`);
  const after = afterTitles(report, action);
  if (after.length) lines.push('', `**Do first:** ${after.map(md).join('; ')}.`);
  const answered = action.questions.filter((q) => q.status === 'answered');
  const closed = action.questions.filter((q) => q.status === 'closed');
  if (answered.length === 1 && !closed.length && !action.fix) {
    // A question's own fix: its answer and why it matters, in one place.
    const q = answered[0]!;
    lines.push('', `- **Found:** ${md(q.text)} ${md(q.label ?? '')}`.trimEnd());
    if (q.why) lines.push(`- **Why it matters:** ${md(q.why)}`);
    if (q.fix) lines.push(`- **What to do:** ${md(q.fix)}`);
    return lines;
  }
  lines.push('', 'What it closes:', '');
  for (const q of answered) {
    lines.push(`- ${md(q.text)} **${md(q.label ?? '')}**${q.why ? `. ${md(q.why)}` : ''}`);
    if (q.fix && q.fix !== action.fix) lines.push(`  ${md(q.fix)}`);
  }
  for (const q of closed) lines.push(`- ${md(q.text)} (not asked yet: it opens once the above is in place)`);
  return lines;
}

function actionsSection(report: Report, count: number): string[] {
  if (!report.actions.length) return [];
  const lines = [
    '## What to do first',
    '',
    md(actionsSentence(report)),
    'They are in the order to do them: what helps customers most for the work, and never before an action they depend on.',
  ];
  for (const action of report.actions.slice(0, count)) lines.push('', ...actionDetails(action, report));
  return lines;
}

function otherActionsSection(report: Report, from: number): Iterable<string> {
  const rest = report.actions.slice(from);
  if (!rest.length) return [];
  return (function* () {
    yield '## Every other action, in order';
    yield '';
    yield '| # | Action | Tier | Impact | Effort | Points |';
    yield '| ---: | --- | --- | --- | --- | ---: |';
    for (const a of rest) {
      yield `| ${a.rank} | ${md(a.title)} | ${TIER_LABELS[a.tier]} | ${IMPACT_LABELS[a.impact]} | ${EFFORT_LABELS[a.effort]} | +${formatScore(a.gain)} |`;
    }
  })();
}

/** Most actions a chart shows; past that it is a cloud of dots. */
const CHART_LIMIT = 20;

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
  const more = report.actions.length > CHART_LIMIT ? ` The chart shows the first ${CHART_LIMIT} of ${report.actions.length}.` : '';
  return [
    '## Impact and effort',
    '',
    `Each point is an action, labelled with its number (A1 is action 1). Top left is where to start.${more}`,
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

function strengthsSection(report: Report): string[] {
  if (report.strengths.length <= SUMMARY_STRENGTHS) return [];
  return ['## What is going well', '', ...report.strengths.map((s) => `- ${md(s.text)}`)];
}

function verifySection(report: Report): string[] {
  if (!report.toVerify.length) return [];
  const lines = ['## To verify', '', 'These answers are unsure or out of date; until they are checked the score is a range.', ''];
  for (const v of report.toVerify) {
    const why = v.reason === 'stale' ? 'answered too long ago' : 'unsure';
    lines.push(`- ${md(v.text)} (${why}, impact ${v.impact})${v.note ? `: ${md(v.note)}` : ''}`);
  }
  return lines;
}

function comparisonSection(report: Report): string[] {
  const c = report.comparison;
  if (!c) return [];
  const lines = [c.previous.date ? `## Progress since ${md(c.previous.date)}` : '## Progress since the earlier audit', ''];
  lines.push(
    c.scoreChange === null
      ? 'There is no earlier score to compare with.'
      : `The score went from ${formatScore(c.previous.score)} to ${formatScore(report.score.low)} (${formatChange(c.scoreChange)}).`,
  );
  lines.push('', '| Checklist | Before | Now | Change |', '| --- | ---: | ---: | ---: |');
  for (const change of c.checklists) {
    const name = report.checklists.find((x) => x.id === change.id)?.title ?? change.id;
    lines.push(`| ${md(name)} | ${formatScore(change.before)} | ${formatScore(change.after)} | ${formatChange(change.change)} |`);
  }
  const list = (heading: string, items: typeof c.fixed, empty: string) => {
    lines.push('', `### ${heading}`, '');
    lines.push(...(items.length ? items.map((i) => `- ${md(i.headline)}`) : [empty]));
  };
  list('Fixed', c.fixed, 'Nothing that was a gap is fully fixed yet.');
  list('Got worse', c.regressed, 'Nothing got worse.');
  list('New findings', c.newFindings, 'No new gaps.');
  return lines;
}

function scoresSection(report: Report): string[] {
  const lines = ['## Scores', '', '| Checklist | Score | Answered |', '| --- | ---: | ---: |'];
  for (const c of report.checklists) lines.push(`| ${md(c.title)} | ${scoreText(c.score)} | ${c.coverage.answered} of ${c.coverage.applicable} |`);
  lines.push('', '| Journey stage | Score | Answered |', '| --- | ---: | ---: |');
  for (const s of report.stages) lines.push(`| ${STAGE_LABELS[s.stage]} | ${scoreText(s.score)} | ${s.coverage.answered} of ${s.coverage.applicable} |`);
  return lines;
}

function capabilitiesSection(report: Report): string[] {
  if (!report.capabilities.length) return [];
  const lines = [
    '## Maturity',
    '',
    'A stage needs its score and what it rests on: these capabilities, whatever the score.',
    '',
    '| Capability | Needed for | In place |',
    '| --- | --- | --- |',
  ];
  const status = { met: 'Yes', missing: 'No', unknown: 'Not known yet' } as const;
  for (const c of report.capabilities) {
    const stage = MATURITY.find((m) => m.id === c.requiredFor)!;
    lines.push(`| ${md(c.title)} | Stage ${stage.level}: ${stage.name} | ${status[c.status]} |`);
  }
  return lines;
}

function warningsSection(report: Report): string[] {
  if (!report.warnings.length) return [];
  return ['## Notes on the input', '', ...report.warnings.map((w) => `- ${md(w)}`)];
}

function* appendix(report: Report): Iterable<string> {
  yield '## Appendix: every answer';
  const byChecklist = new Map<string, Report['answers']>(report.checklists.map((c) => [c.id, []]));
  for (const a of report.answers) byChecklist.get(a.checklist)?.push(a);
  const shown: Record<string, (a: Report['answers'][number]) => string> = {
    unanswered: () => '*Not answered*',
    closed: () => '*Not asked: an earlier answer falls short*',
    stale: (a) => `${md(a.label ?? '')} *(out of date)*`,
  };
  for (const c of report.checklists) {
    const answers = byChecklist.get(c.id)!;
    if (!answers.length) continue;
    yield* ['', `### ${md(c.title)} (\`${c.id}\`)`, '', '| Question | Answer | Note | Id |', '| --- | --- | --- | --- |'];
    for (const a of answers) yield row([md(a.text), shown[a.status]?.(a) ?? md(a.label ?? ''), a.note ? md(a.note) : '', `\`${a.question}\``]);
  }
  if (report.actions.length) {
    yield* ['', '### Actions', '', '| # | Action | Id | Closes |', '| ---: | --- | --- | --- |'];
    for (const a of report.actions) yield `| ${a.rank} | ${md(a.title)} | \`${a.key}\` | ${a.questions.map((q) => `\`${q.key}\``).join(', ')} |`;
  }
  yield* ['', '### Checklists used', '', '| Checklist | Id | Version | Content hash |', '| --- | --- | --- | --- |'];
  for (const c of report.checklists) yield `| ${md(c.title)} | \`${c.id}\` | ${md(c.version)} | \`${c.hash}\` |`;
}

/** Lines are gathered into pieces of about this many characters before they are handed on. */
const CHUNK = 1 << 16;

/**
 * The full report as Markdown, readable on its own without the tool, in
 * pieces: the long tables are produced line by line, never as one string.
 * The summary comes first; ids appear only in the appendix.
 */
export function* renderMarkdownChunks(report: Report): Generator<string> {
  const detailed = report.projection.actions;
  const sections: Iterable<string>[] = [
    header(report),
    summarySection(report),
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
