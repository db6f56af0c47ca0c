import { existsSync } from 'node:fs';
import { audit } from '../../audit/score.js';
import { EXIT, InputError, UsageError } from '../../errors.js';
import { planOutput, writeOutput } from '../../files/output.js';
import { loadCore } from '../../files/yaml-core.js';
import { readYamlFile } from '../../files/yaml-file.js';
import { VERSION } from '../../generated/version.js';
import type { PlanFormat } from '../../plan/formats.js';
import { loadPlan } from '../../plan/load.js';
import { planFor, type PlanFile } from '../../plan/plan.js';
import type { CommandContext } from '../context.js';
import { formatFromName } from '../format-choice.js';
import { answersForRun, checklistsForRun, diagnosticLine, protectedInputs, readContext } from '../inputs.js';
import { reportDate } from '../report-output.js';

export interface PlanOptions {
  format?: PlanFormat;
  output?: string;
}

const EXTENSIONS: Record<string, PlanFormat> = { yaml: 'yaml', yml: 'yaml', csv: 'csv', md: 'md', markdown: 'md' };

/** -f, or what the -o file's name says, or YAML; a contradiction is a usage error. */
const chooseFormat = (options: PlanOptions): PlanFormat => formatFromName(options, EXTENSIONS, 'yaml');

/** A plan file, or an error naming every problem with it. */
async function readPlan(path: string, ctx: CommandContext, role: string): Promise<{ plan: PlanFile; text: string }> {
  const loaded = await loadPlan(path, readContext(ctx));
  if (!loaded.ok) {
    throw new InputError(`cannot use ${role} ${path}:`, {
      details: [
        ...loaded.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine),
        'Fix it (cx-audit schema plan shows the format); nothing was changed.',
      ],
    });
  }
  return loaded;
}

/** Whether a YAML file is a plan rather than answers: it has actions and no answers. */
async function isPlanFile(path: string, ctx: CommandContext): Promise<boolean> {
  const read = await readYamlFile(path, { ...readContext(ctx), kind: 'file' });
  if (!read.ok || read.file.data === null || typeof read.file.data !== 'object') return false;
  const data = read.file.data as Record<string, unknown>;
  return 'actions' in data && !('answers' in data);
}

/**
 * `cx-audit plan <answers> [checklist...]`: the audit's actions as a plan
 * (YAML), or the plan at -o updated in place from these answers.
 * `cx-audit plan <plan> -f csv|md`: the plan for a tracker or as a task list.
 */
export async function planCommand(input: string, checklistFiles: string[], options: PlanOptions, ctx: CommandContext): Promise<number> {
  const format = chooseFormat(options);
  const fromPlan = existsSync(input) && (await isPlanFile(input, ctx));
  const updating = !fromPlan && format === 'yaml' && options.output !== undefined && options.output !== '-' && existsSync(options.output);
  const inputs = protectedInputs({ ...(fromPlan ? {} : { answers: [input] }), checklists: checklistFiles }, ctx.config);
  const output = planOutput(options.output, fromPlan ? [...inputs, { path: input, role: 'the plan' }] : inputs);
  const checklists = await checklistsForRun(checklistFiles, ctx);
  const today = reportDate(ctx.io.env);

  let plan: PlanFile;
  let text: string | undefined;
  if (fromPlan) {
    if (format === 'yaml')
      throw new UsageError(`${input} is a plan already; export it with -f csv or -f md, or update it with cx-audit plan <answers> -o ${input}`);
    plan = (await readPlan(input, ctx, 'the plan')).plan;
  } else {
    const existing = updating ? await readPlan(options.output!, ctx, 'the plan to update') : undefined;
    const { answers } = await answersForRun(input, checklists, ctx, { missing: 'error' });
    const report = audit({ checklists, answers, date: today, toolVersion: VERSION, top: 5 });
    const made = planFor(report, existing ? { text: existing.text, data: existing.plan } : undefined, today);
    text = made.text;
    const parsed = loadCore(made.text);
    if (!parsed.ok) throw new Error('cx-audit wrote a plan it cannot read back');
    plan = parsed.data as PlanFile;
    const { added, done, kept } = made.changes;
    if (existing) ctx.notice(`Plan updated: ${added.length} new, ${done.length} marked done (their questions are now met), ${kept} kept as they were.`);
    else if (output.kind !== 'stdout')
      ctx.notice(
        `Plan written: ${added.length} action${added.length === 1 ? '' : 's'} to do. Add owners and due dates, then run this again after the next audit to update it.`,
      );
  }

  let content: string;
  if (format === 'yaml') content = text!;
  else {
    const { planCsv, planMarkdown } = await import('../../plan/export.js');
    content = format === 'csv' ? planCsv(plan, checklists, today) : planMarkdown(plan, today);
  }
  await writeOutput(output, [content], ctx.io.stdout, ctx.io.signal);
  if (output.kind !== 'stdout' && (fromPlan || format !== 'yaml')) ctx.notice(`${format === 'csv' ? 'CSV' : 'Task list'} written to ${output.path}`);
  return EXIT.ok;
}
