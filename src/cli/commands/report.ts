import { closeSync, openSync, readSync } from 'node:fs';
import type { Answers } from '../../answers/model.js';
import { InputError } from '../../errors.js';
import { planOutput } from '../../files/output.js';
import type { Report } from '../../generated/report.js';
import type { CommandContext } from '../context.js';
import { answersForRun, brandForRun, checklistsForRun, protectedInputs, resumeCommand } from '../inputs.js';
import { chooseFormat, produceReport, refuseBinaryOnTerminal, type ReportOptions } from '../report-output.js';

/** How much of a file the sorting of arguments reads: the top-level keys of an answers file or a checklist come early. */
const PEEK_BYTES = 64 * 1024;

/**
 * Whether a file given after the answers file is another answers file (a
 * team member's) rather than a checklist: it has `answers:` at the top level
 * and no `questions:` in its first 64 KB. Anything unreadable is left to the
 * checklist loader, which reports it.
 */
export function isAnswersFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(PEEK_BYTES);
    const text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, PEEK_BYTES, 0));
    return /^answers:/m.test(text) && !/^questions:/m.test(text);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * `cx-audit report <answers-file> [answers-file...] [checklist...]`: scores
 * saved answers; never prompts. Several answers files are a team: their
 * agreed answers are scored, and the report shows where the team disagrees.
 */
export async function reportCommand(answersFile: string, rest: string[], options: ReportOptions, ctx: CommandContext): Promise<number> {
  const members = [answersFile, ...rest.filter(isAnswersFile)];
  const checklistFiles = rest.filter((f) => !members.includes(f));
  const format = chooseFormat(options.format, options.output, 'md');
  const plan = planOutput(
    options.output,
    protectedInputs({ answers: members, checklists: checklistFiles, compare: options.compare, brand: options.brand, plan: options.plan }, ctx.config),
  );
  refuseBinaryOnTerminal(format, plan, ctx.io.stdout);
  const branding = await brandForRun(options.brand, ctx, plan);
  const checklists = await checklistsForRun(checklistFiles, ctx);

  let answers: Answers;
  let warnings: string[];
  let decorate: ((report: Report) => void) | undefined;
  if (members.length === 1) ({ answers, warnings } = await answersForRun(answersFile, checklists, ctx, { missing: 'error' }));
  else {
    const { combine, teamProblems, teamResult } = await import('../../team/team.js');
    const loaded = [];
    for (const file of members) loaded.push({ file, ...(await answersForRun(file, checklists, ctx, { missing: 'error', role: 'the answers file' })) });
    const problems = teamProblems(loaded);
    if (problems.length) throw new InputError(`cannot score these answers files as one team audit:`, { details: problems.map((p) => `  ${p}`) });
    const team = combine(loaded, checklists);
    answers = team.agreed;
    warnings = loaded.flatMap((l) => l.warnings);
    decorate = (report) => {
      report.team = teamResult(team, report, checklists);
    };
  }
  const { code, report } = await produceReport({ checklists, answers, warnings, decorate }, { ...options, format, target: plan, branding }, ctx);
  const { unanswered, unsure, stale } = report.coverage;
  const open = unanswered + unsure + stale;
  if (open > 0 && members.length === 1 && (report.score.provisional || report.score.low === null)) {
    const consequence = report.score.low === null ? 'there is no score yet' : 'the score is a range';
    // Stale and unsure answers are answered already: only --refresh asks them again.
    const command = unanswered ? resumeCommand(checklistFiles, answersFile) : `${resumeCommand(checklistFiles, answersFile)} --refresh`;
    ctx.notice(
      `${open} question${open === 1 ? ' that applies is' : 's that apply are'} not answered for sure yet, so ${consequence}. Run \`${command}\` to ${unanswered ? 'finish' : 'check'} ${open === 1 ? 'it' : 'them'}.`,
    );
  }
  return code;
}
