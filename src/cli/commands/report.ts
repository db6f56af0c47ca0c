import { planOutput } from '../../files/output.js';
import type { CommandContext } from '../context.js';
import { answersForRun, checklistsForRun, protectedInputs, resumeCommand } from '../inputs.js';
import { chooseFormat, produceReport, type ReportOptions } from '../report-output.js';

/** `cx-audit report <answers-file> [checklist...]`: scores saved answers; never prompts. */
export async function reportCommand(answersFile: string, checklistFiles: string[], options: ReportOptions, ctx: CommandContext): Promise<number> {
  const format = chooseFormat(options.format, options.output, 'md');
  const plan = planOutput(options.output, protectedInputs({ answers: [answersFile], checklists: checklistFiles, compare: options.compare }));
  const checklists = await checklistsForRun(checklistFiles, ctx);
  const { answers, warnings } = await answersForRun(answersFile, checklists, ctx, { missing: 'error' });
  const { code, report } = await produceReport({ checklists, answers, warnings }, { ...options, format, plan }, ctx);
  if (report.counts.unanswered > 0) {
    ctx.notice(
      `${report.counts.unanswered} questions that apply have no answer yet; the score covers the answered ones. Run \`${resumeCommand(checklistFiles, answersFile)}\` to finish them.`,
    );
  }
  return code;
}
