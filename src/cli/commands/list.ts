import type { Profile } from '../../answers/model.js';
import { inProfile } from '../../checklist/applicability.js';
import type { LoadedChecklist } from '../../checklist/model.js';
import { CHANNELS, CUSTOMER_TYPES } from '../../checklist/vocabulary.js';
import { estimateMinutes } from '../../interview/flow.js';
import { describeProfile } from '../../report/text.js';
import { EXIT, UsageError } from '../../errors.js';
import { stringifySafe } from '../../text/json.js';
import { oneLine } from '../../text/sanitize.js';
import { didYouMean } from '../../text/suggest.js';
import { checklistsForRun } from '../inputs.js';
import type { CommandContext } from '../context.js';
import { profileFromFlags, type ProfileFlags } from '../profile-flags.js';

export interface ListOptions extends ProfileFlags {
  format: 'text' | 'json';
}

/** "12 minutes" or "9 to 12 minutes": without and with every follow-up. */
function minutesText(low: number, high: number): string {
  return low === high ? `${high} minute${high === 1 ? '' : 's'}` : `${low} to ${high} minutes`;
}

/**
 * What a business with this profile can be asked: every question its
 * profile includes, follow-ups marked (they are asked only after certain
 * answers), with the count and an estimate of the time.
 */
function preview(checklists: readonly LoadedChecklist[], profile: Profile, options: ListOptions, ctx: CommandContext): number {
  const groups = checklists.map((c) => ({ checklist: c, questions: c.questions.filter((q) => inProfile(q, profile)) }));
  const all = groups.flatMap((g) => g.questions);
  const followUps = all.filter((q) => q.when);
  const minutes = { low: estimateMinutes(all.filter((q) => !q.when)), high: estimateMinutes(all) };
  if (options.format === 'json') {
    ctx.out(
      `${stringifySafe({
        profile,
        count: all.length,
        followUps: followUps.length,
        minutes,
        checklists: groups.map((g) => ({ id: g.checklist.id, title: g.checklist.title, count: g.questions.length })),
        questions: all.map((q) => ({
          key: q.key,
          checklist: q.checklistId,
          id: q.id,
          text: q.text,
          type: q.type,
          impact: q.impact ?? null,
          followUp: q.when !== undefined,
        })),
      })}\n`,
    );
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const { checklist, questions } of groups) {
    if (!questions.length) continue;
    lines.push(`${oneLine(checklist.title)} (${questions.length})`);
    for (const q of questions) lines.push(`  ${q.when ? '↳ ' : '• '}${oneLine(q.text)}`);
    lines.push('');
  }
  const described = describeProfile(profile);
  lines.push(
    `${all.length} question${all.length === 1 ? '' : 's'} for this business, ${followUps.length} of them follow-up${followUps.length === 1 ? '' : 's'} (↳, asked only after certain answers): about ${minutesText(minutes.low, minutes.high)}.`,
  );
  if (described) lines.push(`${described}.`);
  ctx.out(`${lines.join('\n')}\n`);
  const unstated = PROFILE_FLAG_NAMES.filter(([key]) => profile[key] === undefined).map(([, flag]) => flag);
  if (unstated.length) ctx.notice(`Not given, so counted as yes (their questions are included): ${unstated.join(', ')}.`);
  return EXIT.ok;
}

/** Each profile fact and the flag that sets it. */
const PROFILE_FLAG_NAMES: [keyof Profile, string][] = [
  ['customerTypes', '--profile'],
  ['channels', '--channels'],
  ['shipsGoods', '--ships'],
  ['hasStaff', '--staff'],
  ['outsideSupport', '--outside-support'],
  ['markets', '--market'],
];

function unknownChecklist(id: string, checklists: readonly LoadedChecklist[]): UsageError {
  return new UsageError(
    `there is no built-in checklist "${id}"; \`cx-audit list\` shows them all${didYouMean(
      id,
      checklists.map((c) => c.id),
      '. ',
    )}`,
  );
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

/** `cx-audit list [checklist]`: the built-in checklists, or the questions of one. */
export async function listCommand(id: string | undefined, options: ListOptions, ctx: CommandContext): Promise<number> {
  const checklists = await checklistsForRun([], ctx);
  const profile = profileFromFlags(options);
  if (Object.keys(profile).length) {
    const chosen = id === undefined ? checklists : checklists.filter((c) => c.id === id);
    if (!chosen.length) throw unknownChecklist(id!, checklists);
    return preview(chosen, profile, options, ctx);
  }
  if (id === undefined) {
    if (options.format === 'json') {
      const data = checklists.map((c) => ({ id: c.id, title: c.title, version: c.version, hash: c.hash, questions: c.questions.length }));
      ctx.out(`${stringifySafe(data)}\n`);
      return EXIT.ok;
    }
    const rows = [['ID', 'VERSION', 'QUESTIONS', 'TITLE'], ...checklists.map((c) => [c.id, c.version, String(c.questions.length), oneLine(c.title)])];
    ctx.out(`${table(rows)}\n`);
    ctx.notice(
      `\n${checklists.reduce((n, c) => n + c.questions.length, 0)} questions in all. Customer types: ${CUSTOMER_TYPES.join(', ')}. Channels: ${CHANNELS.join(', ')}.\nSee the questions of one with: cx-audit list <id>`,
    );
    return EXIT.ok;
  }
  const checklist = checklists.find((c) => c.id === id);
  if (!checklist) throw unknownChecklist(id, checklists);
  if (options.format === 'json') {
    ctx.out(
      `${stringifySafe({ id: checklist.id, title: checklist.title, version: checklist.version, hash: checklist.hash, questions: checklist.questions })}\n`,
    );
    return EXIT.ok;
  }
  const rows = [
    ['QUESTION', 'TYPE', 'IMPACT', 'EFFORT', 'TEXT'],
    ...checklist.questions.map((q) => [q.id, q.type, q.impact ?? '-', q.effort ?? '-', oneLine(q.text)]),
  ];
  ctx.out(`${oneLine(checklist.title)} (${checklist.id} ${checklist.version})\n\n${table(rows)}\n`);
  return EXIT.ok;
}
