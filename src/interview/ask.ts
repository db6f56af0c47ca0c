import { checkbox, input, select } from '@inquirer/prompts';
import { stripVTControlCharacters, styleText } from 'node:util';
import type { AnswerValue, Profile } from '../answers/model.js';
import type { Question } from '../checklist/model.js';
import {
  CHANNEL_TEXT,
  CHANNELS,
  CUSTOMER_TYPE_TEXT,
  CUSTOMER_TYPES,
  MARKET_TEXT,
  MARKETS,
  NOT_APPLICABLE,
  UNSURE,
  type Channel,
  type CustomerType,
  type Market,
} from '../checklist/vocabulary.js';
import { kindOf, type PromptSpec } from '../questions/index.js';
import { terminalSafe } from '../text/sanitize.js';
import type { Style } from '../text/style.js';
import { wrap } from '../text/wrap.js';
import type { Ask, ProfileFact, QuestionResponse, QuestionView } from './flow.js';
import { InterviewInterrupted } from './interrupted.js';
import { menu, type MenuEntry, type MenuResult } from './menu.js';

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

/** A teammate's answer as the menu would show it. */
function voteLabel(question: Question, value: AnswerValue): string {
  if (value === NOT_APPLICABLE) return 'Not applicable';
  if (value === UNSURE) return 'Unsure';
  return kindOf(question).label(question, value);
}

function header(question: Question, view: QuestionView, style: Style): string {
  const percent = view.progress.total ? Math.floor((100 * view.progress.answered) / view.progress.total) : 0;
  const where = `Checklist ${view.checklist.index} of ${view.checklist.count}: ${terminalSafe(view.checklist.title)} · question ${view.position.index} of ${view.position.count} · ${percent}% done`;
  const note = view.note ? `\n${style.dim(`Note: ${terminalSafe(view.note)}`)}` : '';
  const votes = view.votes?.length
    ? `\n${style.bold('Your team answered:')}\n${view.votes
        .map((v) => `  ${terminalSafe(v.respondent)}: ${terminalSafe(voteLabel(question, v.answer))}${v.note ? ` (${terminalSafe(v.note)})` : ''}`)
        .join('\n')}`
    : '';
  return `\n${style.dim(where)}${note}${votes}\n`;
}

