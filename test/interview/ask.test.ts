import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it, vi } from 'vitest';
import { createAsk } from '../../src/interview/ask.js';
import type * as MenuModule from '../../src/interview/menu.js';
import { InterviewInterrupted } from '../../src/interview/interrupted.js';
import type { QuestionView } from '../../src/interview/flow.js';
import { makeStyle } from '../../src/text/style.js';
import { checklist } from '../helpers/build.js';
import { Capture } from '../helpers/run-cli.js';

// The interview's own menu runs on the same test screen as inquirer's prompts.
vi.mock('../../src/interview/menu.js', async (importOriginal) => {
  const { wrapPrompt } = await import('@inquirer/testing/vitest');
  const actual = await importOriginal<typeof MenuModule>();
  return { ...actual, menu: wrapPrompt(actual.menu) };
});

const c = checklist('shop', [
  { id: 'vat', text: 'Can a business buyer enter a VAT number?', why: 'Sole proprietors need a proper invoice.' },
  { id: 'speed', type: 'scale', text: 'How fast do you reply?' },
  {
    id: 'updates',
    type: 'choice',
    text: 'How do buyers follow an order?',
    choices: [
      { id: 'ask', label: 'They ask us', score: 0 },
      { id: 'tracking', label: 'Tracking link', score: 1 },
    ],
  },
  {
    id: 'channels',
    type: 'multi',
    text: 'Where can buyers reach you?',
    choices: [
      { id: 'phone', label: 'Phone', score: 0.5 },
      { id: 'email', label: 'Email', score: 0.5 },
    ],
  },
]);
const [vat, speed, updates, channels] = c.questions;
const view: QuestionView = {
  checklist: { index: 1, count: 7, title: 'Checkout \u001b[31mred' },
  position: { index: 3, count: 12 },
  progress: { answered: 20, total: 80 },
  canGoBack: true,
};

function setup() {
  const output = new Capture(true);
  const ask = createAsk({ input: process.stdin, output: output as unknown as NodeJS.WritableStream, style: makeStyle(false) });
  return { ask, output };
}

