import { describe, expect, it } from 'vitest';
import { compare, earlierAudit } from '../../src/audit/compare.js';
import {
  CAPABILITY_FACTOR,
  CHECK_OVERLAP,
  CLOSED_SHARE,
  EFFORT_COST,
  IMPACT_WEIGHT,
  KIND_FACTOR,
  MATURITY,
  REACH_FACTOR,
  tierOf,
  TOUCHPOINT_FACTOR,
} from '../../src/audit/model.js';
import { audit } from '../../src/audit/score.js';
import { answers, checklist } from '../helpers/build.js';

/** Every number of docs/scoring.md, with its worked example. */
const base = { date: '2026-01-01', toolVersion: '0.0.0-test', top: 5 };
const levels = [
  { id: 'none', label: 'None', score: 0 },
  { id: 'some', label: 'Some', score: 0.5 },
  { id: 'all', label: 'All', score: 1 },
];

describe('the model', () => {
  it('weighs impact 8/4/2/1, effort 1/1.25/2, kind, reach, touchpoints, capabilities and closed follow-ups', () => {
    expect(IMPACT_WEIGHT).toEqual({ critical: 8, high: 4, medium: 2, low: 1 });
    expect(EFFORT_COST).toEqual({ low: 1, medium: 1.25, high: 2 });
    expect(KIND_FACTOR).toEqual({ outcome: 2, practice: 1, check: 0.6 });
    expect(REACH_FACTOR).toEqual({ all: 1, most: 0.85, some: 0.65, few: 0.45 });
    expect([TOUCHPOINT_FACTOR, CAPABILITY_FACTOR, CLOSED_SHARE, CHECK_OVERLAP]).toEqual([1.5, 1.5, 0.5, 0.5]);
    expect(MATURITY.map((m) => [m.level, m.id, m.from])).toEqual([
      [1, 'reactive', 0],
      [2, 'responsive', 40],
      [3, 'managed', 60],
      [4, 'proactive', 75],
      [5, 'customer-led', 90],
    ]);
  });

  it('sorts actions into four tiers by impact and effort', () => {
    expect(
      ['critical/low', 'high/low', 'high/medium', 'critical/high', 'medium/low', 'low/low', 'medium/medium', 'low/high'].map((p) =>
        tierOf(...(p.split('/') as [never, never])),
      ),
    ).toEqual(['quick-win', 'quick-win', 'big-bet', 'big-bet', 'easy-fix', 'easy-fix', 'later', 'later']);
  });
});

