import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { askedQuestions, referencedQuestions } from '../../src/checklist/applicability.js';
import { loadChecklists } from '../../src/checklist/load.js';
import type { Question } from '../../src/checklist/model.js';
import { builtinChecklistPaths } from '../../src/paths.js';
import type { AnswerRecord } from '../../src/answers/model.js';
import { fingerprints } from '../../scripts/seed-fingerprints.js';
import { renderChecklistDocs } from '../../scripts/gen-checklist-docs.js';
import { runCli } from '../helpers/run-cli.js';

const { checklists, files } = await loadChecklists(builtinChecklistPaths());
const questions = checklists.flatMap((c) => c.questions);
const scored = questions.filter((q) => q.type !== 'text');

describe('the built-in checklists', () => {
  it('are valid with no warnings (validate --strict)', async () => {
    const result = await runCli(['validate', '--strict', ...builtinChecklistPaths()]);
    expect(result.stdout).toMatch(/^✔ 7 checklists valid \(\d+ questions\)\n$/);
    expect(result.code).toBe(0);
    expect(files.every((f) => f.diagnostics.length === 0)).toBe(true);
  });

  it('cover the seven areas with 80 to 120 questions', () => {
    expect(checklists.map((c) => c.id)).toEqual([
      'customer-types',
      'customer-service',
      'chatbots',
      'email-journeys',
      'delivery',
      'feedback-loyalty',
      'journey-organization',
    ]);
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(questions.length).toBeLessThanOrEqual(120);
  });

  it('give every question its why, fix, impact, effort and stage, under a unique id', () => {
    for (const q of questions) {
      expect.soft(q.why?.length ?? 0, `${q.key} why`).toBeGreaterThan(40);
      expect.soft(q.fix?.length ?? 0, `${q.key} fix`).toBeGreaterThan(40);
      expect.soft(q.impact, q.key).toBeDefined();
      expect.soft(q.effort, q.key).toBeDefined();
      expect.soft(q.stage, q.key).toBeDefined();
      expect.soft(q.text, q.key).toMatch(/\?$/);
    }
    expect(new Set(questions.map((q) => q.key)).size).toBe(questions.length);
  });

  it('head every fix with a short imperative title and name every strength as an achievement', () => {
    const actions = new Map(checklists.flatMap((c) => c.actions.map((a) => [a.key, a])));
    for (const q of scored) {
      const action = actions.get(q.action);
      expect.soft(action, `${q.key} action`).toBeDefined();
      if (!action) continue;
      expect.soft(action.title.length, `${q.key} title "${action.title}"`).toBeLessThanOrEqual(70);
      expect.soft(action.title, `${q.key} title`).toMatch(/^[A-Z][a-z]+ /);
      expect.soft(action.title, `${q.key} title is not its fix`).not.toBe(q.fix);
      // An achievement, not a yes: a statement, not a question.
      expect.soft(q.strength ?? '', `${q.key} strength`).toMatch(/^[A-Z].{15,}[^?]$/);
    }
    // Shared actions collapse self-checks: at least one action closes several questions.
    expect(Math.max(...[...actions.values()].map((a) => a.questions.length))).toBeGreaterThan(2);
  });

  it('hold back the higher stages for a feedback loop and a tracked satisfaction measure', () => {
    const capabilities = checklists.flatMap((c) => c.capabilities);
    expect(capabilities.map((c) => c.requiredFor)).toEqual(expect.arrayContaining(['managed', 'proactive', 'customer-led']));
    expect(capabilities.every((c) => c.title.length <= 70)).toBe(true);
  });

  it('ask a B2C web shop with no chatbot and no newsletter well under half of the questions', () => {
    const profile = {
      customerTypes: ['b2c' as const],
      soleProprietors: false,
      channels: ['web-shop' as const, 'email' as const, 'phone' as const],
      shipsGoods: true,
      hasStaff: false,
      outsideSupport: false,
      markets: ['eu' as const],
    };
    // Answer as a business that lacks what the gates ask about: no, the lowest
    // scale point, the choice that scores least.
    const answers = new Map<string, AnswerRecord>();
    const gateAnswer = (q: Question): AnswerRecord => {
      if (q.type === 'scale') return { answer: 1 };
      if (q.type === 'choice') return { answer: [...q.choices].filter((c) => c.score !== undefined).sort((a, b) => a.score! - b.score!)[0]!.id };
      if (q.type === 'multi') return { answer: [] };
      return { answer: 'no' };
    };
    let asked: Question[] = [];
    // Answer in order until no new question opens.
    for (let round = 0; round < 5; round++) {
      asked = askedQuestions(questions, profile, answers);
      for (const q of asked) if (!answers.has(q.key)) answers.set(q.key, gateAnswer(q));
    }
    expect(asked.some((q) => q.checklistId === 'chatbots')).toBe(false);
    expect(asked.length / questions.length).toBeLessThan(0.45);
  });
});

