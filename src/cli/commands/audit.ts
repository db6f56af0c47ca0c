import { existsSync } from 'node:fs';
import type { Answers, Profile } from '../../answers/model.js';
import type { LoadedChecklist } from '../../checklist/model.js';
import { InputError, UsageError } from '../../errors.js';
import { planOutput } from '../../files/output.js';
import { unansweredQuestions } from '../../interview/flow.js';
import { defaultReportFile } from '../../report/formats.js';
import type { CommandContext } from '../context.js';
import { answersForRun, brandForRun, checklistsForRun, protectedInputs, resumeCommand } from '../inputs.js';
import { promptBlocker } from '../io.js';
import { parseRespondent } from '../../team/respondent.js';
import { profileFromFlags, type ProfileFlags } from '../profile-flags.js';
import { chooseFormat, produceReport, refuseBinaryOnTerminal, type ReportOptions } from '../report-output.js';

export interface AuditOptions extends ReportOptions, ProfileFlags {
  answers: string;
  input: boolean;
  refresh?: boolean;
  resolve?: boolean;
  respondent?: string;
}

/**
 * Flags win over the file for this run, for the parts they give; a setting of
 * the project config (`fromConfig`) is only a default, which the file's own
 * value wins over. With --resolve, --respondent names who decides, not who answered.
 */
function applyFlags(answers: Answers, options: AuditOptions, fromConfig: ReadonlySet<string> = new Set()): void {
  if (options.client !== undefined && !(fromConfig.has('client') && answers.client)) answers.client = options.client;
  if (options.respondent !== undefined && !options.resolve) answers.respondent = parseRespondent(options.respondent);
  if (options.auditor !== undefined && !(fromConfig.has('auditor') && answers.auditor)) answers.auditor = options.auditor;
  const only = (config: boolean) => Object.fromEntries(Object.entries(options).filter(([option]) => fromConfig.has(option) === config)) as ProfileFlags;
  const profile: Profile = { ...profileFromFlags(only(true)), ...answers.profile, ...profileFromFlags(only(false)) };
  if (Object.keys(profile).length) answers.profile = profile;
}

function stamp(answers: Answers, checklists: readonly LoadedChecklist[]): void {
  for (const c of checklists) answers.checklists.set(c.id, { version: c.version, hash: c.hash });
}

/**
 * `cx-audit [audit] [checklist...]`: the interview on a terminal, or straight
 * to the report when answers are complete and no prompt is possible.
 */
export async function auditCommand(checklistFiles: string[], options: AuditOptions, ctx: CommandContext): Promise<number> {
  profileFromFlags(options); // a bad profile flag stops the run before any work
  const blocker = promptBlocker(ctx.io, options.input);
  const interactive = blocker === undefined;
  const again = resumeCommand(checklistFiles, options.answers);
  const format = chooseFormat(options.format, options.output, 'md');
  const output = options.output ?? (interactive ? defaultReportFile(format) : undefined);
  const plan = planOutput(
    output,
    protectedInputs({ answers: [options.answers], checklists: checklistFiles, brand: options.brand, plan: options.plan }, ctx.config),
  );
  refuseBinaryOnTerminal(format, plan, ctx.io.stdout);
  const branding = await brandForRun(options.brand, ctx, plan);
  const checklists = await checklistsForRun(checklistFiles, ctx);

  if (!interactive) {
    if (options.refresh || options.resolve)
      throw new UsageError(`${options.resolve ? '--resolve' : '--refresh'} asks questions again, and ${blocker}; run it in a terminal`);
    if (!existsSync(options.answers)) {
      throw new InputError(
        `no answers to report: ${blocker}, so cx-audit cannot ask, and ${options.answers} does not exist. Pass --answers <file> with every question answered, or run cx-audit in a terminal`,
      );
    }
    const { answers, warnings } = await answersForRun(options.answers, checklists, ctx, { missing: 'error' });
    applyFlags(answers, options, ctx.config?.applied);
    const missing = unansweredQuestions(checklists, answers);
    if (missing.length) {
      const shown = missing.slice(0, 10).map((q) => `  ${q.key}: ${q.text}`);
      if (missing.length > 10) shown.push(`  … and ${missing.length - 10} more`);
      throw new InputError(`${missing.length} question${missing.length === 1 ? '' : 's'} in ${options.answers} still need an answer, and ${blocker}:`, {
        details: [...shown, `Answer them by running \`${again}\` in a terminal, or add them to the file (n/a and unsure are accepted).`],
      });
    }
    return (await produceReport({ checklists, answers, warnings }, { ...options, format, target: plan, branding }, ctx)).code;
  }

  const { runInteractive } = await import('../interactive.js');
  return runInteractive({
    checklists,
    options: { ...options, format, target: plan, branding },
    ctx,
    load: () => answersForRun(options.answers, checklists, ctx, { missing: 'empty' }),
    prepare: (answers) => {
      applyFlags(answers, options, ctx.config?.applied);
      stamp(answers, checklists);
    },
    resumeCommand: again,
    refresh: options.refresh === true,
    resolve: options.resolve === true,
    respondent: options.respondent === undefined ? undefined : parseRespondent(options.respondent),
  });
}
