import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { createAsk } from '../../src/interview/ask.js';
import { InterviewInterrupted } from '../../src/interview/interrupted.js';
import type { QuestionView } from '../../src/interview/flow.js';
import { makeStyle } from '../../src/text/style.js';
import { checklist } from '../helpers/build.js';
import { Capture } from '../helpers/run-cli.js';

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

  it('takes several picks for a multi question, and refuses picks mixed with an option', async () => {
    const { ask } = setup();
    const multi = ask.question(channels!, view);
    screen.keypress('space');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(multi).resolves.toEqual({ kind: 'answer', value: ['phone', 'email'] });

    const mixed = ask.question(channels!, view);
    screen.keypress('space'); // Phone
    screen.keypress('down');
    screen.keypress('down'); // Not applicable
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Pick answers, or one option below the line, not both');
    screen.keypress('space'); // untick Not applicable
    screen.keypress('enter');
    await expect(mixed).resolves.toEqual({ kind: 'answer', value: ['phone'] });
  });

  it('turns Ctrl-C into an interruption the interview understands', async () => {
    const { ask } = setup();
    const answer = ask.question(vat!, view);
    screen.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(InterviewInterrupted);
  });

  it('asks who the business sells to and which channels it runs', async () => {
    const { ask } = setup();
    const profile = ask.profile({}, { customerTypes: true, channels: true });
    expect(screen.getScreen()).toContain('Consumers (B2C)');
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Chatbot or automated chat');
    screen.keypress('enter');
    await expect(profile).resolves.toEqual({ customerTypes: ['b2c'], channels: [] });
  });
});