/** The entries below the answers: n/a, unsure, a note, why, back, with their keys. */
function metaChoices(question: Question, view: QuestionView): MenuEntry<MenuPick>[] {
  const entries: MenuEntry<MenuPick>[] = [
    { value: { kind: 'na' }, name: 'Not applicable to my business', short: 'Not applicable' },
    { value: { kind: 'unsure' }, name: 'Unsure, I need to check', short: 'Unsure', key: 'u' },
    { value: { kind: 'note' }, name: view.note || view.current?.note ? 'Edit the note…' : 'Add a note…', short: '(note)' },
  ];
  entries.push({
    value: { kind: 'why' },
    name: 'Why does this matter?',
    short: '(why?)',
    key: '?',
    description: question.why ? terminalSafe(question.why) : 'This checklist does not say.',
  });
  if (view.canGoBack) entries.push({ value: { kind: 'back' }, name: view.backLabel ?? '← Back to the previous question', short: '(back)', key: 'b' });
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

/** Keys that answer at once: y and n for yes and no. */
const ANSWER_KEYS: Record<string, string> = { yes: 'y', no: 'n' };

/** A prompt's options as menu entries, their labels made safe for the terminal. */
function answerEntries(options: readonly { value: string | number; label: string }[]): MenuEntry<MenuPick>[] {
  return options.map((o) => {
    const key = typeof o.value === 'string' ? ANSWER_KEYS[o.value] : undefined;
    return { value: { kind: 'value', value: o.value }, name: terminalSafe(o.label), ...(key ? { key } : {}) };
  });
}

/** What the menu returned, as the interview knows it. */
function fromMenu(result: MenuResult<MenuPick>, multiple: boolean): QuestionResponse {
  if (result.kind === 'action') return toResponse(result.value);
  if (!multiple) return toResponse(result.values[0]!);
  return { kind: 'answer', value: result.values.map((p) => String((p as { value: string | number }).value)) };
}

export function createAsk(ctx: AskContext): Ask {
  const context = { input: ctx.input, output: ctx.output, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  /**
   * A prompt's message broken between words to the terminal's width (after
   * the "? " in front of it): inquirer breaks long lines at the last column,
   * mid-word.
   */
  const columns = (): number => Math.max(20, (ctx.output as { columns?: number }).columns ?? 80);
  const fit = (message: string): string => (message.length > columns() - 2 ? wrap(message, columns() - 2).join('\n') : message);
  /**
   * A prompt's message, fitted, and a theme that puts the chosen answer on a
   * line of its own when "✔ message answer" would run past the edge.
   */
  const fitted = (message: string) => {
    const text = fit(message);
    const last = text.length - text.lastIndexOf('\n') - 1;
    const answer = (chosen: string): string => {
      const plain = stripVTControlCharacters(chosen);
      if (last + 3 + plain.length <= columns()) return styleText('cyan', chosen);
      return `\n${wrap(plain, columns())
        .map((l) => styleText('cyan', l))
        .join('\n')}`;
    };
    return { message: text, theme: { style: { answer } }, width: columns() };
  };
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
    const start =
      current === NOT_APPLICABLE
        ? answers.length
        : current === UNSURE
          ? answers.length + 1
          : answers.findIndex((c) => c.value.kind === 'value' && c.value.value === current);
    const result = await prompt(() =>
      menu<MenuPick>({ ...fitted(terminalSafe(question.text)), answers, actions: meta, multiple: false, ...(start >= 0 ? { start } : {}) }, context),
    );
    return fromMenu(result, false);
  }

  async function multi(question: Question, view: QuestionView, spec: Extract<PromptSpec, { kind: 'checkbox' }>): Promise<QuestionResponse> {
    const current = view.current?.answer;
    const picked = new Set(Array.isArray(current) ? current : []);
    const answers = answerEntries(spec.options).map((c) => ({ ...c, checked: c.value.kind === 'value' && picked.has(String(c.value.value)) }));
    const result = await prompt(() =>
      menu<MenuPick>({ ...fitted(`${terminalSafe(question.text)} (${spec.hint})`), answers, actions: metaChoices(question, view), multiple: true }, context),
    );
    return fromMenu(result, true);
  }

  async function typed(question: Question, view: QuestionView, spec: Extract<PromptSpec, { kind: 'input' }>): Promise<QuestionResponse> {
    const current = view.current?.answer;
    const value = await prompt(() =>
      input(
        {
          ...fitted(`${terminalSafe(question.text)} (${view.canGoBack ? '< goes back, ' : ''}? shows why, n/a or unsure work too)`),
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

  /** A yes/no fact of the profile, with y and n as keys. */
  async function yesNo(message: string, current: boolean | undefined): Promise<boolean> {
    const result = await prompt(() =>
      menu<boolean>(
        {
          ...fitted(message),
          answers: [
            { value: true, name: 'Yes', key: 'y' },
            { value: false, name: 'No', key: 'n' },
          ],
          actions: [],
          multiple: false,
          start: current === false ? 1 : 0,
        },
        context,
      ),
    );
    return result.kind === 'answers' ? result.values[0]! : true;
  }

  async function askFact(fact: ProfileFact, current: Profile): Promise<Profile[ProfileFact]> {
    switch (fact) {
      case 'customerTypes':
        return prompt(() =>
          checkbox<CustomerType>(
            {
              ...fitted('Who do you sell to? Questions that do not concern them are skipped.'),
              choices: CUSTOMER_TYPES.map((t) => ({ value: t, name: CUSTOMER_TYPE_TEXT[t].label, checked: current.customerTypes?.includes(t) ?? false })),
              required: true,
            },
            context,
          ),
        );
      case 'soleProprietors':
        return yesNo('Do some of your buyers buy for a one-person business or as freelancers, and need a VAT number on the invoice?', current.soleProprietors);
      case 'channels':
        return prompt(() =>
          checkbox<Channel>(
            {
              ...fitted('Which of these do you run? Questions about the others are skipped.'),
              choices: CHANNELS.map((c) => ({ value: c, name: CHANNEL_TEXT[c].label, checked: current.channels?.includes(c) ?? false })),
              pageSize: CHANNELS.length,
            },
            context,
          ),
        );
      case 'shipsGoods':
        return yesNo('Do you send physical goods to customers (parcels, deliveries)?', current.shipsGoods);
      case 'hasStaff':
        return yesNo('Does anyone besides you deal with customers or their orders (staff, family, freelancers)?', current.hasStaff);
      case 'outsideSupport':
        return yesNo('Does an outside service answer customers for you (a call centre, an agency, a support contractor)?', current.outsideSupport);
      case 'markets':
        return prompt(() =>
          checkbox<Market>(
            {
              ...fitted('Where are your customers? Legal questions follow the rules of these markets.'),
              choices: MARKETS.map((m) => ({ value: m, name: MARKET_TEXT[m].label, checked: current.markets?.includes(m) ?? false })),
              required: true,
            },
            context,
          ),
        );
    }
  }

  return {
    async resume(summary) {
      const last = summary.lastAt ? `, last on ${summary.lastAt.slice(0, 10)}` : '';
      const open = summary.total - summary.answered;
      const choices: { value: 'resume' | 'revisit' | 'restart'; name: string; description?: string }[] = [];
      if (open > 0) choices.push({ value: 'resume', name: 'Resume where I left off' });
      if (summary.unsure > 0) choices.push({ value: 'revisit', name: `Revisit the ${summary.unsure} unsure answer${summary.unsure === 1 ? '' : 's'} only` });
      if (open === 0) choices.push({ value: 'resume', name: 'Keep these answers and write the report' });
      choices.push({
        value: 'restart',
        name: 'Start over',
        description: `The current answers are kept as a numbered backup (${terminalSafe(summary.path)}.1.bak, .2.bak…)`,
      });
      return prompt(() =>
        select<'resume' | 'revisit' | 'restart'>(
          { message: `${terminalSafe(summary.path)} already holds ${summary.answered} of ${summary.total} answers${last}.`, choices },
          context,
        ),
      );
    },

    async profileFact(fact, current) {
      return (await askFact(fact, current)) as never;
    },

    opening(count, minutes) {
      const width = Math.max(40, Math.min((ctx.output as { columns?: number }).columns ?? 80, 100));
      const lines = [
        ...wrap(
          `${count} questions for this business, about ${minutes} minute${minutes === 1 ? '' : 's'}. Every answer is saved as you give it: Ctrl-C is safe, and the same command picks up where you stopped.`,
          width,
        ),
        ...wrap(
          'Keys: ↑↓ and Enter to answer; y or n for yes or no, a number for a scale, u for unsure, ? for why it matters, b to go back; in a list, space ticks and a ticks every answer.',
          width,
        ).map((line) => ctx.style.dim(line)),
      ];
      write(`\n${lines.join('\n')}\n`);
    },

    async text(message) {
      return prompt(() =>
        input(
          { message: terminalSafe(message), required: true, validate: (value: string) => value.trim().length <= 200 || 'Keep it to 200 characters' },
          context,
        ),
      );
    },

    async revisit(unsure) {
      return prompt(() =>
        select<'revisit' | 'finish'>(
          {
            message: `You marked ${unsure} answer${unsure === 1 ? '' : 's'} unsure. Go through ${unsure === 1 ? 'it' : 'them'} again now?`,
            choices: [
              { value: 'revisit', name: `Revisit the ${unsure} unsure answer${unsure === 1 ? '' : 's'}` },
              { value: 'finish', name: 'Finish and write the report (they stay unsure: the score is a range)' },
            ],
          },
          context,
        ),
      );
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
      const label = 'Why it matters:';
      const [first = '', ...rest] = fit(`${label} ${terminalSafe(textToShow)}`).split('\n');
      write(`\n${ctx.style.bold(label)}${first.slice(label.length)}\n${rest.map((l) => `${l}\n`).join('')}`);
    },
  };
}
