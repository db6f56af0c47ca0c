import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord, AnswerValue } from '../../src/answers/model.js';
import { audit } from '../../src/audit/score.js';
import { referencedQuestions } from '../../src/checklist/applicability.js';
import { loadChecklists } from '../../src/checklist/load.js';
import { isScored, type Question } from '../../src/checklist/model.js';
import { builtinChecklistPaths } from '../../src/paths.js';
import { kindOf } from '../../src/questions/index.js';
import { checklist } from '../helpers/build.js';

/**
 * Doing more never scores less. For every follow-up of the built-in
 * checklists and every gateway it depends on: answering the gateway worse
 * never scores higher than answering it better, whatever the follow-up's
 * answer (best with the worse gateway, weakest with the better one), and
 * whatever every other question says.
 */
const { checklists } = await loadChecklists(builtinChecklistPaths());
const base = { date: '2026-01-01', toolVersion: 'test', top: 5 };
const compliance = (q: Question, a: AnswerValue) => kindOf(q).compliance(q, a) ?? 0;

interface Pair {
  gateway: Question;
  followUp: Question;
}

const pairs: Pair[] = checklists.flatMap((c) =>
  c.questions.flatMap((followUp) =>
    followUp.when && isScored(followUp)
      ? referencedQuestions(followUp.when).flatMap((id) => {
          const gateway = c.questions.find((q) => q.id === id);
          return gateway && isScored(gateway) ? [{ gateway, followUp }] : [];
        })
      : [],
  ),
);

/** The score with every scored question answered from `choose`, the gateway and follow-up as given. */
function scoreWith(background: Map<string, AnswerRecord>, pair: Pair, gatewayAnswer: AnswerValue, followUpAnswer: AnswerValue): number {
  const answers = new Map(background);
  answers.set(pair.gateway.key, { answer: gatewayAnswer });
  answers.set(pair.followUp.key, { answer: followUpAnswer });
  return audit({ ...base, checklists, answers: { checklists: new Map(), answers } }).score.low!;
}

describe('answering a gateway the bad way never scores above the good way', () => {
  it('has follow-ups to check in every checklist that has any', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(7);
  });

  it.each(pairs.map((p) => [`${p.gateway.key} → ${p.followUp.id}`, p] as const))('%s', (_name, pair) => {
    const scored = checklists.flatMap((c) => c.questions).filter(isScored);
    const background = fc.record(Object.fromEntries(scored.map((q) => [q.key, fc.constantFrom(...kindOf(q).examples(q))])));
    const gatewayAnswers = kindOf(pair.gateway).examples(pair.gateway);
    const followUpAnswers = kindOf(pair.followUp).examples(pair.followUp);
    fc.assert(
      fc.property(background, fc.constantFrom(...gatewayAnswers), fc.constantFrom(...gatewayAnswers), (values, x, y) => {
        fc.pre(compliance(pair.gateway, x) < compliance(pair.gateway, y));
        const answers = new Map(Object.entries(values).map(([k, v]) => [k, { answer: v }]));
        const worseAtBest = Math.max(...followUpAnswers.map((f) => scoreWith(answers, pair, x, f)));
        const betterAtWeakest = Math.min(...followUpAnswers.map((f) => scoreWith(answers, pair, y, f)));
        expect(worseAtBest, `${pair.gateway.key}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`).toBeLessThanOrEqual(betterAtWeakest + 1e-9);
      }),
      { numRuns: 25, seed: 3 },
    );
  });
});

describe('the rule holds for follow-ups that open on the bad answer too', () => {
  it('an "if not, do you at least…" follow-up does not count after the good answer', () => {
    const c = checklist('c', [
      { id: 'daily', impact: 'high' },
      { id: 'at-least-weekly', impact: 'critical', when: { question: 'daily', is: 'no' } },
    ]);
    const good = audit({ ...base, checklists: [c], answers: { checklists: new Map(), answers: new Map([['c/daily', { answer: 'yes' }]]) } });
    const bad = audit({
      ...base,
      checklists: [c],
      answers: {
        checklists: new Map(),
        answers: new Map<string, AnswerRecord>([
          ['c/daily', { answer: 'no' }],
          ['c/at-least-weekly', { answer: 'yes' }],
        ]),
      },
    });
    expect(good.score.low).toBe(100);
    expect(bad.score.low).toBeLessThan(100);
  });
});
