import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/answers/model.js';
import { emptyAnswers } from '../../src/answers/model.js';
import { askProfile, estimateMinutes, revisitUnsure, runInterview, type InterviewOptions } from '../../src/interview/flow.js';
import { questionStamp } from '../../src/questions/stamp.js';
import { answers as answersOf, checklist } from '../helpers/build.js';
import { scriptedAsk, type Step } from '../helpers/scripted-ask.js';

const shop = checklist('shop', [
  { id: 'sells-online' },
  { id: 'vat-field', appliesTo: ['b2b'], when: { question: 'sells-online', is: 'yes' } },
  { id: 'cart', channels: ['web-shop'], when: { question: 'sells-online', is: 'yes' } },
  { id: 'store-hours', channels: ['physical-store'] },
  { id: 'delivery', type: 'scale', why: 'Late parcels cost repeat orders.' },
]);
const bot = checklist('bot', [{ id: 'says-bot' }, { id: 'handover', when: { question: 'says-bot', in: ['yes'] } }]);
/** Questions that depend on every fact of the profile. */
const facts = checklist('facts', [
  { id: 'parcel', needs: ['ships-goods'] },
  { id: 'team', needs: ['has-staff'] },
  { id: 'agency', needs: ['outside-support'] },
  { id: 'eu-law', markets: ['eu'] },
  { id: 'vat', needs: ['business-buyers'] },
]);

function interview(steps: Step[], start: Answers = emptyAnswers(), extra: Partial<Parameters<typeof scriptedAsk>[0]> = {}) {
  const script = scriptedAsk({ steps, ...extra });
  const saved: string[][] = [];
  const options: InterviewOptions = {
    checklists: [shop, bot],
    answers: start,
    ask: script.ask,
    save: (a) => saved.push([...a.answers.keys()]),
    now: () => '2026-11-23T10:00:00.000Z',
  };
  return { options, script, saved, run: () => runInterview(options) };
}

