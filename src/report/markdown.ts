import type { Fix, Report, Score } from '../generated/report.js';
import { md, mermaidText } from './escape.js';
import { maturityOf } from '../audit/model.js';
import { CHANNEL_TEXT, CUSTOMER_TYPE_TEXT, type Wording } from '../checklist/vocabulary.js';
import { EFFORT_LABELS, formatChange, formatScore, IMPACT_LABELS, plural, STAGE_LABELS, TIER_LABELS, type Tier } from './labels.js';

/** Most fixes a chart shows; past that it is a cloud of dots. */
const CHART_LIMIT = 20;

/** Singular and plural, for "7 quick wins, 1 easy fix". */
const TIER_NOUNS: Record<Tier, [string, string]> = {
  'quick-win': ['quick win', 'quick wins'],
  'big-bet': ['big bet', 'big bets'],
  'easy-fix': ['easy fix', 'easy fixes'],
  later: ['fix for later', 'fixes for later'],
};

/** A vocabulary word as a report sentence says it; an unknown word (from a newer file) as written. */
function phraseOf(table: Record<string, Wording>, word: string): string {
  return Object.hasOwn(table, word) ? table[word]!.phrase : md(word);
}

/** A table row; empty cells get a single space, as markdownlint's compact style wants. */
function row(cells: string[]): string {
  return `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function title(report: Report): string {
  return report.client ? `# Customer experience audit: ${md(report.client)}` : '# Customer experience audit';
}

function byline(report: Report): string {
  const who = report.auditor ? `Prepared by ${md(report.auditor)} on ${report.date}` : `Prepared on ${report.date}`;
  const lines = [`${who} with cx-audit ${md(report.tool.version)}.`];
  const types = report.profile?.customerTypes;
  const channels = report.profile?.channels;
  if (types || channels) {
    const sells = types ? `sells to ${types.length ? listOf(types.map((t) => phraseOf(CUSTOMER_TYPE_TEXT, t))) : 'no customer type listed'}` : '';
    const through = channels ? `uses ${channels.length ? listOf(channels.map((c) => phraseOf(CHANNEL_TEXT, c))) : 'none of the listed channels'}` : '';
    lines.push(`The business ${[sells, through].filter(Boolean).join(' and ')}; questions outside that profile were not asked.`);
  }
  return lines.join(' ');
}

function range(score: Score): string {
  return score.min !== null && score.max !== null && score.min !== score.max ? `${formatScore(score.min)}–${formatScore(score.max)}` : '';
}

