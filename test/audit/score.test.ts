import { describe, expect, it } from 'vitest';
import { audit, complianceOf } from '../../src/audit/score.js';
import { compare } from '../../src/audit/compare.js';
import { EFFORT_COST, IMPACT_WEIGHT, maturityOf, priorityOf, tierOf } from '../../src/audit/model.js';
import { answers, checklist } from '../helpers/build.js';

const base = { date: '2026-01-01', toolVersion: '0.0.0-test', top: 5 };
const levels = [
  { id: 'none', label: 'None', score: 0 },
  { id: 'some', label: 'Some', score: 0.5 },
  { id: 'all', label: 'All', score: 1 },
];

describe('the scoring model (docs/scoring.md)', () => {
  it('weighs impact 8/4/2/1 and effort 1/2/4', () => {
    expect(IMPACT_WEIGHT).toEqual({ critical: 8, high: 4, medium: 2, low: 1 });
    expect(EFFORT_COST).toEqual({ low: 1, medium: 2, high: 4 });
  });

  it('turns every kind of answer into a compliance from 0 to 1', () => {
    const c = checklist('c', [
      { id: 'yn' },
      { id: 'scale', type: 'scale' },
      { id: 'choice', type: 'choice', choices: levels },
      {
        id: 'multi',
        type: 'multi',
        choices: [
          { id: 'a', label: 'A', score: 0.5 },
          { id: 'b', label: 'B', score: 0.75 },
          { id: 'c', label: 'C', score: 0.25 },
        ],
      },
      { id: 'text', type: 'text' },
    ]);
    const [yn, scale, choice, multi, text] = c.questions;
    expect([complianceOf(yn!, 'yes'), complianceOf(yn!, 'no')]).toEqual([1, 0]);
    expect([1, 2, 3, 4, 5].map((v) => complianceOf(scale!, v))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(complianceOf(choice!, 'some')).toBe(0.5);
    expect(complianceOf(multi!, ['a', 'c'])).toBe(0.75);
    expect(complianceOf(multi!, ['a', 'b'])).toBe(1); // capped at 1
    expect(complianceOf(multi!, [])).toBe(0);
    expect(complianceOf(text!, 'anything')).toBeNull();
    expect(complianceOf(yn!, 'n/a')).toBeNull();
    expect(complianceOf(yn!, 'unsure')).toBeNull();
  });

  it('computes priority as weight × gap ÷ effort cost, and the four tiers', () => {
    expect(priorityOf('critical', 'high', 0)).toBe(2);
    expect(priorityOf('high', 'low', 0.5)).toBe(2);
    expect(priorityOf('low', 'medium', 0)).toBe(0.5);
    expect(tierOf('critical', 'low')).toBe('quick-win');
    expect(tierOf('high', 'low')).toBe('quick-win');
    expect(tierOf('high', 'medium')).toBe('big-bet');
    expect(tierOf('critical', 'high')).toBe('big-bet');
    expect(tierOf('medium', 'low')).toBe('easy-fix');
    expect(tierOf('low', 'low')).toBe('easy-fix');
    expect(tierOf('medium', 'medium')).toBe('later');
    expect(tierOf('low', 'high')).toBe('later');
  });

  it('places maturity stages at 40, 60, 75 and 90', () => {
    expect([0, 39.9, 40, 59.9, 60, 74.9, 75, 89.9, 90, 100].map((s) => maturityOf(s).name)).toEqual([
      'Reactive',
      'Reactive',
      'Responsive',
      'Responsive',
      'Consistent',
      'Consistent',
      'Proactive',
      'Proactive',
      'Customer-led',
      'Customer-led',
    ]);
    expect(maturityOf(null).level).toBe(0);
  });
});

describe('audit()', () => {
  it('scores 100 × Σ weight × compliance ÷ Σ weight, per checklist, per stage and overall', () => {
    const a = checklist('a', [
      { id: 'crit', impact: 'critical', stage: 'before-sale' }, // 8 × 1
      { id: 'high', impact: 'high', stage: 'during-sale' }, // 4 × 0
    ]);
    const b = checklist('b', [{ id: 'scale', type: 'scale', impact: 'medium', stage: 'after-sale' }]); // 2 × 0.75
    const report = audit({ ...base, checklists: [a, b], answers: answers({ 'a/crit': 'yes', 'a/high': 'no', 'b/scale': 4 }) });
    expect(report.score).toEqual({ value: 67.9, min: 67.9, max: 67.9 }); // 9.5 / 14
    expect(report.checklists.map((c) => c.score.value)).toEqual([66.7, 75]);
    expect(report.stages.map((s) => [s.stage, s.score.value])).toEqual([
      ['before-sale', 100],
      ['during-sale', 0],
      ['after-sale', 75],
    ]);
    expect(report.maturity.name).toBe('Consistent');
  });

  it('leaves n/a out of the score and shows the range unsure answers span', () => {
    const c = checklist('c', [{ id: 'yes', impact: 'high' }, { id: 'na', impact: 'critical' }, { id: 'unsure', impact: 'high' }, { id: 'open' }]);
    const report = audit({ ...base, checklists: [c], answers: answers({ 'c/yes': 'yes', 'c/na': 'n/a', 'c/unsure': { answer: 'unsure', note: 'ask Bob' } }) });
    expect(report.score).toEqual({ value: 100, min: 50, max: 100 });
    expect(report.counts).toEqual({ applicable: 4, answered: 1, notApplicable: 1, unsure: 1, unanswered: 1 });
    expect(report.toVerify).toEqual([{ key: 'c/unsure', checklist: 'c', question: 'unsure', text: 'Question unsure?', impact: 'high', note: 'ask Bob' }]);
    expect(report.fixes).toEqual([]);
  });

  it('has no score when nothing scored is answered', () => {
    const report = audit({ ...base, checklists: [checklist('c', [{ id: 'q' }])], answers: answers({}) });
    expect(report.score).toEqual({ value: null, min: null, max: null });
    expect(report.maturity).toMatchObject({ level: 0, name: 'Not scored' });
    expect(report.projection).toEqual({ fixes: 0, score: null });
  });

  it('orders fixes by priority, then impact, then checklist order', () => {
    const c = checklist('c', [
      { id: 'low-low', impact: 'low', effort: 'low' }, // 1 / 1 = 1
      { id: 'med-med', impact: 'medium', effort: 'medium' }, // 2 / 2 = 1, same impact tier as… nothing: ties with low-low, wins on impact
      { id: 'crit-high', impact: 'critical', effort: 'high' }, // 8 / 4 = 2
      { id: 'high-med', impact: 'high', effort: 'medium' }, // 4 / 2 = 2, loses the tie to critical
      { id: 'high-low-half', type: 'scale', impact: 'high', effort: 'low' }, // 4 × 0.5 / 1 = 2, ties again
      { id: 'first-med', impact: 'medium', effort: 'low' }, // 2
      { id: 'second-med', impact: 'medium', effort: 'low' }, // 2, same impact: checklist order decides
      { id: 'done', impact: 'critical', effort: 'low' },
    ]);
    const report = audit({
      ...base,
      checklists: [c],
      answers: answers({
        'c/low-low': 'no',
        'c/med-med': 'no',
        'c/crit-high': 'no',
        'c/high-med': 'no',
        'c/high-low-half': 3,
        'c/first-med': 'no',
        'c/second-med': 'no',
        'c/done': 'yes',
      }),
    });
    expect(report.fixes.map((f) => [f.rank, f.question, f.priority, f.tier])).toEqual([
      [1, 'crit-high', 2, 'big-bet'],
      [2, 'high-med', 2, 'big-bet'],
      [3, 'high-low-half', 2, 'quick-win'],
      [4, 'first-med', 2, 'easy-fix'],
      [5, 'second-med', 2, 'easy-fix'],
      [6, 'med-med', 1, 'later'],
      [7, 'low-low', 1, 'easy-fix'],
    ]);
  });

  it('projects the score once the top fixes are done, and gives each fix its points', () => {
    const c = checklist('c', [
      { id: 'a', impact: 'critical', effort: 'low' },
      { id: 'b', impact: 'high', effort: 'low' },
      { id: 'c', impact: 'low', effort: 'high' },
      { id: 'd', impact: 'high', effort: 'low' },
    ]);
    const report = audit({ ...base, top: 2, checklists: [c], answers: answers({ 'c/a': 'no', 'c/b': 'no', 'c/c': 'no', 'c/d': 'yes' }) });
    // Σw = 17, earned 4; top two fixes add 8 + 4.
    expect(report.score.value).toBe(23.5);
    expect(report.projection).toEqual({ fixes: 2, score: 94.1 });
    expect(report.fixes.map((f) => f.gain)).toEqual([47.1, 23.5, 5.9]);
  });

  it('skips questions outside the profile and those whose `when` does not hold', () => {
    const c = checklist('c', [
      { id: 'b2b-only', appliesTo: ['b2b'] },
      { id: 'chatbot', channels: ['chatbot'] },
      { id: 'gate' },
      { id: 'follow-up', when: { question: 'gate', is: 'yes' } },
      { id: 'unless', when: { not: { question: 'gate', is: 'yes' } } },
      {
        id: 'nested',
        when: {
          any: [
            { question: 'follow-up', is: 'yes' },
            { question: 'unless', in: ['yes'] },
          ],
        },
      },
    ]);
    const report = audit({
      ...base,
      checklists: [c],
      answers: answers(
        // A stale answer to a skipped question must not open its follow-ups.
        { 'c/b2b-only': 'no', 'c/gate': 'no', 'c/follow-up': 'yes', 'c/unless': 'no' },
        { customerTypes: ['b2c'], channels: ['web-shop'] },
      ),
    });
    expect(report.answers.map((a) => a.question)).toEqual(['gate', 'unless']);
    expect(report.score.value).toBe(0);
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
  const c = checklist('c', [{ id: 'fixed' }, { id: 'worse', type: 'scale' }, { id: 'same' }, { id: 'new' }, { id: 'was-unsure' }]);
  const then = audit({
    ...base,
    date: '2025-01-01',
    checklists: [c],
    answers: answers({ 'c/fixed': 'no', 'c/worse': 5, 'c/same': 'no', 'c/was-unsure': 'unsure' }),
  });
  const now = audit({ ...base, checklists: [c], answers: answers({ 'c/fixed': 'yes', 'c/worse': 3, 'c/same': 'no', 'c/new': 'no', 'c/was-unsure': 'no' }) });

  it('reports the score change, what got fixed, what got worse and what is new', () => {
    const diff = compare(now, then, 'answers');
    expect(diff.previous).toEqual({ source: 'answers', date: '2025-01-01', score: 33.3 });
    expect(now.score.value).toBe(30);
    expect(diff.scoreChange).toBe(-3.3);
    expect(diff.fixed.map((i) => [i.key, i.before, i.after])).toEqual([['c/fixed', 0, 1]]);
    expect(diff.regressed.map((i) => [i.key, i.before, i.after])).toEqual([['c/worse', 1, 0.5]]);
    expect(diff.newFindings.map((i) => i.key)).toEqual(['c/new', 'c/was-unsure']);
    expect(diff.checklists).toEqual([{ id: 'c', before: 33.3, after: 30, change: -3.3 }]);
  });
});
