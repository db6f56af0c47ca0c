// Writes docs/checklists.md from the built-in checklists, for people who want
// to read every question before they run the audit. A test keeps it current:
//   npx tsx scripts/gen-checklist-docs.ts
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadChecklists } from '../src/checklist/load.js';
import type { LoadedChecklist, Question } from '../src/checklist/model.js';
import { CHANNEL_TEXT, MARKET_TEXT, MARKETS, NEED_PHRASE, STAGE_LABELS } from '../src/checklist/vocabulary.js';
import { builtinChecklistPaths, packagePath } from '../src/paths.js';
import { md } from '../src/report/escape.js';

function condition(when: Question['when']): string {
  const describe = (c: NonNullable<Question['when']>): string => {
    if (c.all) return c.all.map(describe).join(' and ');
    if (c.any) return `(${c.any.map(describe).join(' or ')})`;
    if (c.not) return `not ${describe(c.not)}`;
    const values = c.is !== undefined ? [c.is] : (c.in ?? []);
    return `\`${c.question}\` is ${values.map((v) => `\`${String(v)}\``).join(' or ')}`;
  };
  return when ? describe(when) : '';
}

function scope(q: Question): string {
  const parts = [];
  if (q.appliesTo) parts.push(`sells to ${q.appliesTo.map((t) => t.toUpperCase()).join(' or ')}`);
  if (q.channels) parts.push(`runs ${q.channels.map((c) => CHANNEL_TEXT[c].phrase).join(' or ')}`);
  for (const need of q.needs ?? []) parts.push(NEED_PHRASE[need]);
  if (q.markets) parts.push(`sells in ${q.markets.map((m) => MARKET_TEXT[m].phrase).join(' or ')}`);
  const when = condition(q.when);
  if (when) parts.push(`when ${when}`);
  return parts.length ? parts.join('; ') : 'every business';
}

function section(c: LoadedChecklist): string[] {
  const actions = new Map(c.actions.map((a) => [a.key, a]));
  const lines = [`## ${md(c.title)}`, '', `\`${c.id}\`, version ${c.version}, ${c.questions.length} questions.${c.description ? ` ${md(c.description)}` : ''}`];
  if (c.capabilities.length) {
    lines.push('', 'Capabilities this checklist decides, each needed for a maturity stage whatever the score:', '');
    for (const cap of c.capabilities) lines.push(`- **${md(cap.title)}** (needed for ${cap.requiredFor}): holds when ${condition(cap.met)}.`);
  }
  c.questions.forEach((q, i) => {
    lines.push('', `### ${i + 1}. ${md(q.text)}`, '');
    lines.push(`- **Asked of:** ${scope(q)}`);
    lines.push(
      `- **Answer:** ${q.type}${q.choices.length ? ` (${q.choices.map((ch) => `${md(ch.label)} = ${ch.score ?? 'not applicable'}`).join('; ')})` : ''}`,
    );
    if (q.impact) {
      lines.push(
        `- **Stage:** ${STAGE_LABELS[q.stage].toLowerCase()}; **impact** ${q.impact}, **effort** ${q.effort ?? '–'}; a${q.kind === 'outcome' ? 'n' : ''} ${q.kind} that reaches ${q.reach} customers`,
      );
    } else lines.push(`- **Stage:** ${STAGE_LABELS[q.stage].toLowerCase()}; not scored`);
    if (q.why) lines.push(`- **Why it matters:** ${md(q.why)}`);
    const action = actions.get(q.action);
    if (action) {
      const shared = action.questions.length > 1 ? ` (shared by ${action.questions.length} questions)` : '';
      lines.push(`- **Fix:** ${md(action.title)}${shared}${action.after.length ? `, after ${action.after.map((a) => `\`${a}\``).join(', ')}` : ''}`);
    }
    if (q.fix) lines.push(`- **What to do:** ${md(q.fix)}`);
    if (q.strength) lines.push(`- **Strength when in place:** ${md(q.strength)}`);
    if (q.validFor) lines.push(`- **An answer stays valid for:** ${q.validFor}; after that the report lists it to check again`);
    lines.push(`- **Id:** \`${q.key}\``);
  });
  return lines;
}

/** docs/checklists.md as it should be, from the YAML in checklists/. */
export async function renderChecklistDocs(): Promise<string> {
  const { checklists, files } = await loadChecklists(builtinChecklistPaths());
  const broken = files.filter((f) => !f.checklist);
  if (broken.length) throw new Error(`invalid built-in checklists: ${broken.map((f) => f.file).join(', ')}`);
  const total = checklists.reduce((n, c) => n + c.questions.length, 0);
  const intro = [
    '# The built-in checklists',
    '',
    '<!-- Generated from checklists/*.yaml by scripts/gen-checklist-docs.ts; edit the YAML, then run `npx tsx scripts/gen-checklist-docs.ts`. -->',
    '',
    `${checklists.length} checklists, ${total} questions. The interview asks only the questions that apply:`,
    'those for the customer types you sell to, the channels you run, what your business is (ships goods,',
    'has staff, uses an outside service) and where it sells, and follow-ups whose condition holds given',
    `your earlier answers. Legal questions name the markets they concern (${MARKETS.map((m) => MARKET_TEXT[m].phrase).join(', ')}).`,
    'Every question also takes "not applicable" and "unsure".',
    '',
    ...checklists.map(
      (c) =>
        `- [${md(c.title)}](#${c.title
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-')}): ${c.questions.length} questions`,
    ),
  ];
  return `${[intro, ...checklists.map(section)].map((s) => s.join('\n')).join('\n\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(packagePath('docs/checklists.md'), await renderChecklistDocs());
}