describe('the score and its range', () => {
  it('is 100 × Σ weight × compliance ÷ Σ weight over what is known, with a range over what is not', () => {
    const a = checklist('a', [
      { id: 'crit', impact: 'critical', stage: 'before-sale' }, // 8 × 1
      { id: 'high', impact: 'high', stage: 'during-sale' }, // 4 × 0
      { id: 'scale', type: 'scale', impact: 'medium', stage: 'after-sale' }, // 2 × 0.75
      { id: 'unsure', impact: 'high', stage: 'after-sale' }, // 4, unknown
    ]);
    const report = audit({ ...base, checklists: [a], answers: answers({ 'a/crit': 'yes', 'a/high': 'no', 'a/scale': 4, 'a/unsure': 'unsure' }) });
    // Known: 9.5 of 14 = 67.9. Low: 9.5 of 18 = 52.8. High: 13.5 of 18 = 75.
    expect(report.score).toEqual({ value: 67.9, low: 52.8, high: 75, provisional: true });
    expect(report.coverage).toEqual({ applicable: 4, answered: 3, notApplicable: 0, unsure: 1, unanswered: 0, stale: 0, closed: 0 });
    expect(report.stages.map((s) => [s.stage, s.score.low])).toEqual([
      ['before-sale', 100],
      ['during-sale', 0],
      ['after-sale', 25],
    ]);
  });

  it('leaves n/a out, whether written n/a or a choice that means "does not apply"', () => {
    const c = checklist('c', [
      { id: 'yes', impact: 'high' },
      { id: 'na', impact: 'critical' },
      {
        id: 'none-of-ours',
        type: 'choice',
        impact: 'critical',
        choices: [...levels, { id: 'no-staff', label: 'Nobody else works here', notApplicable: true }],
      },
    ]);
    const report = audit({ ...base, checklists: [c], answers: answers({ 'c/yes': 'yes', 'c/na': 'n/a', 'c/none-of-ours': 'no-staff' }) });
    expect(report.score).toEqual({ value: 100, low: 100, high: 100, provisional: false });
    expect(report.coverage.notApplicable).toBe(2);
    expect(report.answers.find((a) => a.question === 'none-of-ours')).toMatchObject({
      status: 'not-applicable',
      label: 'Nobody else works here',
      compliance: null,
    });
  });

  it('has no score and no stage when nothing scored is answered, and says so', () => {
    const report = audit({ ...base, checklists: [checklist('c', [{ id: 'q' }, { id: 'r' }])], answers: answers({ 'c/q': 'unsure' }) });
    expect(report.score).toEqual({ value: null, low: null, high: null, provisional: true });
    expect(report.maturity).toBeNull();
    expect(report.projection).toEqual({ actions: 0, low: null, level: null });
  });

  it('cannot pass a gate on one answer of many: the low end counts the rest as not done', () => {
    const questions = Array.from({ length: 33 }, (_, i) => ({ id: `q${i}` }));
    const report = audit({ ...base, checklists: [checklist('c', questions)], answers: answers({ 'c/q0': 'yes' }) });
    expect(report.score).toEqual({ value: 100, low: 3, high: 100, provisional: true });
    expect(report.maturity?.name).toBe('Reactive');
  });

  it('never rises when a "no" becomes "unsure"', () => {
    const c = checklist('c', [{ id: 'a', impact: 'high' }, { id: 'b', impact: 'high' }, { id: 'c' }, { id: 'd' }]);
    const no = audit({ ...base, checklists: [c], answers: answers({ 'c/a': 'yes', 'c/b': 'no', 'c/c': 'no', 'c/d': 'yes' }) });
    const unsure = audit({ ...base, checklists: [c], answers: answers({ 'c/a': 'yes', 'c/b': 'unsure', 'c/c': 'unsure', 'c/d': 'yes' }) });
    expect(no.score.low).toBe(50);
    expect(unsure.score.low).toBe(50);
    expect(unsure.maturity!.level).toBeLessThanOrEqual(no.maturity!.level);
  });
});

