import { existsSync } from 'node:fs';
import type { Answers, Profile } from '../../answers/model.js';
import { CHANNELS, CUSTOMER_TYPES, type Channel, type CustomerType } from '../../checklist/vocabulary.js';
import type { LoadedChecklist } from '../../checklist/model.js';
import { InputError, UsageError } from '../../errors.js';
import { planOutput } from '../../files/output.js';
import { unansweredQuestions } from '../../interview/flow.js';
import { defaultReportFile } from '../../report/formats.js';
import { didYouMean, orList } from '../../text/suggest.js';
import type { CommandContext } from '../context.js';
import { answersForRun, checklistsForRun, protectedInputs, resumeCommand } from '../inputs.js';
import { promptBlocker } from '../io.js';
import { chooseFormat, produceReport, type ReportOptions } from '../report-output.js';

export interface AuditOptions extends ReportOptions {
  answers: string;
  profile?: string;
  channels?: string;
  input: boolean;
}

function parseList<T extends string>(flag: string, value: string | undefined, known: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const item of items) {
    if (!known.includes(item as T)) {
      throw new UsageError(`${flag} does not know "${item}"; use ${orList(known)}, comma-separated${didYouMean(item, known, '. ')}`);
    }
  }
  return [...new Set(items)] as T[];
}

function profileFromFlags(options: AuditOptions): Profile {
  const customerTypes = parseList<CustomerType>('--profile', options.profile, CUSTOMER_TYPES);
  const channels = parseList<Channel>('--channels', options.channels, CHANNELS);
  if (customerTypes?.length === 0) throw new UsageError('--profile needs at least one customer type: b2c, b2b, c2c or b2g');
  return { ...(customerTypes ? { customerTypes } : {}), ...(channels ? { channels } : {}) };
}

/** Flags win over the file for this run, for the parts they give. */
function applyFlags(answers: Answers, profile: Profile, options: AuditOptions): void {
  if (options.client !== undefined) answers.client = options.client;
  if (options.auditor !== undefined) answers.auditor = options.auditor;
  if (profile.customerTypes || profile.channels) answers.profile = { ...answers.profile, ...profile };
}

function stamp(answers: Answers, checklists: readonly LoadedChecklist[]): void {
  for (const c of checklists) answers.checklists.set(c.id, { version: c.version, hash: c.hash });
}

/**
 * `cx-audit [audit] [checklist...]`: the interview on a terminal, or straight
 * to the report when answers are complete and no prompt is possible.
 */
export async function auditCommand(checklistFiles: string[], options: AuditOptions, ctx: CommandContext): Promise<number> {
  const profile = profileFromFlags(options);
  const blocker = promptBlocker(ctx.io, options.input);
  const interactive = blocker === undefined;
  const again = resumeCommand(checklistFiles, options.answers);
  const format = chooseFormat(options.format, options.output, 'md');
  const output = options.output ?? (interactive ? defaultReportFile(format) : undefined);
  const plan = planOutput(output, protectedInputs({ answers: [options.answers], checklists: checklistFiles }));
  const checklists = await checklistsForRun(checklistFiles, ctx);

  if (!interactive) {
    if (!existsSync(options.answers)) {
      throw new InputError(
        `no answers to report: ${blocker}, so cx-audit cannot ask, and ${options.answers} does not exist. Pass --answers <file> with every question answered, or run cx-audit in a terminal`,
      );
    }
    const { answers, warnings } = await answersForRun(options.answers, checklists, ctx, { missing: 'error' });
    applyFlags(answers, profile, options);
    const missing = unansweredQuestions(checklists, answers);
    if (missing.length) {
      const shown = missing.slice(0, 10).map((q) => `  ${q.key}: ${q.text}`);
      if (missing.length > 10) shown.push(`  … and ${missing.length - 10} more`);
      throw new InputError(`${missing.length} question${missing.length === 1 ? '' : 's'} in ${options.answers} still need an answer, and ${blocker}:`, {
        details: [...shown, `Answer them by running \`${again}\` in a terminal, or add them to the file (n/a and unsure are accepted).`],
      });
    }
    return (await produceReport({ checklists, answers, warnings }, { ...options, format, plan }, ctx)).code;
  }

  const { runInteractive } = await import('../interactive.js');
  return runInteractive({
    checklists,
    options: { ...options, format, plan },
    ctx,
    load: () => answersForRun(options.answers, checklists, ctx, { missing: 'empty' }),
    prepare: (answers) => {
      applyFlags(answers, profile, options);
      stamp(answers, checklists);
    },
    resumeCommand: again,
  });
}