describe('each business is asked its own questions', () => {
  const PROFILES = [
    { name: 'B2B services with phone and email, shipping nothing', flags: ['--profile', 'b2b', '--channels', 'phone,email', '--ships', 'no'], most: 45 },
    {
      name: 'a B2C web shop with email, newsletter and social media',
      flags: ['--profile', 'b2c', '--channels', 'web-shop,email,newsletter,social-media'],
      most: 60,
    },
    {
      name: 'everything selected',
      flags: [
        '--profile',
        'b2c,b2b,c2c,b2g',
        '--sole-proprietors',
        'yes',
        '--channels',
        'web-shop,physical-store,phone,email,live-chat,chatbot,newsletter,social-media',
        '--ships',
        'yes',
        '--staff',
        'yes',
        '--outside-support',
        'yes',
        '--market',
        'eu,uk,us,other',
      ],
      most: 120,
    },
  ];

  it.each(PROFILES)('asks $name at most $most questions, follow-ups included (list --profile)', async ({ flags, most }) => {
    const result = await runCli(['list', ...flags, '-f', 'json']);
    expect(result.code).toBe(0);
    const preview = JSON.parse(result.stdout) as {
      count: number;
      followUps: number;
      questions: { followUp: boolean }[];
      minutes: { low: number; high: number };
    };
    expect(preview.count).toBe(preview.questions.length);
    expect(preview.count).toBeLessThanOrEqual(most);
    expect(preview.count).toBeGreaterThan(most / 3);
    expect(preview.followUps).toBe(preview.questions.filter((q) => q.followUp).length);
    expect(preview.minutes.high).toBeGreaterThanOrEqual(preview.minutes.low);
  });

  it('asks nothing about parcels of a business that ships nothing', async () => {
    const preview = JSON.parse((await runCli(['list', '--profile', 'b2b', '--ships', 'no', '-f', 'json'])).stdout) as { questions: { key: string }[] };
    const shipping = questions.filter((q) => q.needs?.includes('ships-goods')).map((q) => q.key);
    expect(shipping.length).toBeGreaterThan(3);
    expect(preview.questions.map((q) => q.key).filter((k) => shipping.includes(k))).toEqual([]);
  });

  it('asks a consumer shop whose buyers include sole proprietors for the VAT field', async () => {
    const keys = async (solo: string) =>
      (
        JSON.parse((await runCli(['list', '--profile', 'b2c', '--sole-proprietors', solo, '-f', 'json'])).stdout) as { questions: { key: string }[] }
      ).questions.map((q) => q.key);
    const vat = questions.filter((q) => q.needs?.includes('business-buyers')).map((q) => q.key);
    expect(vat.length).toBeGreaterThan(0);
    expect(await keys('yes')).toEqual(expect.arrayContaining(vat));
    expect((await keys('no')).filter((k) => vat.includes(k))).toEqual([]);
  });

  it('gates every follow-up on the answer it follows', () => {
    const byKey = new Map(questions.map((q) => [q.key, q]));
    const gatedOn = (key: string) => (byKey.get(key)?.when ? referencedQuestions(byKey.get(key)!.when!) : []);
    expect(gatedOn('chatbots/handover-keeps-conversation')).toContain('human-handover-anytime');
    expect(gatedOn('chatbots/handover-out-of-hours')).toContain('human-handover-anytime');
    expect(gatedOn('feedback-loyalty/loyalty-tiers')).toContain('loyalty-program');
    expect(gatedOn('email-journeys/frequency-as-promised').length).toBeGreaterThan(0);
    expect(byKey.get('customer-service/outside-service-briefing')?.needs).toContain('outside-support');
  });

  it('cover what a professional audit adds, each topic with a scored question', () => {
    const TOPICS: Record<string, string> = {
      'satisfaction or effort tracked after orders and contacts': 'feedback-loyalty/satisfaction-measured',
      'published response-time promises': 'customer-service/contact-info-published',
      'a complaint log kept to closure': 'feedback-loyalty/complaint-log',
      'accessibility of website, store and contact channels': 'journey-organization/accessibility-checked',
      'consent records for newsletters': 'email-journeys/consent-recorded',
      'privacy of customer notes': 'customer-service/customer-notes-private',
      'prices, stock and policies consistent across channels': 'journey-organization/channels-consistent',
      'social messages answered': 'customer-service/social-messages-answered',
      'reviews asked for honestly': 'feedback-loyalty/reviews-asked-honestly',
      'crisis communication': 'journey-organization/crisis-messages-ready',
      'returns policy and delivery costs before checkout': 'delivery/costs-before-checkout',
      'B2G tenders': 'customer-types/b2g-tender-watch',
      'B2G payment terms': 'customer-types/b2g-payment-terms',
      'trust and safety between buyers and sellers': 'customer-types/c2c-trust-safety',
      "the sole proprietor's VAT field": 'customer-types/vat-number-field',
    };
    const byKey = new Map(scored.map((q) => [q.key, q]));
    for (const [topic, key] of Object.entries(TOPICS)) {
      const q = byKey.get(key);
      expect(q, topic).toBeDefined();
      for (const field of ['why', 'fix', 'impact', 'effort', 'stage', 'strength'] as const) expect(q?.[field], `${topic}: ${field}`).toBeDefined();
    }
    expect(byKey.get('customer-types/b2g-tender-watch')?.appliesTo).toEqual(['b2g']);
    expect(byKey.get('customer-types/c2c-trust-safety')?.appliesTo).toEqual(['c2c']);
  });

  it('let every check age: a test order or a read-through from long ago is not today’s truth', () => {
    expect(scored.filter((q) => q.kind === 'check' && !q.validFor).map((q) => q.key)).toEqual([]);
  });

  it('tells the owner what to do, never to go through more questions', () => {
    for (const q of scored)
      expect(q.fix ?? '', q.key).not.toMatch(/\b(go|work|run) through (the|these|those|our|this)\b.*\bquestions?\b|\bsee (the )?questions?\b/i);
  });

  it('scopes legal items by market', () => {
    const legal = scored.filter((q) => /\b(the law|laws?|legally|regulations?|GDPR|directive)\b/i.test(`${q.text} ${q.fix ?? ''}`));
    expect(legal.length).toBeGreaterThan(2);
    for (const q of legal) {
      const scoped =
        q.markets !== undefined ||
        /where (the )?law|where it applies|in some (countries|markets)|if the law|\bin the (EU|UK|US)\b/i.test(`${q.text} ${q.why ?? ''} ${q.fix ?? ''}`);
      expect(scoped, `${q.key} states a law without a market or "where the law requires"`).toBe(true);
    }
  });
});