describe('follow-ups', () => {
  const loyalty = checklist('c', [
    { id: 'program', type: 'yes-no', impact: 'medium' },
    { id: 'tiers', impact: 'low', when: { question: 'program', is: 'yes' } },
    { id: 'rest', impact: 'high' },
  ]);

  it('count as not done when an answer falls short of the gateway: no program scores below a program without tiers', () => {
    const none = audit({ ...base, checklists: [loyalty], answers: answers({ 'c/program': 'no', 'c/rest': 'yes' }) });
    const withoutTiers = audit({ ...base, checklists: [loyalty], answers: answers({ 'c/program': 'yes', 'c/tiers': 'no', 'c/rest': 'yes' }) });
    expect(none.score.low).toBe(57.1); // 4 of 7: program 2 × 0, tiers 1 × 0 (closed), rest 4
    expect(withoutTiers.score.low).toBe(85.7); // 6 of 7
    expect(none.coverage.closed).toBe(1);
    expect(none.answers.find((a) => a.question === 'tiers')).toMatchObject({ status: 'closed', compliance: 0 });
  });

  it("belong to the gateway's action, at half their value", () => {
    const report = audit({ ...base, checklists: [loyalty], answers: answers({ 'c/program': 'no', 'c/rest': 'yes' }) });
    expect(report.actions.map((a) => [a.key, a.questions.map((q) => [q.question, q.status])])).toEqual([
      [
        'c/program',
        [
          ['program', 'answered'],
          ['tiers', 'closed'],
        ],
      ],
    ]);
    // medium 2 × 1 × practice 1 × reach most 0.85 + (low 1 × 0.85) × 0.5 = 2.125; gain: 3 of 7.
    expect(report.actions[0]).toMatchObject({ value: 2.125, priority: 2.125, gain: 42.9 });
  });

  it('are unknown while the gateway is, and not applicable when the gateway met the practice', () => {
    const c = checklist('c', [
      { id: 'gate' },
      { id: 'when-yes', when: { question: 'gate', is: 'yes' } },
      { id: 'when-no', when: { question: 'gate', is: 'no' } },
    ]);
    const unsure = audit({ ...base, checklists: [c], answers: answers({ 'c/gate': 'unsure' }) });
    expect(unsure.coverage).toMatchObject({ unsure: 1, unanswered: 2 });
    const met = audit({ ...base, checklists: [c], answers: answers({ 'c/gate': 'yes', 'c/when-yes': 'yes' }) });
    expect(met.answers.map((a) => a.question)).toEqual(['gate', 'when-yes']);
    expect(met.score.low).toBe(100);
  });

  it('skip questions outside the profile, and never open from a stale answer to a skipped question', () => {
    const c = checklist('c', [
      { id: 'b2b-only', appliesTo: ['b2b'] },
      { id: 'chatbot', channels: ['chatbot'] },
      { id: 'shipping', needs: ['ships-goods'] },
      { id: 'eu-law', markets: ['eu'] },
      { id: 'team', needs: ['has-staff'] },
      { id: 'solo', needs: ['solo'] },
      { id: 'vat', needs: ['business-buyers'] },
    ]);
    const consumerShop = audit({
      ...base,
      checklists: [c],
      answers: answers({}, { customerTypes: ['b2c'], soleProprietors: true, channels: ['web-shop'], shipsGoods: false, hasStaff: false, markets: ['us'] }),
    });
    // A consumer shop whose buyers include sole proprietors is asked about the VAT field.
    expect(consumerShop.answers.map((a) => a.question)).toEqual(['solo', 'vat']);
  });
});

describe('the stage', () => {
  const capabilities = [
    { id: 'loop', title: 'A feedback loop that acts', requiredFor: 'proactive' as const, met: { question: 'loop', is: 'yes' } },
    { id: 'csat', title: 'A tracked satisfaction measure', requiredFor: 'customer-led' as const, met: { question: 'csat', is: 'yes' } },
  ];
  const c = checklist('c', [{ id: 'loop' }, { id: 'csat' }, ...Array.from({ length: 18 }, (_, i) => ({ id: `q${i}` }))], { capabilities });
  const all = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`c/q${i}`, 'yes']));

  it('needs its capabilities: a high score without a feedback loop is held at Managed', () => {
    const report = audit({ ...base, checklists: [c], answers: answers({ ...all, 'c/loop': 'no', 'c/csat': 'no' }) });
    expect(report.score.low).toBe(90);
    expect(report.maturity).toMatchObject({ level: 3, name: 'Managed', band: { level: 5, name: 'Customer-led' } });
    expect(report.maturity!.heldBy).toEqual([{ id: 'loop', title: 'A feedback loop that acts', status: 'missing' }]);
    expect(report.capabilities.map((x) => x.status)).toEqual(['missing', 'missing']);
  });

  it('counts a capability not known yet as not in place', () => {
    const report = audit({ ...base, checklists: [c], answers: answers({ ...all, 'c/loop': 'yes', 'c/csat': 'unsure' }) });
    expect(report.maturity).toMatchObject({ level: 4, name: 'Proactive' });
    expect(report.maturity!.heldBy).toEqual([{ id: 'csat', title: 'A tracked satisfaction measure', status: 'unknown' }]);
  });

  it('reaches Customer-led with both in place and the score', () => {
    const report = audit({ ...base, checklists: [c], answers: answers({ ...all, 'c/loop': 'yes', 'c/csat': 'yes' }) });
    expect(report.maturity).toMatchObject({ level: 5, heldBy: [] });
  });
});