describe('the interview flow', () => {
  it('asks only what the profile and earlier answers leave in, saving after every answer', async () => {
    const start = answersOf({}, { customerTypes: ['b2c'], channels: ['web-shop'] });
    const { run, script, saved, options } = interview(
      [
        ['shop/sells-online', 'yes'],
        ['shop/cart', 'no'],
        ['shop/delivery', 4],
        ['bot/says-bot', 'no'],
      ],
      start,
    );
    await run();
    expect(script.remaining()).toBe(0);
    expect(saved).toEqual([
      ['shop/sells-online'],
      ['shop/sells-online', 'shop/cart'],
      ['shop/sells-online', 'shop/cart', 'shop/delivery'],
      ['shop/sells-online', 'shop/cart', 'shop/delivery', 'bot/says-bot'],
    ]);
    // Each answer carries the fingerprint of the question as it was asked.
    expect(options.answers.answers.get('shop/delivery')).toEqual({ answer: 4, at: '2026-11-23T10:00:00.000Z', asked: questionStamp(shop.questions[4]!) });
  });

  it('skips follow-ups when the gate is answered no, and opens them for the values listed (never for unsure)', async () => {
    const start = answersOf({}, { customerTypes: ['b2b'], channels: ['web-shop'] });
    const no = interview(
      [
        ['shop/sells-online', 'no'],
        ['shop/delivery', 3],
        ['bot/says-bot', 'yes'],
        ['bot/handover', 'yes'],
      ],
      start,
    );
    await no.run();
    expect(no.script.log.asked).toEqual(['shop/sells-online', 'shop/delivery', 'bot/says-bot', 'bot/handover']);
    const unsure = interview(
      [
        ['shop/sells-online', 'unsure'],
        ['shop/delivery', 3],
        ['bot/says-bot', 'unsure'],
      ],
      answersOf({}, { customerTypes: ['b2b'], channels: ['web-shop'] }),
    );
    await unsure.run();
    expect(unsure.script.log.asked).toEqual(['shop/sells-online', 'shop/delivery', 'bot/says-bot']);
  });

  it('records n/a and unsure like any answer', async () => {
    const start = answersOf({}, { customerTypes: ['b2c'], channels: [] });
    const { run, options } = interview(
      [
        ['shop/sells-online', 'n/a'],
        ['shop/delivery', 'unsure'],
        ['bot/says-bot', 'no'],
      ],
      start,
    );
    await run();
    expect(options.answers.answers.get('shop/sells-online')?.answer).toBe('n/a');
    expect(options.answers.answers.get('shop/delivery')?.answer).toBe('unsure');
  });

  it('goes back to the previous question, offers the old answer, and walks forward again', async () => {
    const start = answersOf({}, { customerTypes: ['b2c'], channels: ['web-shop'] });
    const { run, script, options } = interview(
      [
        ['shop/sells-online', 'yes'],
        ['shop/cart', { kind: 'back' }],
        ['shop/sells-online', 'no'], // changing it closes the cart question
        ['shop/delivery', { kind: 'back' }],
        ['shop/sells-online', 'no'],
        ['shop/delivery', 5],
        ['bot/says-bot', 'yes'],
        ['bot/handover', 'yes'],
      ],
      start,
    );
    await run();
    expect(script.log.views[2]!.current?.answer).toBe('yes');
    expect(script.log.views[0]!.canGoBack).toBe(false);
    expect(script.log.views[1]!.canGoBack).toBe(true);
    expect(options.answers.answers.get('shop/sells-online')?.answer).toBe('no');
  });

  it('shows why on request and keeps a note with the answer', async () => {
    const start = answersOf({}, { customerTypes: ['b2c'], channels: [] });
    const { run, script, options } = interview(
      [
        ['shop/sells-online', 'no'],
        ['shop/delivery', { kind: 'why' }],
        ['shop/delivery', { kind: 'note' }],
        ['shop/delivery', 2],
        ['bot/says-bot', 'no'],
      ],
      start,
      { notes: ['Courier changes next month'] },
    );
    await run();
    expect(script.log.shown).toEqual(['Late parcels cost repeat orders.']);
    expect(script.log.views[3]!.note).toBe('Courier changes next month');
    expect(options.answers.answers.get('shop/delivery')).toMatchObject({ answer: 2, note: 'Courier changes next month', at: '2026-11-23T10:00:00.000Z' });
  });

  it('resumes at the first question without an answer', async () => {
    const start = answersOf({ 'shop/sells-online': 'no', 'shop/delivery': 3 }, { customerTypes: ['b2c'], channels: [] });
    const { run, script } = interview([['bot/says-bot', 'no']], start);
    await run();
    expect(script.log.asked).toEqual(['bot/says-bot']);
    // The handover follow-up may still be asked: it counts until an answer rules it out.
    expect(script.log.views[0]!.progress).toEqual({ answered: 2, total: 4 });
    expect(script.log.views[0]!.checklist).toEqual({ index: 2, count: 2, title: 'Checklist bot' });
  });

  it('does nothing when every question already has an answer', async () => {
    const start = answersOf({ 'shop/sells-online': 'no', 'shop/delivery': 3, 'bot/says-bot': 'no' }, { customerTypes: ['b2c'], channels: [] });
    const { run, saved } = interview([], start);
    await run();
    expect(saved).toEqual([]);
  });

  it('asks only the missing facts of the profile, in order, and sole proprietors only of consumer sellers', async () => {
    const start = answersOf({}, { customerTypes: ['b2b'], shipsGoods: true });
    const { options, script } = interview([], start, {
      profile: { channels: ['chatbot'], hasStaff: false, outsideSupport: false, markets: ['eu'], soleProprietors: true },
    });
    options.checklists = [shop, bot, facts];
    await askProfile(options, {});
    expect(script.log.facts).toEqual(['channels', 'hasStaff', 'outsideSupport', 'markets']);
    expect(options.answers.profile).toEqual({
      customerTypes: ['b2b'],
      shipsGoods: true,
      channels: ['chatbot'],
      hasStaff: false,
      outsideSupport: false,
      markets: ['eu'],
    });

    const consumer = interview([], answersOf({}, { customerTypes: ['b2c'] }), {
      profile: { soleProprietors: true, channels: [], shipsGoods: false, hasStaff: false, outsideSupport: false, markets: ['uk'] },
    });
    consumer.options.checklists = [shop, bot, facts];
    await askProfile(consumer.options, {});
    expect(consumer.script.log.facts[0]).toBe('soleProprietors');
    expect(consumer.options.answers.profile?.soleProprietors).toBe(true);

    // Facts no question depends on are not asked at all.
    const plain = interview([], answersOf({}, {}), { profile: { customerTypes: ['b2c'], channels: [] } });
    await askProfile(plain.options, {});
    expect(plain.script.log.facts).toEqual(['customerTypes', 'channels']);
  });

  it('goes back from the first question to the profile, and asks again what the new profile includes', async () => {
    const start = answersOf({}, { customerTypes: ['b2c'], channels: [], shipsGoods: true, hasStaff: true, outsideSupport: false, markets: ['eu'] });
    const { run, script, options } = interview(
      [
        ['shop/sells-online', { kind: 'back' }],
        ['profile:customerTypes', ['b2b']],
        ['profile:channels', ['web-shop']],
        ['shop/sells-online', 'yes'],
        ['shop/vat-field', 'yes'],
        ['shop/cart', 'yes'],
        ['shop/delivery', 4],
        ['bot/says-bot', 'no'],
      ],
      start,
    );
    options.profileBack = true;
    await run();
    expect(script.remaining()).toBe(0);
    expect(script.log.views[0]).toMatchObject({ canGoBack: true, backLabel: '← Back to your business profile' });
    expect(options.answers.profile?.customerTypes).toEqual(['b2b']);
  });

  it('counts follow-ups that may still come, so the total never grows as answers open them', async () => {
    const start = answersOf({}, { customerTypes: ['b2b'], channels: ['web-shop'] });
    const { run, script } = interview(
      [
        ['shop/sells-online', 'yes'],
        ['shop/vat-field', 'yes'],
        ['shop/cart', 'no'],
        ['shop/delivery', 2],
        ['bot/says-bot', 'no'],
      ],
      start,
    );
    await run();
    const totals = script.log.views.map((v) => v.progress.total);
    expect(totals).toEqual([6, 6, 6, 6, 6]);
    // "question 2 of 4" in its checklist, the same count from the first question on.
    expect(script.log.views.slice(0, 4).map((v) => v.position)).toEqual([
      { index: 1, count: 4 },
      { index: 2, count: 4 },
      { index: 3, count: 4 },
      { index: 4, count: 4 },
    ]);
  });

  it('revisits only the answers left unsure, keeping every other answer', async () => {
    const start = answersOf(
      { 'shop/sells-online': 'unsure', 'shop/delivery': 4, 'bot/says-bot': 'unsure' },
      { customerTypes: ['b2c'], channels: ['web-shop'] },
    );
    const script = scriptedAsk({
      steps: [
        ['shop/sells-online', 'yes'],
        ['bot/says-bot', { kind: 'back' }],
        ['shop/sells-online', 'yes'],
        ['bot/says-bot', 'no'],
      ],
    });
    const options: InterviewOptions = { checklists: [shop, bot], answers: start, ask: script.ask, save: () => {}, now: () => '2026-11-23T10:00:00.000Z' };
    await revisitUnsure(options);
    expect(script.remaining()).toBe(0);
    // The cart question opened by the new answer is not part of the revisit; back goes to the previous unsure one.
    expect(script.log.asked).toEqual(['shop/sells-online', 'bot/says-bot', 'shop/sells-online', 'bot/says-bot']);
    expect(script.log.views[0]!.canGoBack).toBe(false);
    expect(start.answers.get('shop/delivery')?.answer).toBe(4);
    expect(start.answers.get('bot/says-bot')?.answer).toBe('no');
  });

  it('estimates minutes honestly by question type', () => {
    expect(estimateMinutes([{ type: 'yes-no' }, { type: 'yes-no' }, { type: 'yes-no' }])).toBe(1);
    expect(estimateMinutes(Array.from({ length: 30 }, () => ({ type: 'choice' as const })))).toBe(15);
  });
});
