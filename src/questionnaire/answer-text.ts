import type { AnswerValue } from '../answers/model.js';
import type { Question } from '../checklist/model.js';
import { NOT_APPLICABLE, UNSURE } from '../checklist/vocabulary.js';
import { kindOf } from '../questions/index.js';
import { didYouMean, orList } from '../text/suggest.js';

/**
 * Answers as a spreadsheet shows them, and back. A sheet has no menu of
 * ids: people pick "3 – Partly" from a drop-down or type "Live chat", so
 * every question's answers get a text to show and the texts people may
 * write are read back to the answer values of an answers file. What a
 * question takes comes from its kind's prompt (questions/), never from its
 * type.
 */

/** One answer a person can pick: its value in the answers file, what the sheet shows, and its label in the interview. */
interface AnswerOption {
  value: string | number;
  text: string;
  label: string;
}

/** How a question is answered in a sheet: one answer from a list, any of a list, or free text. */
export type AnswerForm =
  | { kind: 'one'; options: AnswerOption[] }
  | { kind: 'any'; options: AnswerOption[] }
  | { kind: 'free'; parse(text: string): { value: AnswerValue } | { error: string } };

type Reading = { value: AnswerValue } | { error: string };

/** Answers every question takes besides its own, as the sheet writes them, and the other spellings read as them. */
const OTHER_ANSWERS = [
  { value: NOT_APPLICABLE, text: 'Not applicable', spellings: ['n/a', 'na', 'not applicable', 'does not apply'] },
  { value: UNSURE, text: 'Unsure', spellings: ['unsure', 'not sure', "don't know"] },
] as const;

/** What "none of them" is written as in a multiple-answer cell. */
const NONE = ['none', 'none of these', '-'];

/** Text compared loosely: case, accents' composition, punctuation and spacing do not matter ("3 - partly" is "3 – Partly"). */
function loose(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * "1 – Not at all" from the interview's "1  Not at all", whose double space
 * lines up a terminal menu; a text that two options share gets its value
 * added, so each item of a drop-down stands for one answer.
 */
function optionsOf(options: readonly { value: string | number; label: string }[]): AnswerOption[] {
  const texts = options.map((o) => o.label.trim().replace(/\s{2,}/g, ' – '));
  return options.map((o, i) => {
    const text = texts[i]!;
    return { value: o.value, label: o.label, text: texts.indexOf(text) === texts.lastIndexOf(text) ? text : `${text} (${String(o.value)})` };
  });
}

/** How a question is answered in a sheet, from what its kind's interview prompt offers. */
export function answerForm(question: Question): AnswerForm {
  const prompt = kindOf(question).prompt(question);
  if (prompt.kind === 'select') return { kind: 'one', options: optionsOf(prompt.options) };
  if (prompt.kind === 'checkbox') return { kind: 'any', options: optionsOf(prompt.options) };
  return { kind: 'free', parse: (input: string) => prompt.parse(input) };
}

/** The items of the drop-down of a one-answer question, n/a and unsure last; undefined when the cell takes free text. */
export function dropDownItems(form: AnswerForm): string[] | undefined {
  return form.kind === 'one' ? [...form.options.map((o) => o.text), ...OTHER_ANSWERS.map((o) => o.text)] : undefined;
}

/** "phone, chat (Live chat)": an id, with its label when the label says more than the id. */
function idWithLabel(option: AnswerOption): string {
  const id = String(option.value);
  return loose(id) === loose(option.label) ? id : `${id} (${option.label})`;
}

const OTHERS_TEXT = OTHER_ANSWERS.map((o) => o.text).join(', ');

/** What the "How to answer" column says: the allowed answers, the same in a workbook and in CSV. */
export function howToAnswer(form: AnswerForm): string {
  if (form.kind === 'one') return `One of: ${form.options.map((o) => o.text).join(', ')}, ${OTHERS_TEXT}.`;
  if (form.kind === 'any')
    return `All that apply, separated by commas (the ids or the labels): ${form.options.map(idWithLabel).join(', ')}. Or none, ${OTHERS_TEXT}.`;
  return `Free text. Or ${OTHERS_TEXT}.`;
}

/** The text a sheet shows for one answer value of a question, such as a value a follow-up's condition tests. */
export function answerText(form: AnswerForm, value: string | number): string {
  return form.kind === 'free' ? String(value) : (form.options.find((o) => o.value === value)?.text ?? String(value));
}

/** The options a text names: by what the sheet shows, the interview's label or the value itself. */
function matching(options: readonly AnswerOption[], text: string): AnswerOption[] {
  const wanted = loose(text);
  if (!wanted) return [];
  return options.filter((o) => loose(o.text) === wanted || loose(o.label) === wanted || loose(String(o.value)) === wanted);
}

function otherAnswer(text: string): string | undefined {
  const wanted = loose(text);
  return OTHER_ANSWERS.find((o) => loose(o.text) === wanted || o.spellings.some((s) => loose(s) === wanted))?.value;
}

function readOne(options: readonly AnswerOption[], text: string): Reading {
  const found = matching(options, text);
  if (found.length === 1) return { value: found[0]!.value };
  const allowed = [...options.map((o) => o.text), ...OTHER_ANSWERS.map((o) => o.text)];
  if (found.length > 1) return { error: `it could be ${orList(found.map((o) => o.text))}; pick one from the list` };
  return { error: `pick one of ${orList(allowed)}${didYouMean(text, allowed)}` };
}

/** What separates the choices of a multiple-answer cell. */
const SEPARATORS = /[,;\n]/;

/**
 * Any of the choices, separated by commas (semicolons and line breaks work
 * too). A label with a comma in it ("Email, within a day") is found by
 * joining neighbouring parts, at most as many as the longest label has; a
 * choice that is itself called "none" wins over "none of them".
 */
function readAny(options: readonly AnswerOption[], text: string): Reading {
  const whole = matching(options, text);
  if (whole.length === 1) return { value: [String(whole[0]!.value)] };
  if (NONE.includes(loose(text)) || NONE.includes(text.trim())) return { value: [] };
  const parts = text.split(SEPARATORS).map((p) => p.trim());
  const span = Math.max(1, ...options.flatMap((o) => [o.text.split(SEPARATORS).length, o.label.split(SEPARATORS).length]));
  const picked = new Set<string | number>();
  for (let i = 0; i < parts.length;) {
    if (!parts[i]) {
      i++;
      continue;
    }
    let end = Math.min(parts.length, i + span);
    let found: AnswerOption[] = [];
    for (; end > i; end--) {
      found = matching(options, parts.slice(i, end).join(', '));
      if (found.length) break;
    }
    const ids = options.map((o) => String(o.value));
    if (found.length !== 1) {
      const why = found.length ? `could be ${orList(found.map((o) => String(o.value)))}` : 'is not one of its choices';
      return { error: `"${parts[i]}" ${why}; write any of ${orList(ids)} (or their labels), separated by commas, or none${didYouMean(parts[i]!, ids)}` };
    }
    picked.add(found[0]!.value);
    i = end;
  }
  // In the checklist's order, whatever order they were written in: the file reads the same for the same answers.
  return { value: options.filter((o) => picked.has(o.value)).map((o) => String(o.value)) };
}

/**
 * The answer value a cell's text stands for, or why it stands for none, in
 * words that say what to write instead. The text is not empty.
 */
export function readAnswer(form: AnswerForm, text: string): Reading {
  const other = otherAnswer(text);
  if (other !== undefined) return { value: other };
  if (form.kind === 'one') return readOne(form.options, text);
  if (form.kind === 'any') return readAny(form.options, text);
  return form.parse(text);
}
