import { styleText } from 'node:util';
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  usePagination,
  usePrefix,
  useState,
  useKeypress,
  type KeypressEvent,
} from '@inquirer/core';
import { wrap } from '../text/wrap.js';
import figures from '@inquirer/figures';

/**
 * The interview's one menu: the answers of a question above a line, what
 * else the person can do below it (n/a, unsure, a note, why, back), and
 * single keys for the common picks. Inquirer's select and checkbox could not
 * do both: the checkbox's `a` ticked the options below the line too, and
 * neither takes a key that answers at once.
 */

export interface MenuEntry<V> {
  value: V;
  name: string;
  /** Shown after the prompt once answered. */
  short?: string;
  /** Shown under the menu while the entry is highlighted. */
  description?: string;
  /** A key that picks it at once, such as "y". */
  key?: string;
  /** Ticked at the start (a multi question's earlier answer). */
  checked?: boolean;
}

export interface MenuConfig<V> {
  message: string;
  /** The answers, above the line. */
  answers: readonly MenuEntry<V>[];
  /** What else the person can do, below the line: picking one ends the prompt. */
  actions: readonly MenuEntry<V>[];
  /** Several answers may be ticked (space, `a` for all, `i` to invert), and Enter takes them. */
  multiple: boolean;
  /** Index into answers then actions of the entry highlighted first. */
  start?: number;
  /** The terminal's width: longer entries wrap between words, under their text. */
  width?: number;
  /** How the chosen answer is shown once the prompt is done (inquirer's theme). */
  theme?: { style?: { answer?: (text: string) => string } };
}

/** An answer or the answers ticked, or an action below the line. */
export type MenuResult<V> = { kind: 'answers'; values: V[] } | { kind: 'action'; value: V };

const LINE = '─'.repeat(12);

/** The key as typed, one character, any case: "y", "?", "3". */
function typed(key: KeypressEvent): string {
  const sequence = (key as KeypressEvent & { sequence?: string }).sequence;
  return (sequence?.length === 1 ? sequence : (key.name ?? '')).toLowerCase();
}

/** Hides the cursor while the menu is up; inquirer shows it again when the prompt ends. */
const CURSOR_HIDE = '\u001b[?25l';

export const menu = createPrompt(<V>(config: MenuConfig<V>, done: (result: MenuResult<V>) => void) => {
  const theme = makeTheme(config.theme ?? {});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const entries = [...config.answers, ...config.actions];
  const split = config.answers.length;
  const [active, setActive] = useState(Math.min(Math.max(config.start ?? 0, 0), entries.length - 1));
  const [ticked, setTicked] = useState<boolean[]>(config.answers.map((a) => a.checked ?? false));
  const [error, setError] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState('');

  const finish = (result: MenuResult<V>, shown: string) => {
    setAnswer(shown);
    setStatus('done');
    done(result);
  };
  const pickAction = (index: number) => {
    const entry = entries[index]!;
    finish({ kind: 'action', value: entry.value }, entry.short ?? entry.name);
  };
  const pickAnswer = (index: number) => {
    const entry = config.answers[index]!;
    finish({ kind: 'answers', values: [entry.value] }, entry.short ?? entry.name);
  };
  const submitTicked = () => {
    const picked = config.answers.filter((_, i) => ticked[i]);
    finish({ kind: 'answers', values: picked.map((e) => e.value) }, picked.length ? picked.map((e) => e.short ?? e.name).join(', ') : 'None of these');
  };

  useKeypress((key) => {
    if (status !== 'idle') return;
    setError(undefined);
    if (isEnterKey(key)) {
      if (active >= split) pickAction(active);
      else if (config.multiple) submitTicked();
      else pickAnswer(active);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      setActive(Math.min(entries.length - 1, Math.max(0, active + (isUpKey(key) ? -1 : 1))));
      return;
    }
    if (config.multiple) {
      if (isSpaceKey(key)) {
        if (active < split) setTicked(ticked.map((t, i) => (i === active ? !t : t)));
        else setError('Press Enter to choose this; space ticks answers');
        return;
      }
      if (key.name === 'a') {
        // Every answer, never the options below the line; again clears them.
        const all = ticked.some((t) => !t);
        setTicked(ticked.map(() => all));
        return;
      }
      if (key.name === 'i') {
        setTicked(ticked.map((t) => !t));
        return;
      }
    }
    if (isNumberKey(key)) {
      const index = Number(key.name) - 1;
      if (index < 0 || index >= split) return;
      if (config.multiple) {
        setActive(index);
        setTicked(ticked.map((t, i) => (i === index ? !t : t)));
      } else pickAnswer(index);
      return;
    }
    const pressed = typed(key);
    const index = entries.findIndex((e) => e.key === pressed);
    if (index === -1) return;
    if (index >= split) pickAction(index);
    else if (config.multiple) setTicked(ticked.map((t, i) => (i === index ? !t : t)));
    else pickAnswer(index);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return [prefix, message, theme.style.answer(answer)].join(' ');

  const rows: { text: string; index: number }[] = [];
  entries.forEach((entry, index) => {
    if (index === split && split > 0) rows.push({ text: ` ${styleText('dim', LINE)}`, index: -1 });
    rows.push({ text: entry.name, index });
  });
  const activeRow = rows.findIndex((r) => r.index === active);
  const page = usePagination({
    items: rows,
    active: activeRow,
    pageSize: rows.length,
    loop: false,
    renderItem({ item }) {
      if (item.index === -1) return item.text;
      const entry = entries[item.index]!;
      const cursor = item.index === active ? figures.pointer : ' ';
      const box = config.multiple && item.index < split ? `${ticked[item.index] ? figures.circleFilled : figures.circle} ` : '';
      const lead = `${cursor} ${box}`;
      const room = Math.max(10, (config.width ?? Infinity) - lead.length);
      // Only what does not fit is wrapped: a short entry keeps its spacing ("5  Fully").
      const name = entry.name.length > room ? wrap(entry.name, room).join(`\n${' '.repeat(lead.length)}`) : entry.name;
      const line = `${lead}${name}`;
      return item.index === active ? theme.style.highlight(line) : line;
    },
  });
  const description = entries[active]?.description;
  return [`${prefix} ${message}`, page, description ? styleText('cyan', description) : '', error ? theme.style.error(error) : '']
    .filter(Boolean)
    .join('\n')
    .trimEnd()
    .concat(CURSOR_HIDE);
});
