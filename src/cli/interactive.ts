import { emptyAnswers, lastAnsweredAt, type Answers } from '../answers/model.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { InterruptedError } from '../errors.js';
import type { OutputPlan } from '../files/output.js';
import { createAsk } from '../interview/ask.js';
import { askProfile, progressOf, runInterview, type InterviewOptions } from '../interview/flow.js';
import { InterviewInterrupted } from '../interview/interrupted.js';
import { AnswersStore } from '../interview/store.js';
import type { ReportFormat } from '../report/formats.js';
import { renderTerminal } from '../report/terminal.js';
import { makeStyle } from '../text/style.js';
import type { CommandContext } from './context.js';
import type { LoadedAnswers } from './inputs.js';
import { produceReport, type ReportOptions } from './report-output.js';

/** Loaded lazily: this module pulls in inquirer. */
export interface InteractiveRun {
  checklists: readonly LoadedChecklist[];
  options: ReportOptions & { answers: string; format: ReportFormat; plan: OutputPlan };
  ctx: CommandContext;
  load(): Promise<LoadedAnswers>;
  /** Applies the command-line flags and stamps checklist versions. */
  prepare(answers: Answers): void;
  /** What to type to pick up where this run stops. */
  resumeCommand: string;
}

/** The interview on a terminal, then the report; every answer saved as it is given. */
export async function runInteractive(run: InteractiveRun): Promise<number> {
  const { checklists, options, ctx } = run;
  const style = makeStyle(ctx.color);
  const store = new AnswersStore(options.answers, checklists, { onMerge: (message) => ctx.notice(message) });
  store.lock();
  let answers: Answers | undefined;
  try {
    const loaded = await run.load();
    answers = loaded.answers;
    store.adopt(loaded.existed ? answers : undefined);
    const ask = createAsk({
      input: ctx.io.stdin,
      output: ctx.io.stderr as unknown as NodeJS.WritableStream,
      style,
      ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
    });
    try {
      if (loaded.existed && answers.answers.size > 0) {
        const last = lastAnsweredAt(answers);
        const choice = await ask.resume({ path: options.answers, ...progressOf(checklists, answers), ...(last ? { lastAt: last } : {}) });
        if (choice === 'restart') {
          const backup = store.backup();
          ctx.notice(`Previous answers kept in ${backup}`);
          answers = { ...emptyAnswers(), ...(answers.client ? { client: answers.client } : {}), ...(answers.auditor ? { auditor: answers.auditor } : {}) };
        }
      }
      run.prepare(answers);
      store.save(answers);
      const interview: InterviewOptions = {
        checklists,
        answers,
        ask,
        save: (a) => store.save(a),
        now: () => new Date().toISOString(),
      };
      await askProfile(interview, answers.profile ?? {});
      await runInterview(interview);
    } finally {
      ask.close();
    }
    ctx.notice(`\nAll done. Your answers are saved in ${options.answers}.\n`);
    const toFile = options.plan.kind !== 'stdout';
    const { code, report } = await produceReport({ checklists, answers, warnings: loaded.warnings }, options, toFile ? { ...ctx, notice: () => {} } : ctx);
    if (toFile) {
      ctx.out(renderTerminal(report, { style, width: ctx.io.stdout.columns ?? 80 }));
      ctx.notice(`The full report, with every fix and every answer, is in ${options.plan.kind === 'stdout' ? 'stdout' : options.plan.path}.`);
    }
    return code;
  } catch (error) {
    if (error instanceof InterviewInterrupted || error instanceof InterruptedError) {
      const count = answers?.answers.size ?? 0;
      throw new InterruptedError(
        `interrupted. ${count} answer${count === 1 ? ' is' : 's are'} saved in ${options.answers}; run \`${run.resumeCommand}\` to resume.`,
      );
    }
    throw error;
  } finally {
    store.release();
  }
}