/** The summary: score, stage, counts, and what the top fixes would do. */
function summarySection(report: Report): string[] {
  const { score, counts, maturity, projection } = report;
  const lines = ['## Summary', ''];
  if (score.value === null) {
    lines.push('No scored question has an answer yet, so there is no score.');
  } else {
    lines.push(`**Score: ${formatScore(score.value)} / 100.** Stage ${maturity.level} of 5: **${maturity.name}**. ${maturity.description}`);
  }
  lines.push('');
  const facts = [
    `${plural(counts.applicable, 'question')} apply to this business: ${counts.answered} answered, ${counts.notApplicable} not applicable, ${counts.unsure} unsure, ${counts.unanswered} unanswered.`,
  ];
  if (counts.unsure && range(score)) {
    facts.push(
      `The unsure answers put the score anywhere from ${formatScore(score.min)} to ${formatScore(score.max)} until they are checked (see "To verify").`,
    );
  }
  if (counts.unanswered) facts.push(`The score covers answered questions only; ${plural(counts.unanswered, 'question')} still need an answer.`);
  const tiers = (['quick-win', 'big-bet', 'easy-fix', 'later'] as const)
    .map((t) => [t, report.fixes.filter((f) => f.tier === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${n} ${n === 1 ? TIER_NOUNS[t][0] : TIER_NOUNS[t][1]}`);
  facts.push(report.fixes.length ? `${plural(report.fixes.length, 'gap')} to close: ${tiers.join(', ')}.` : 'No gaps found among the answered questions.');
  if (projection.score !== null && projection.fixes > 0) {
    const next = maturityOf(projection.score);
    const stage = next.level > maturity.level ? `, stage ${next.level}: ${next.name}` : '';
    facts.push(`Doing the top ${plural(projection.fixes, 'fix', 'fixes')} below would raise the score to **${formatScore(projection.score)}**${stage}.`);
  }
  lines.push(...facts.map((f) => `- ${f}`));
  return lines;
}

function comparisonSection(report: Report): string[] {
  const c = report.comparison;
  if (!c) return [];
  const since = c.previous.date ? ` since ${md(c.previous.date)}` : '';
  const lines = [`## Progress${since}`, ''];
  lines.push(
    c.scoreChange === null
      ? 'There is no earlier score to compare with.'
      : `The score went from ${formatScore(c.previous.score)} to ${formatScore(report.score.value)} (${formatChange(c.scoreChange)}).`,
  );
  lines.push('', '| Checklist | Before | Now | Change |', '| --- | ---: | ---: | ---: |');
  for (const change of c.checklists) {
    const name = report.checklists.find((x) => x.id === change.id)?.title ?? change.id;
    lines.push(`| ${md(name)} | ${formatScore(change.before)} | ${formatScore(change.after)} | ${formatChange(change.change)} |`);
  }
  const list = (heading: string, items: typeof c.fixed, empty: string) => {
    lines.push('', `### ${heading}`, '');
    if (!items.length) lines.push(empty);
    else lines.push(...items.map((i) => `- ${md(i.text)} (\`${i.key}\`)`));
  };
  list('Fixed', c.fixed, 'Nothing that was a gap is fully fixed yet.');
  list('Got worse', c.regressed, 'Nothing got worse.');
  list('New findings', c.newFindings, 'No new gaps.');
  return lines;
}

function scoresSection(report: Report): string[] {
  const lines = ['## Scores', '', '| Checklist | Score | Answered | Gaps |', '| --- | ---: | ---: | ---: |'];
  for (const c of report.checklists) {
    const gaps = report.fixes.filter((f) => f.checklist === c.id).length;
    const spread = range(c.score);
    lines.push(`| ${md(c.title)} | ${formatScore(c.score.value)}${spread ? ` (${spread})` : ''} | ${c.counts.answered} of ${c.counts.applicable} | ${gaps} |`);
  }
  lines.push('', '| Journey stage | Score | Answered |', '| --- | ---: | ---: |');
  for (const s of report.stages) {
    lines.push(`| ${STAGE_LABELS[s.stage]} | ${formatScore(s.score.value)} | ${s.counts.answered} of ${s.counts.applicable} |`);
  }
  return lines;
}

/** A heading from the fix's first sentence, without the closing punctuation headings should not have. */
function headline(fix: Fix): string {
  const text = fix.fix ?? fix.text;
  const first = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return md(first.replace(/[.!?:;,]+$/, ''));
}

function fixDetails(fix: Fix, report: Report): string[] {
  const answer = report.answers.find((a) => a.key === fix.key);
  const lines = [`### ${fix.rank}. ${headline(fix)}`, ''];
  lines.push(
    `**${TIER_LABELS[fix.tier]}**: impact ${IMPACT_LABELS[fix.impact].toLowerCase()}, effort ${EFFORT_LABELS[fix.effort].toLowerCase()}, +${formatScore(fix.gain)} points.`,
  );
  lines.push('', `- **Question:** ${md(fix.text)}`, `- **Answer:** ${answer?.label ? md(answer.label) : '–'}`);
  if (answer?.note) lines.push(`- **Note:** ${md(answer.note)}`);
  if (fix.why) lines.push(`- **Why it matters:** ${md(fix.why)}`);
  lines.push(`- **What to do:** ${fix.fix ? md(fix.fix) : 'the checklist gives no fix; decide one with your team.'}`);
  lines.push(`- **Reference:** \`${fix.key}\`, ${STAGE_LABELS[fix.stage].toLowerCase()}`);
  return lines;
}

function fixesSection(report: Report): string[] {
  if (!report.fixes.length) return ['## What to fix first', '', 'Nothing: every answered question meets the good practice.'];
  const top = report.fixes.slice(0, Math.max(report.projection.fixes, 1));
  const lines = ['## What to fix first', '', 'Ordered by value for the work: impact weight × the size of the gap ÷ effort.'];
  for (const fix of top) lines.push('', ...fixDetails(fix, report));
  return lines;
}

/** Where each fix sits on impact and effort, as a Mermaid quadrant chart. */
function chartSection(report: Report): string[] {
  const fixes = report.fixes.slice(0, CHART_LIMIT);
  if (!fixes.length) return [];
  const x = { low: 0.2, medium: 0.6, high: 0.85 } as const;
  const y = { low: 0.15, medium: 0.35, high: 0.65, critical: 0.88 } as const;
  const seen = new Map<string, number>();
  const points = fixes.map((f) => {
    const cell = `${f.impact}/${f.effort}`;
    const i = seen.get(cell) ?? 0;
    seen.set(cell, i + 1);
    // Spread fixes that share a cell on a small grid so their labels stay readable.
    const dx = ((i % 4) - 1.5) * 0.045;
    const dy = ((Math.floor(i / 4) % 3) - 1) * 0.05;
    const clamp = (v: number) => Math.min(0.97, Math.max(0.03, v)).toFixed(2);
    return `    F${f.rank}: [${clamp(x[f.effort] + dx)}, ${clamp(y[f.impact] + dy)}]`;
  });
  const more = report.fixes.length > CHART_LIMIT ? ` The chart shows the first ${CHART_LIMIT} of ${report.fixes.length}.` : '';
  return [
    '## Impact and effort',
    '',
    `Each point is a fix, labelled with its number (F1 is fix 1). Top left is where to start.${more}`,
    '',
    '```mermaid',
    'quadrantChart',
    `    title ${mermaidText(report.client ? `Fixes for ${report.client}` : 'Fixes')}`,
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

function otherFixesSection(report: Report): Iterable<string> {
  const rest = report.fixes.slice(Math.max(report.projection.fixes, 1));
  if (!rest.length) return [];
  return (function* () {
    yield '## Other fixes, in order';
    yield '';
    yield '| # | What to do | Why it matters | Tier | Impact | Effort | Points |';
    yield '| ---: | --- | --- | --- | --- | --- | ---: |';
    for (const f of rest) {
      yield `| ${f.rank} | ${md(f.fix ?? f.text)} | ${f.why ? md(f.why) : '–'} | ${TIER_LABELS[f.tier]} | ${IMPACT_LABELS[f.impact]} | ${EFFORT_LABELS[f.effort]} | +${formatScore(f.gain)} |`;
    }
  })();
}

function verifySection(report: Report): string[] {
  if (!report.toVerify.length) return [];
  const lines = ['## To verify', '', 'Answered "unsure": find out, then answer them to firm up the score.', ''];
  for (const v of report.toVerify) {
    lines.push(`- ${md(v.text)} (impact ${v.impact}, \`${v.key}\`)${v.note ? `: ${md(v.note)}` : ''}`);
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
  for (const c of report.checklists) {
    const answers = byChecklist.get(c.id)!;
    if (!answers.length) continue;
    yield* ['', `### ${md(c.title)} (\`${c.id}\`)`, '', '| Question | Answer | Note |', '| --- | --- | --- |'];
    for (const a of answers) {
      const label = a.status === 'unanswered' ? '*Not answered*' : md(a.label ?? '');
      yield row([md(a.text), label, a.note ? md(a.note) : '']);
    }
  }
  yield* ['', '### Checklists used', '', '| Checklist | Version | Content hash |', '| --- | --- | --- |'];
  for (const c of report.checklists) yield `| ${md(c.title)} (\`${c.id}\`) | ${md(c.version)} | \`${c.hash}\` |`;
}

/** Lines are gathered into pieces of about this many characters before they are handed on. */
const CHUNK = 1 << 16;

/**
 * The full report as Markdown, readable on its own without the tool, in
 * pieces: the long tables are produced line by line, never as one string.
 */
export function* renderMarkdownChunks(report: Report): Generator<string> {
  const sections: Iterable<string>[] = [
    [title(report), '', byline(report)],
    summarySection(report),
    comparisonSection(report),
    fixesSection(report),
    chartSection(report),
    otherFixesSection(report),
    verifySection(report),
    scoresSection(report),
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

/** Summary and top fixes only: what the terminal shows at the end of an interview. */
export function renderSummaryMarkdown(report: Report): string {
  const sections = [[title(report)], summarySection(report), fixesSection(report)];
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
