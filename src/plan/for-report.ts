import type { AuditInput } from '../audit/score.js';
import type { CommandContext } from '../cli/context.js';
import { diagnosticLine, readContext } from '../cli/inputs.js';
import { InputError } from '../errors.js';
import type { PlanProgress, Report } from '../generated/report.js';
import { loadPlan } from './load.js';
import { acceptedQuestions, planProgress } from './progress.js';

/** The plan given with --plan, read and set against the report; a plan for another client is refused. */
export async function loadPlanForReport(
  path: string,
  report: Report,
  input: AuditInput,
  ctx: CommandContext,
): Promise<{ progress: PlanProgress; accepted: Set<string> }> {
  const loaded = await loadPlan(path, readContext(ctx));
  if (!loaded.ok) {
    throw new InputError(`cannot use the plan ${path}:`, { details: loaded.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine) });
  }
  const { plan } = loaded;
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (plan.client && report.client && !same(plan.client, report.client)) {
    throw new InputError(`${path} is the plan of "${plan.client}", and this report is for "${report.client}"; give the plan of the same client`);
  }
  return { progress: planProgress(plan, report, input), accepted: acceptedQuestions(plan, report.date) };
}
