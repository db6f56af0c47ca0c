import { emptyAnswers, lastAnsweredAt, type Answers, type Respondent } from '../answers/model.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { InputError, InterruptedError } from '../errors.js';
import type { OutputPlan } from '../files/output.js';
import { createAsk } from '../interview/ask.js';
import { isStale } from '../audit/freshness.js';
import { UNSURE } from '../checklist/vocabulary.js';
import {
  askProfile,
  estimateMinutes,
  progressOf,
  resolveDisputes,
  revisit,
  revisitUnsure,
  runInterview,
  unansweredQuestions,
  type InterviewOptions,
} from '../interview/flow.js';
import { possibleQuestions } from '../checklist/applicability.js';
import { InterviewInterrupted } from '../interview/interrupted.js';
import { AnswersStore } from '../interview/store.js';
import type { ReportFormat } from '../report/formats.js';
import { renderTerminal } from '../report/terminal.js';
import { makeStyle } from '../text/style.js';
import type { CommandContext } from './context.js';
import type { LoadedAnswers } from './inputs.js';
import { produceReport, reportDate, type ReportOptions } from './report-output.js';

/** Loaded lazily: this module pulls in inquirer. */
export interface InteractiveRun {
  checklists: readonly LoadedChecklist[];
  options: ReportOptions & { answers: string; format: ReportFormat; target: OutputPlan };
  ctx: CommandContext;
  load(): Promise<LoadedAnswers>;
  /** Applies the command-line flags and stamps checklist versions. */
  prepare(answers: Answers): void;
  /** What to type to pick up where this run stops. */
  resumeCommand: string;
  /** Ask again only the answers that are unsure or out of date. */
  refresh: boolean;
  /** Ask only the disputed questions of a merged team file, recording who decided. */
  resolve: boolean;
  /** --respondent: who answers (or, with --resolve, who decides). */
  respondent?: Respondent | undefined;
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
    if ((run.refresh || run.resolve) && !loaded.existed) {
      throw new InputError(
        `${run.resolve ? '--resolve' : '--refresh'} asks again what ${options.answers} holds, and it does not exist yet; run without it to start an interview`,
      );
    }
    answers = loaded.answers;
    store.adopt(loaded.existed ? answers : undefined);
    const ask = createAsk({
      input: ctx.io.stdin,
      output: ctx.io.stderr as unknown as NodeJS.WritableStream,
      style,
      ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
    });
    try {
      let revisitOnly = false;
      if (loaded.existed && answers.answers.size > 0 && !run.refresh && !run.resolve) {
        const last = lastAnsweredAt(answers);
        const choice = await ask.resume({ path: options.answers, ...progressOf(checklists, answers), ...(last ? { lastAt: last } : {}) });
        if (choice === 'restart') {
          const backup = store.backup();
          ctx.notice(`Previous answers kept in ${backup}`);
          answers = { ...emptyAnswers(), ...(answers.client ? { client: answers.client } : {}), ...(answers.auditor ? { auditor: answers.auditor } : {}) };
        }
        revisitOnly = choice === 'revisit';
      }
      run.prepare(answers);
      store.save(answers);
      const interview: InterviewOptions = {
        checklists,
        answers,
        ask,
        save: (a) => store.save(a),
        now: () => new Date().toISOString(),
        profileBack: true,
      };
      if (run.resolve) {
        const disputed = [...answers.answers.values()].filter((r) => r.disputed).length;
        if (!disputed) ctx.notice(`No question in ${options.answers} is disputed: nothing to resolve.`);
        else {
          const decidedBy =
            run.respondent?.name ??
            (await ask.text(`${disputed} disputed question${disputed === 1 ? '' : 's'} to decide. Who decides? (saved with each decision)`)).trim();
          await resolveDisputes({ ...interview, decidedBy });
        }
      } else if (run.refresh) {
        // Unsure answers, and answers older than their question allows on the report's day.
        const today = reportDate(ctx.io.env);
        await revisit(interview, (q, record) => record.answer === UNSURE || isStale(q, record, today));
      } else if (revisitOnly) await revisitUnsure(interview);
      else {
        await askProfile(interview, answers.profile ?? {});
        const open = unansweredQuestions(checklists, answers);
        if (open.length) {
          const progress = progressOf(checklists, answers);
          const left = possibleQuestions(
            checklists.flatMap((c) => c.questions),
            answers.profile,
            answers.answers,
          ).filter((q) => !answers!.answers.has(q.key));
          ask.opening(progress.total - progress.answered, estimateMinutes(left));
        }
        await runInterview(interview);
        const { unsure } = progressOf(checklists, answers);
        if (open.length && unsure > 0 && (await ask.revisit(unsure)) === 'revisit') await revisitUnsure(interview);
      }
    } finally {
      ask.close();
    }
    const stillOpen = unansweredQuestions(checklists, answers).length;
    ctx.notice(
      stillOpen
        ? `\nYour answers are saved in ${options.answers}; ${stillOpen} question${stillOpen === 1 ? ' is' : 's are'} still open: run \`${run.resumeCommand}\` to answer ${stillOpen === 1 ? 'it' : 'them'}.\n`
        : `\nAll done. Your answers are saved in ${options.answers}.\n`,
    );
    const toFile = options.target.kind !== 'stdout';
    const { code, report } = await produceReport({ checklists, answers, warnings: loaded.warnings }, options, toFile ? { ...ctx, notice: () => {} } : ctx);
    if (toFile) {
      ctx.out(renderTerminal(report, { style, width: ctx.io.stdout.columns ?? 80 }));
      ctx.notice(`The full report, with every fix and every answer, is in ${options.target.kind === 'stdout' ? 'stdout' : options.target.path}.`);
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
