import { loadAnswers } from '../../answers/load.js';
import { InputError } from '../../errors.js';
import { checklistsForRun } from '../load-checklists.js';
import type { CommandContext } from '../main.js';
import { assertWritable, diagnosticLine, produceReport, type ReportOptions } from '../report-output.js';

/** `cx-audit report <answers-file> [checklist...]`: scores saved answers; never prompts. */
export async function reportCommand(answersFile: string, checklistFiles: string[], options: ReportOptions, ctx: CommandContext): Promise<number> {
  assertWritable(options.output);
  const checklists = checklistsForRun(checklistFiles);
  const loaded = loadAnswers(answersFile, checklists);
  if (!loaded.ok) {
    const verb = loaded.unreadable ? 'cannot read' : 'cannot use';
    throw new InputError(`${verb} the answers file ${answersFile}:`, { details: loaded.diagnostics.map(diagnosticLine) });
  }
  for (const d of loaded.diagnostics) ctx.notice(diagnosticLine(d));
  const { code, report } = produceReport(
    { checklists, answers: loaded.answers, warnings: loaded.diagnostics.map((d) => d.message) },
    options,
    ctx,
  );
  if (report.counts.unanswered > 0) {
    ctx.notice(`${report.counts.unanswered} questions that apply have no answer yet; the score covers the answered ones. Run \`cx-audit --answers ${answersFile}\` to finish them.`);
  }
  return code;
}
