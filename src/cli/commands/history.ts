import { EXIT, InputError } from '../../errors.js';
import { planOutput, writeOutput } from '../../files/output.js';
import { HISTORY_FORMATS, type HistoryOptions } from '../../history/formats.js';
import { buildHistory, mixedClients, type AuditPoint } from '../../history/history.js';
import { stringifySafe } from '../../text/json.js';
import type { CommandContext } from '../context.js';
import { formatFromName, refuseBytesOnTerminal } from '../format-choice.js';
import { checklistsForRun, protectedInputs } from '../inputs.js';
import { loadAudit } from '../report-output.js';

/**
 * `cx-audit history <audits...>`: the score of one client over time, overall
 * and per checklist, with what was fixed and what got worse between
 * consecutive audits. Answers files are scored with today's checklists, so
 * every audit is measured the same way.
 */
export async function historyCommand(files: string[], options: HistoryOptions, ctx: CommandContext): Promise<number> {
  const format = formatFromName(options, { ...Object.fromEntries(HISTORY_FORMATS.map((f) => [f, f])), markdown: 'md' }, 'md');
  const checklistFiles = options.checklist ?? [];
  const target = planOutput(options.output, [
    ...protectedInputs({ checklists: checklistFiles }, ctx.config),
    ...files.map((path) => ({ path, role: 'an audit' })),
  ]);
  if (format === 'pdf') refuseBytesOnTerminal(format, target, ctx.io.stdout, 'history.pdf');
  const checklists = await checklistsForRun(checklistFiles, ctx);

  const points: AuditPoint[] = [];
  for (const file of files) {
    const { earlier, report } = await loadAudit(file, checklists, ctx, { top: 0, verb: 'cannot use the audit' });
    if (!earlier.date)
      throw new InputError(`cannot place ${file} in time: none of its answers says when it was given (an "at" date); add one, or use the report it produced`);
    points.push({ file, date: earlier.date, client: earlier.client, earlier, report });
  }
  const mixed = mixedClients(points);
  if (mixed) {
    throw new InputError('these audits are of different clients; a history follows one business:', {
      details: [...mixed].map(([client, names]) => `  "${client}": ${names.join(', ')}`),
    });
  }
  const history = buildHistory(
    points,
    checklists.map((c) => ({ id: c.id, title: c.title })),
  );
  let content: string | Uint8Array;
  if (format === 'json') content = `${stringifySafe(history)}\n`;
  else if (format === 'pdf') content = await (await import('../../report/pdf-history.js')).renderHistoryPdf(history);
  else if (format === 'html') content = (await import('../../history/html.js')).renderHistoryHtml(history);
  else content = (await import('../../history/markdown.js')).renderHistoryMarkdown(history);
  await writeOutput(target, [content], ctx.io.stdout, ctx.io.signal);
  if (target.kind !== 'stdout') ctx.notice(`History of ${points.length} audits written to ${target.path}`);
  return EXIT.ok;
}