describe('actions', () => {
  it('list a shared action once, with every question it closes and their combined gain', () => {
    const c = checklist(
      'c',
      [
        { id: 'confirmation', action: 'test-order', kind: 'practice', reach: 'all' },
        { id: 'parcel', action: 'test-order', kind: 'check', reach: 'all' },
        { id: 'bill', action: 'test-order', kind: 'check', reach: 'all' },
        { id: 'met', action: 'test-order' },
        { id: 'other', impact: 'high' },
      ],
      { actions: [{ id: 'test-order', title: 'Place a test order and read every email it sends', fix: 'Order from your own shop.' }] },
    );
    const report = audit({
      ...base,
      checklists: [c],
      answers: answers({ 'c/confirmation': 'no', 'c/parcel': 'no', 'c/bill': 'no', 'c/met': 'yes', 'c/other': 'yes' }),
    });
    expect(report.actions).toHaveLength(1);
    // Practice 2 × 1 × 1, first check 2 × 0.6, second check at half: 2 + 1.2 + 0.6 = 3.8; gain 6 of 12.
    expect(report.actions[0]).toMatchObject({
      key: 'test-order',
      title: 'Place a test order and read every email it sends',
      fix: 'Order from your own shop.',
      value: 3.8,
      gain: 50,
    });
    expect(report.actions[0]!.questions.map((q) => q.question)).toEqual(['confirmation', 'parcel', 'bill']);
  });

  it('rank by value ÷ effort: outcome gaps that hit every customer before polish', () => {
    const c = checklist('c', [
      { id: 'late', type: 'choice', impact: 'high', effort: 'medium', kind: 'outcome', reach: 'all', choices: levels }, // 4 × 0.5 × 2 × 1 / 1.25 = 3.2
      { id: 'self-check', impact: 'high', effort: 'low', kind: 'check', reach: 'all' }, // 4 × 0.6 = 2.4
      { id: 'vat-field', impact: 'high', effort: 'low', reach: 'few' }, // 4 × 0.45 = 1.8
      { id: 'store', impact: 'medium', effort: 'low', reach: 'all', channels: ['physical-store'] }, // 2 × 1.5 = 3
    ]);
    const report = audit({ ...base, checklists: [c], answers: answers({ 'c/late': 'some', 'c/self-check': 'no', 'c/vat-field': 'no', 'c/store': 'no' }) });
    expect(report.actions.map((a) => [a.key, a.priority, a.tier])).toEqual([
      ['c/late', 3.2, 'big-bet'],
      ['c/store', 3, 'easy-fix'],
      ['c/self-check', 2.4, 'quick-win'],
      ['c/vat-field', 1.8, 'quick-win'],
    ]);
  });

  it('never come before an action they depend on, which moves up with them', () => {
    const c = checklist('c', [
      { id: 'button', impact: 'low', effort: 'low', title: 'Add a talk-to-a-person button' }, // 0.85
      { id: 'complaints', impact: 'critical', effort: 'low', after: ['button'], title: 'Hand over on complaint words' }, // 6.8
      { id: 'other', impact: 'high', effort: 'low' }, // 3.4
    ]);
    const report = audit({ ...base, checklists: [c], answers: answers({ 'c/button': 'no', 'c/complaints': 'no', 'c/other': 'no' }) });
    expect(report.actions.map((a) => [a.key, a.priority, a.after])).toEqual([
      ['c/button', 0.85, []],
      ['c/complaints', 6.8, ['c/button']],
      ['c/other', 3.4, []],
    ]);
  });

  it('weigh more where a missing capability holds the business at its stage', () => {
    const capabilities = [{ id: 'log', title: 'Complaints logged to closure', requiredFor: 'managed' as const, met: { question: 'log', is: 'yes' } }];
    const c = checklist(
      'c',
      [{ id: 'log', impact: 'high' }, { id: 'twin', impact: 'high' }, ...Array.from({ length: 10 }, (_, i) => ({ id: `q${i}`, impact: 'high' as const }))],
      { capabilities },
    );
    const all = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c/q${i}`, 'yes']));
    const report = audit({ ...base, checklists: [c], answers: answers({ ...all, 'c/log': 'no', 'c/twin': 'no' }) });
    expect(report.maturity).toMatchObject({ level: 2, band: { level: 4 } });
    expect(report.actions.map((a) => [a.key, a.value])).toEqual([
      ['c/log', 5.1], // 4 × 0.85 × 1.5
      ['c/twin', 3.4],
    ]);
  });

  it('project the score and stage once the first are done', () => {
    const c = checklist('c', [
      { id: 'a', impact: 'critical', effort: 'low' },
      { id: 'b', impact: 'high', effort: 'low' },
      { id: 'c', impact: 'low', effort: 'high' },
      { id: 'd', impact: 'high', effort: 'low' },
    ]);
    const report = audit({ ...base, top: 2, checklists: [c], answers: answers({ 'c/a': 'no', 'c/b': 'no', 'c/c': 'no', 'c/d': 'yes' }) });
    // Σw = 17, earned 4; the first two actions add 8 + 4.
    expect(report.score.low).toBe(23.5);
    expect(report.projection).toEqual({ actions: 2, low: 94.1, level: 5 });
    expect(report.actions.map((a) => a.gain)).toEqual([47.1, 23.5, 5.9]);
  });
});

describe('strengths and answers', () => {
  it('names what is in place as achievements, the most valuable first', () => {
    const c = checklist('c', [
      { id: 'small', impact: 'low', strength: 'Small thing done' },
      { id: 'big', impact: 'critical', strength: 'Every order is checked before it is sealed' },
      { id: 'partial', type: 'scale', strength: 'Not yet' },
      { id: 'unnamed' },
    ]);
    const report = audit({ ...base, checklists: [c], answers: answers({ 'c/small': 'yes', 'c/big': 'yes', 'c/partial': 4, 'c/unnamed': 'yes' }) });
    expect(report.strengths.map((s) => s.text)).toEqual(['Every order is checked before it is sealed', 'Small thing done']);
  });

  it('labels answers as the person saw them', () => {
    const c = checklist('c', [
      { id: 'yn' },
      { id: 'scale', type: 'scale' },
      { id: 'choice', type: 'choice', choices: levels },
      { id: 'multi', type: 'multi', choices: levels },
      { id: 'empty', type: 'multi', choices: levels },
      { id: 'na' },
    ]);
    const report = audit({
      ...base,
      checklists: [c],
      answers: answers({ 'c/yn': 'yes', 'c/scale': 4, 'c/choice': 'some', 'c/multi': ['none', 'all'], 'c/empty': [], 'c/na': 'n/a' }),
    });
    expect(report.answers.map((a) => a.label)).toEqual(['Yes', '4 of 5', 'Some', 'None, All', 'None of these', 'Not applicable']);
  });
});

describe('compare()', () => {
  const c = checklist('c', [{ id: 'fixed', strength: 'Fixed for good' }, { id: 'worse', type: 'scale' }, { id: 'same' }, { id: 'new' }, { id: 'was-unsure' }]);
  const then = audit({
    ...base,
    date: '2025-01-01',
    checklists: [c],
    answers: answers({ 'c/fixed': 'no', 'c/worse': 5, 'c/same': 'no', 'c/new': 'yes', 'c/was-unsure': 'unsure' }),
  });
  const now = audit({ ...base, checklists: [c], answers: answers({ 'c/fixed': 'yes', 'c/worse': 3, 'c/same': 'no', 'c/new': 'no', 'c/was-unsure': 'no' }) });

  it('reports the score change, what got fixed (as achievements), what got worse and what is new (as actions)', () => {
    const diff = compare(now, earlierAudit(then, 'answers'));
    expect(diff.previous).toEqual({ source: 'answers', date: '2025-01-01', score: 40 });
    expect(now.score.low).toBe(30);
    expect(diff.scoreChange).toBe(-10);
    expect(diff.fixed.map((i) => [i.key, i.headline, i.before, i.after])).toEqual([['c/fixed', 'Fixed for good', 0, 1]]);
    expect(diff.regressed.map((i) => [i.key, i.headline, i.before, i.after])).toEqual([
      ['c/worse', 'Fix worse', 1, 0.5],
      ['c/new', 'Fix new', 1, 0],
    ]);
    expect(diff.newFindings.map((i) => i.key)).toEqual(['c/was-unsure']);
    expect(diff.checklists).toEqual([{ id: 'c', before: 40, after: 30, change: -10 }]);
  });
});
