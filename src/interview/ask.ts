import { checkbox, input, select, Separator } from '@inquirer/prompts';
import type { Profile } from '../answers/model.js';
import type { Question } from '../checklist/model.js';
import {
  CHANNEL_TEXT,
  CHANNELS,
  CUSTOMER_TYPE_TEXT,
  CUSTOMER_TYPES,
  NOT_APPLICABLE,
  UNSURE,
  type Channel,
  type CustomerType,
} from '../checklist/vocabulary.js';
import { kindOf, type PromptSpec } from '../questions/index.js';
import { terminalSafe } from '../text/sanitize.js';
import type { Style } from '../text/style.js';
import type { Ask, QuestionResponse, QuestionView } from './flow.js';
import { InterviewInterrupted } from './interrupted.js';

/**
 * The only file that imports @inquirer/prompts: every prompt of the
 * interview, behind the `Ask` interface the flow is written against.
 */

/** The longest note or text answer the answers file takes (its schema says the same; a test checks). */
export const TEXT_MAX = 2000;

const tooLong = (value: string) =>
  value.length <= TEXT_MAX ||
  `That is ${value.length.toLocaleString('en-US')} characters; the answers file keeps at most ${TEXT_MAX.toLocaleString('en-US')}. Shorten it.`;

export interface AskContext {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  signal?: AbortSignal;
  style: Style;
}

type Meta = 'na' | 'unsure' | 'note' | 'why' | 'back';
type MenuPick = { kind: 'value'; value: string | number } | { kind: Meta };

/** Ctrl-C and SIGTERM reach us as inquirer errors; the interview knows them as one thing. */
async function ask<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new InterviewInterrupted();
    throw error;
  }
}

function header(question: Question, view: QuestionView, style: Style): string {
  const percent = view.progress.total ? Math.floor((100 * view.progress.answered) / view.progress.total) : 0;
  const where = `Checklist ${view.checklist.index} of ${view.checklist.count}: ${terminalSafe(view.checklist.title)} · question ${view.position.index} of ${view.position.count} · ${percent}% done`;
  const note = view.note ? `\n${style.dim(`Note: ${terminalSafe(view.note)}`)}` : '';
  return `\n${style.dim(where)}${note}\n`;
}

/** The entries below the answers: n/a, unsure, a note, why, back. */
function metaChoices(question: Question, view: QuestionView): { value: MenuPick; name: string; short?: string; description?: string }[] {
  const entries: { value: MenuPick; name: string; short?: string; description?: string }[] = [
    { value: { kind: 'na' }, name: 'Not applicable to my business' },
    { value: { kind: 'unsure' }, name: 'Unsure, I need to check' },
    { value: { kind: 'note' }, name: view.note || view.current?.note ? 'Edit the note…' : 'Add a note…', short: '(note)' },
  ];
  entries.push({
    value: { kind: 'why' },
    name: 'Why does this matter?',
    short: '(why?)',
    description: question.why ? terminalSafe(question.why) : 'This checklist does not say.',
  });
  if (view.canGoBack) entries.push({ value: { kind: 'back' }, name: '← Back to the previous question', short: '(back)' });
  return entries;
}

function toResponse(pick: MenuPick): QuestionResponse {
  switch (pick.kind) {
    case 'value':
      return { kind: 'answer', value: pick.value };
    case 'na':
      return { kind: 'answer', value: NOT_APPLICABLE };
    case 'unsure':
      return { kind: 'answer', value: UNSURE };
    default:
      return { kind: pick.kind };
  }
}

/** A prompt's options as menu entries, their labels made safe for the terminal. */
function answerEntries(options: readonly { value: string | number; label: string }[]): { value: MenuPick; name: string }[] {
  return options.map((o) => ({ value: { kind: 'value', value: o.value }, name: terminalSafe(o.label) }));
}