describe('ask.ts prompts', () => {
  it('wraps a long question and a long answer between words, each entry under its own text, on a narrow terminal', async () => {
    const output = new Capture(true);
    output.columns = 40;
    const ask = createAsk({ input: process.stdin, output: output as unknown as NodeJS.WritableStream, style: makeStyle(false) });
    const long = checklist('narrow', [
      {
        id: 'hours',
        type: 'choice',
        text: 'When can customers reach someone who can actually solve their problem?',
        choices: [
          { id: 'office', label: 'During office hours on working days only, and never at weekends', score: 0.5 },
          { id: 'always', label: 'Always', score: 1 },
        ],
      },
    ]).questions[0]!;
    const answer = ask.question(long, view);
    const lines = screen.getScreen().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(lines.slice(0, 3)).toEqual(['? When can customers reach someone who', 'can actually solve their problem?', '❯ During office hours on working days']);
    expect(lines[3]).toBe('  only, and never at weekends');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'office' });
  });

  it('shows where the person is, the answers and the extra options', async () => {
    const { ask, output } = setup();
    const answer = ask.question(vat!, view);
    expect(output.text).toBe('\nChecklist 1 of 7: Checkout red · question 3 of 12 · 25% done\n');
    expect(screen.getScreen()).toContain('Can a business buyer enter a VAT number?');
    for (const item of [
      'Yes',
      'No',
      'Not applicable to my business',
      'Unsure, I need to check',
      'Add a note…',
      'Why does this matter?',
      '← Back to the previous question',
    ]) {
      expect(screen.getScreen()).toContain(item);
    }
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'yes' });
  });

  it('offers no way back on the first question', async () => {
    const { ask } = setup();
    const answer = ask.question(vat!, { ...view, canGoBack: false });
    expect(screen.getScreen()).not.toContain('Back to the previous question');
    screen.keypress('enter');
    await answer;
  });

  it('answers n/a and unsure from the options below the line', async () => {
    const { ask } = setup();
    const na = ask.question(vat!, view);
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    await expect(na).resolves.toEqual({ kind: 'answer', value: 'n/a' });
    const unsure = ask.question(vat!, view);
    for (let i = 0; i < 3; i++) screen.keypress('down');
    screen.keypress('enter');
    await expect(unsure).resolves.toEqual({ kind: 'answer', value: 'unsure' });
  });

  it('shows why when that option is highlighted, and returns it when picked', async () => {
    const { ask } = setup();
    const answer = ask.question(vat!, view);
    for (let i = 0; i < 5; i++) screen.keypress('down');
    expect(screen.getScreen()).toContain('Sole proprietors need a proper invoice.');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'why' });
  });

  it('starts on the answer already given', async () => {
    const { ask } = setup();
    const answer = ask.question(vat!, { ...view, current: { answer: 'no' } });
    screen.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'answer', value: 'no' });
  });

  it('asks a scale from 1 to 5 and a choice by its labels', async () => {
    const { ask } = setup();
    const scale = ask.question(speed!, view);
    expect(screen.getScreen()).toContain('5  Fully');
    for (let i = 0; i < 3; i++) screen.keypress('down');
    screen.keypress('enter');
    await expect(scale).resolves.toEqual({ kind: 'answer', value: 4 });
    const choice = ask.question(updates!, view);
    expect(screen.getScreen()).toContain('Tracking link');
    screen.keypress('down');
    screen.keypress('enter');
    await expect(choice).resolves.toEqual({ kind: 'answer', value: 'tracking' });
  });

  it('takes several picks for a multi question; an option below the line is picked with Enter alone', async () => {
    const { ask } = setup();
    const multi = ask.question(channels!, view);
    screen.keypress('space');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(multi).resolves.toEqual({ kind: 'answer', value: ['phone', 'email'] });

    const na = ask.question(channels!, view);
    screen.keypress('space'); // Phone
    screen.keypress('down');
    screen.keypress('down'); // Not applicable
    screen.keypress('space');
    expect(screen.getScreen()).toContain('Press Enter to choose this; space ticks answers');
    screen.keypress('enter');
    await expect(na).resolves.toEqual({ kind: 'answer', value: 'n/a' });
  });

  it('ticks every answer with a, and never the options below the line', async () => {
    const { ask } = setup();
    const all = ask.question(channels!, view);
    screen.keypress('a');
    expect(screen.getScreen()).toMatch(/◉ Phone[\s\S]*◉ Email/);
    expect(screen.getScreen()).not.toMatch(/◉ (Not applicable|Unsure)/);
    screen.keypress('enter');
    await expect(all).resolves.toEqual({ kind: 'answer', value: ['phone', 'email'] });
  });

  it('answers with single keys: y, n, u, a number, ? for why and b for back', async () => {
    const { ask } = setup();
    for (const [key, expected] of [
      ['y', { kind: 'answer', value: 'yes' }],
      ['n', { kind: 'answer', value: 'no' }],
      ['u', { kind: 'answer', value: 'unsure' }],
      ['b', { kind: 'back' }],
    ] as const) {
      const answer = ask.question(vat!, view);
      screen.keypress(key);
      await expect(answer, key).resolves.toEqual(expected);
    }
    const why = ask.question(vat!, view);
    screen.keypress({ name: 'slash', sequence: '?', shift: true } as never);
    await expect(why).resolves.toEqual({ kind: 'why' });
    const scale = ask.question(speed!, view);
    screen.keypress('4');
    await expect(scale).resolves.toEqual({ kind: 'answer', value: 4 });
    const noBack = ask.question(vat!, { ...view, canGoBack: false });
    screen.keypress('b'); // nothing to go back to: the key does nothing
    screen.keypress('enter');
    await expect(noBack).resolves.toEqual({ kind: 'answer', value: 'yes' });
  });

  it('turns Ctrl-C into an interruption the interview understands', async () => {
    const { ask } = setup();
    const answer = ask.question(vat!, view);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(InterviewInterrupted);
  });

  it('asks each fact of the profile: types and channels as lists, the rest as yes or no', async () => {
    const { ask } = setup();
    const types = ask.profileFact('customerTypes', {});
    expect(screen.getScreen()).toContain('Consumers (B2C)');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(types).resolves.toEqual(['b2c']);
    const runs = ask.profileFact('channels', {});
    expect(screen.getScreen()).toContain('Chatbot or automated chat');
    screen.keypress('enter');
    await expect(runs).resolves.toEqual([]);
    const ships = ask.profileFact('shipsGoods', { shipsGoods: false });
    expect(screen.getScreen()).toContain('Do you send physical goods to customers');
    screen.keypress('enter'); // the current answer, No, is offered
    await expect(ships).resolves.toBe(false);
    const staff = ask.profileFact('hasStaff', {});
    screen.keypress('y');
    await expect(staff).resolves.toBe(true);
    const markets = ask.profileFact('markets', {});
    expect(screen.getScreen()).toContain('The European Union');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(markets).resolves.toEqual(['eu']);
  });

  it('opens with the count, the time, that Ctrl-C is safe, and the keys', () => {
    const { ask, output } = setup();
    ask.opening(42, 17);
    // Wrapped to the screen (80 columns when it does not say), between words.
    expect(Math.max(...output.text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    const text = output.text.replace(/\n/g, ' ');
    expect(text).toContain('42 questions for this business, about 17 minutes.');
    expect(text).toContain('Ctrl-C is safe');
    expect(text).toMatch(/y or n for yes or no.*u for unsure.*\? for why it matters.*b to go back/);
  });
});