describe('impact and effort are calibrated', () => {
  const LOSS = /\b(lost|lose|loses|leave|leaves|abandon\w*|fines?|penalt\w+|law|legal|refunds?|complaints?|revers\w+|back taxes|warn)\b/i;

  it('keeps high for under a third of the questions', () => {
    expect(scored.filter((q) => q.impact === 'high').length / scored.length).toBeLessThanOrEqual(0.3);
  });

  it('keeps critical for gaps whose why names what is lost, and for few of them', () => {
    const critical = scored.filter((q) => q.impact === 'critical');
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.length / scored.length).toBeLessThanOrEqual(0.1);
    for (const q of critical) expect(q.why, q.key).toMatch(LOSS);
  });

  it('never asks for a big effort to close a small gap', () => {
    expect(scored.filter((q) => q.impact === 'low' && q.effort === 'high').map((q) => q.key)).toEqual([]);
  });

  it('mixes impact and effort within each checklist', () => {
    for (const c of checklists) {
      expect(new Set(c.questions.map((q) => q.impact)).size, c.id).toBeGreaterThanOrEqual(3);
      expect(new Set(c.questions.map((q) => q.effort)).size, c.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes every fix as an action, starting with a verb', () => {
    for (const q of scored) expect(q.fix, q.key).toMatch(/^(?!(?:You|Your|The|A|An|It|This|There|We|Our|If|When)\b)[A-Z][a-z]+/);
  });

  it('scores choices on one scale: 0, 0.25, 0.5, 0.75, 1, with the gap at 0 and best practice at 1', () => {
    for (const q of questions.filter((x) => x.type === 'choice')) {
      // A choice without a score means "this does not apply here" (n/a).
      const scores = q.choices.flatMap((c) => (c.score === undefined ? [] : [c.score]));
      for (const s of scores) expect([0, 0.25, 0.5, 0.75, 1], q.key).toContain(s);
      expect(scores, q.key).toContain(0);
      expect(scores, q.key).toContain(1);
    }
    for (const q of questions.filter((x) => x.type === 'multi')) {
      for (const s of q.choices.map((c) => c.score)) expect([0, 0.25, 0.5, 0.75, 1], q.key).toContain(s);
      expect(
        Math.min(
          1,
          q.choices.reduce((sum, c) => sum + (c.score ?? 0), 0),
        ),
        `${q.key}: picking everything reaches 1`,
      ).toBe(1);
    }
  });
});

describe('the checklists are our own words', () => {
  it('share no run of seven words with the seed articles', () => {
    const seeds = new Set(readFileSync('test/fixtures/seed-fingerprints.txt', 'utf8').trim().split('\n'));
    expect(seeds.size).toBeGreaterThan(1000);
    for (const c of checklists) {
      for (const text of [
        c.title,
        c.description ?? '',
        ...c.questions.flatMap((q) => [q.text, q.why ?? '', q.fix ?? '', q.strength ?? '', ...q.choices.map((ch) => ch.label)]),
        ...c.actions.flatMap((a) => [a.title, a.fix ?? '']),
        ...c.capabilities.map((cap) => cap.title),
      ]) {
        const copied = [...fingerprints(text)].filter((h) => seeds.has(h));
        expect(copied, `${c.id}: "${text.slice(0, 60)}…"`).toEqual([]);
      }
    }
  });

  it('the fingerprint test does catch a copied sentence', () => {
    const seeds = new Set(readFileSync('test/fixtures/seed-fingerprints.txt', 'utf8').trim().split('\n'));
    // A sentence that stands in the seeds, as a copy would.
    const copied = 'add a field on your shopping-cart page to provide a VAT number';
    expect([...fingerprints(copied)].some((h) => seeds.has(h))).toBe(true);
  });
});

describe('docs/checklists.md', () => {
  it('is current with the YAML (regenerate: npx tsx scripts/gen-checklist-docs.ts)', async () => {
    expect(readFileSync('docs/checklists.md', 'utf8')).toBe(await renderChecklistDocs());
  });
});