export function createAsk(ctx: AskContext): Ask {
  const context = { input: ctx.input, output: ctx.output, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  const write = (text: string) => ctx.output.write(text);

  // Ctrl-C typed in the same instant as Enter arrives in the same chunk of
  // input: the prompt resolves on Enter and never sees it. Watch the input
  // for it, and stop before the next prompt (the answer given is kept).
  let interruptTyped = false;
  const watch = (chunk: Buffer | string) => {
    if ((typeof chunk === 'string' ? chunk : chunk.toString('latin1')).includes('\u0003')) interruptTyped = true;
  };
  ctx.input.on('data', watch);
  async function prompt<T>(run: () => Promise<T>): Promise<T> {
    if (interruptTyped) throw new InterviewInterrupted();
    return ask(run);
  }

  async function single(question: Question, view: QuestionView, spec: Extract<PromptSpec, { kind: 'select' }>): Promise<QuestionResponse> {
    const answers = answerEntries(spec.options);
    const meta = metaChoices(question, view);
    const current = view.current?.answer;
    const defaultPick =
      current === NOT_APPLICABLE
        ? meta[0]!.value
        : current === UNSURE
          ? meta[1]!.value
          : answers.find((c) => c.value.kind === 'value' && c.value.value === current)?.value;
    const pick = await prompt(() =>
      select<MenuPick>(
        {
          message: terminalSafe(question.text),
          choices: [...answers, new Separator(), ...meta],
          ...(defaultPick ? { default: defaultPick } : {}),
          pageSize: answers.length + meta.length + 1,
          loop: false,
        },
        context,
      ),
    );
    return toResponse(pick);
  }

  async function multi(question: Question, view: QuestionView, spec: Extract<PromptSpec, { kind: 'checkbox' }>): Promise<QuestionResponse> {
    const current = view.current?.answer;
    const picked = new Set(Array.isArray(current) ? current : []);
    const meta = metaChoices(question, view);
    const answers = answerEntries(spec.options).map((c) => ({ ...c, checked: c.value.kind === 'value' && picked.has(String(c.value.value)) }));
    const picks = await prompt(() =>
      checkbox<MenuPick>(
        {
          message: `${terminalSafe(question.text)} (${spec.hint})`,
          choices: [...answers, new Separator(), ...meta],
          pageSize: answers.length + meta.length + 1,
          loop: false,
          validate: (chosen) => {
            const metas = chosen.filter((c) => c.value.kind !== 'value');
            if (metas.length > 1 || (metas.length === 1 && chosen.length > 1)) {
              return 'Pick answers, or one option below the line, not both';
            }
            return true;
          },
        },
        context,
      ),
    );
    const metaPick = picks.find((p) => p.kind !== 'value');
    if (metaPick) return toResponse(metaPick);
    return { kind: 'answer', value: picks.map((p) => String((p as { value: string }).value)) };
  }

  async function typed(question: Question, view: QuestionView, spec: Extract<PromptSpec, { kind: 'input' }>): Promise<QuestionResponse> {
    const current = view.current?.answer;
    const value = await prompt(() =>
      input(
        {
          message: `${terminalSafe(question.text)} (${view.canGoBack ? '< goes back, ' : ''}? shows why, n/a or unsure work too)`,
          ...(typeof current === 'string' ? { default: terminalSafe(current) } : {}),
          required: true,
          validate: (typedText: string) => {
            if (['?', '<', NOT_APPLICABLE, UNSURE].includes(typedText.trim())) return true;
            const parsed = spec.parse(typedText);
            return 'error' in parsed ? parsed.error : tooLong(typedText);
          },
        },
        context,
      ),
    );
    const trimmed = value.trim();
    if (trimmed === '?') return { kind: 'why' };
    if (trimmed === '<' && view.canGoBack) return { kind: 'back' };
    if (trimmed === NOT_APPLICABLE || trimmed === UNSURE) return { kind: 'answer', value: trimmed };
    const parsed = spec.parse(value);
    return { kind: 'answer', value: 'value' in parsed ? parsed.value : trimmed };
  }

  return {
    async resume(summary) {
      const last = summary.lastAt ? `, last on ${summary.lastAt.slice(0, 10)}` : '';
      return prompt(() =>
        select<'resume' | 'restart'>(
          {
            message: `${terminalSafe(summary.path)} already holds ${summary.answered} of ${summary.total} answers${last}.`,
            choices: [
              { value: 'resume', name: 'Resume where I left off' },
              {
                value: 'restart',
                name: 'Start over',
                description: `The current answers are kept as a numbered backup (${terminalSafe(summary.path)}.1.bak, .2.bak…)`,
              },
            ],
          },
          context,
        ),
      );
    },

    async profile(defaults: Profile, which) {
      let customerTypes = defaults.customerTypes ?? [];
      let channels = defaults.channels ?? [];
      if (which.customerTypes) {
        customerTypes = await prompt(() =>
          checkbox<CustomerType>(
            {
              message: 'Who do you sell to? Questions that do not concern them are skipped.',
              choices: CUSTOMER_TYPES.map((t) => ({ value: t, name: CUSTOMER_TYPE_TEXT[t].label, checked: customerTypes.includes(t) })),
              required: true,
            },
            context,
          ),
        );
      }
      if (which.channels) {
        channels = await prompt(() =>
          checkbox<Channel>(
            {
              message: 'Which of these do you run? Questions about the others are skipped.',
              choices: CHANNELS.map((c) => ({ value: c, name: CHANNEL_TEXT[c].label, checked: channels.includes(c) })),
              pageSize: CHANNELS.length,
            },
            context,
          ),
        );
      }
      return { customerTypes, channels };
    },

    async question(question, view) {
      write(header(question, view, ctx.style));
      const spec = kindOf(question).prompt(question);
      if (spec.kind === 'checkbox') return multi(question, view, spec);
      if (spec.kind === 'input') return typed(question, view, spec);
      return single(question, view, spec);
    },

    async note(_question, current) {
      return prompt(() =>
        input(
          { message: 'Note (saved with your answer; empty to remove it):', ...(current ? { default: terminalSafe(current) } : {}), validate: tooLong },
          context,
        ),
      );
    },

    close() {
      ctx.input.removeListener('data', watch);
    },

    show(textToShow) {
      write(`\n${ctx.style.bold('Why it matters:')} ${terminalSafe(textToShow)}\n`);
    },
  };
}
