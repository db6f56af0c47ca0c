import { CHANNELS, CUSTOMER_TYPES } from '../../checklist/vocabulary.js';
import { EXIT, UsageError } from '../../errors.js';
import { stringifySafe } from '../../text/json.js';
import { oneLine } from '../../text/sanitize.js';
import { didYouMean } from '../../text/suggest.js';
import { checklistsForRun } from '../inputs.js';
import type { CommandContext } from '../context.js';

export interface ListOptions {
  format: 'text' | 'json';
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

/** `cx-audit list [checklist]`: the built-in checklists, or the questions of one. */
export async function listCommand(id: string | undefined, options: ListOptions, ctx: CommandContext): Promise<number> {
  const checklists = await checklistsForRun([], ctx);
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
  if (!checklist) {
    throw new UsageError(
      `there is no built-in checklist "${id}"; \`cx-audit list\` shows them all${didYouMean(
        id,
        checklists.map((c) => c.id),
        '. ',
      )}`,
    );
  }
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
