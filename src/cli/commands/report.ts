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
  const open = report.coverage.unanswered + report.coverage.unsure + report.coverage.stale;
  if (open > 0) {
    const consequence = report.score.low === null ? 'there is no score yet' : 'the score is a range';
    ctx.notice(
      `${open} question${open === 1 ? '' : 's'} that apply ${open === 1 ? 'is' : 'are'} not answered for sure yet, so ${consequence}. Run \`${resumeCommand(checklistFiles, answersFile)}\` to finish them.`,
    );
  }
  return code;
}
