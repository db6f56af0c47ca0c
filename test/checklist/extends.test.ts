import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecklists } from '../../src/checklist/load.js';
import type { LoadedChecklist, Question } from '../../src/checklist/model.js';
import { builtinChecklistPaths } from '../../src/paths.js';
import { questionStamp } from '../../src/questions/stamp.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const PACK = 'test/fixtures/packs/cx-audit-checklists-retail/checklists';
const BAD = 'test/fixtures/bad/extends';
const CUSTOMER_SERVICE = builtinChecklistPaths().find((p) => p.endsWith('-customer-service.yaml'))!;

async function loadOne(path: string): Promise<LoadedChecklist> {
  const { files, checklists } = await loadChecklists([path]);
  expect(files[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checklists[0]!;
}

/** A question without what says which checklist it sits in. */
function content(q: Question): Partial<Question> {
  const { key: _key, checklistId: _checklist, action: _action, index: _index, ...rest } = q;
  return rest;
}

function writeTemp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cx-audit-extends-')), name);
  writeFileSync(file, text);
  return file;
}

describe('a checklist that extends another', () => {
  const derived = `id: front-desk
title: Front desk service
version: 1.0.0
extends: customer-service
skip: [live-chat-reply-speed]
override:
  store-wait: { impact: low, effort: high, owner: Front desk, text: How long does a customer wait at the front desk? }
questions:
  - id: bell-answered
    text: Is the bell at the front desk answered within a minute?
    type: yes-no
    stage: during-sale
    impact: medium
    effort: low
    title: Answer the front-desk bell within a minute
    why: A bell nobody answers tells the customer nobody is there.
    fix: Put the bell where the staff can hear it, and agree who answers it.
`;

  it("has the other's questions, less those it skips, then its own", async () => {
    const base = await loadOne(CUSTOMER_SERVICE);
    const mine = await loadOne(writeTemp('front-desk.yaml', derived));
    const expected = [...base.questions.map((q) => q.id).filter((id) => id !== 'live-chat-reply-speed'), 'bell-answered'];
    expect(mine.questions.map((q) => q.id)).toEqual(expected);
    expect(mine.questions.map((q) => q.key)).toContain('front-desk/store-wait');
    expect(mine.capabilities.map((c) => c.id)).toEqual(base.capabilities.map((c) => c.id));
  });

  it('an override changes impact, effort, owner and text of that question, and nothing else', async () => {
    const base = await loadOne(CUSTOMER_SERVICE);
    const mine = await loadOne(writeTemp('front-desk.yaml', derived));
    const before = base.questions.find((q) => q.id === 'store-wait')!;
    const after = mine.questions.find((q) => q.id === 'store-wait')!;
    expect(after).toMatchObject({ impact: 'low', effort: 'high', owner: 'Front desk', text: 'How long does a customer wait at the front desk?' });
    expect(before).toMatchObject({ impact: 'medium', effort: 'medium', owner: 'Customer service' });
    expect({ ...content(after), impact: null, effort: null, owner: null, text: null }).toEqual({
      ...content(before),
      impact: null,
      effort: null,
      owner: null,
      text: null,
    });
    // The questions it does not override are the base's, defaults included.
    const untouched = (c: LoadedChecklist) => content(c.questions.find((q) => q.id === 'email-reply-speed')!);
    expect(untouched(mine)).toEqual(untouched(base));
  });
});

describe('a broken extends is reported in the extending file, with its place', () => {
  it.each([
    [
      'unknown-ids',
      [
        `${BAD}/unknown-ids.yaml:5:8: error: skips question "sells-online", which question "vat-number-field" of ../../checklists/shop.yaml depends on; skip "vat-number-field" too, or keep "sells-online" [skipped-dependency]`,
        `${BAD}/unknown-ids.yaml:5:22: error: skips question "no-such-question", which ../../checklists/shop.yaml does not have [unknown-skip]`,
        `${BAD}/unknown-ids.yaml:8:3: error: overrides question "nowhere", which ../../checklists/shop.yaml does not have [unknown-override]`,
        '✖ 3 errors in 1 of 1 file',
      ],
    ],
    [
      'cycle-a',
      [
        `${BAD}/cycle-a.yaml:4:10: error: extends cycle-b.yaml, which leads back to this checklist (cycle-a.yaml → cycle-b.yaml → cycle-a.yaml); a checklist cannot build on itself, so remove one of these extends [extends-cycle]`,
        '✖ 1 error in 1 of 1 file',
      ],
    ],
    [
      'cycle-b',
      [
        `${BAD}/cycle-b.yaml:4:10: error: extends cycle-a.yaml, which leads back to this checklist (cycle-b.yaml → cycle-a.yaml → cycle-b.yaml); a checklist cannot build on itself, so remove one of these extends [extends-cycle]`,
        '✖ 1 error in 1 of 1 file',
      ],
    ],
    [
      'unknown-base',
      [
        `${BAD}/unknown-base.yaml:4:10: error: extends "customer-servise", which is neither a built-in checklist nor a checklist file that can be read (no such file; check the path); did you mean "customer-service"? [unknown-extends]`,
        '✖ 1 error in 1 of 1 file',
      ],
    ],
    [
      'bad-override',
      [
        `${BAD}/bad-override.yaml:6:32: error: "impact" in the override of question "email-reply-speed" must be critical, high, medium or low, not the text "hgh"; did you mean "high"? [unknown-value]`,
        `${BAD}/bad-override.yaml:6:37: error: the override of question "email-reply-speed" has an unknown key "why"; allowed keys are "impact", "effort", "owner" or "text" [unknown-key]`,
        '✖ 2 errors in 1 of 1 file',
      ],
    ],
  ])('%s: validate exits 1', async (name, lines) => {
    const result = await runCli(['validate', `${BAD}/${name}.yaml`]);
    expect(result.stdout.trimEnd().split('\n')).toEqual(lines);
    expect(result.code).toBe(1);
  });

  it('and stops a report (exit 2) before any answer is read', async () => {
    const result = await runCli(['report', 'test/fixtures/answers/shop-complete.yaml', `${BAD}/unknown-base.yaml`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe('cx-audit: cannot use this checklist; fix it first (cx-audit validate shows every problem):');
    expect(result.stderr).toContain(`${BAD}/unknown-base.yaml:4:10: error: extends "customer-servise"`);
  });

  it('a circle further on is named as such, not as one back to this checklist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-extends-'));
    const file = (id: string, base: string) => writeFileSync(join(dir, `${id}.yaml`), `id: ${id}\ntitle: ${id}\nversion: 1.0.0\nextends: ${base}\n`);
    file('start', 'loop-a.yaml');
    file('loop-a', 'loop-b.yaml');
    file('loop-b', 'loop-a.yaml');
    file('selfish', 'selfish.yaml');
    const start = await runCli(['validate', join(dir, 'start.yaml')]);
    expect(start.stdout.split('\n')[0]).toBe(
      `${join(dir, 'start.yaml')}:4:10: error: extends loop-a.yaml, which builds on a circle of checklists (loop-a.yaml → loop-b.yaml → loop-a.yaml); remove one of the extends in that circle [extends-cycle]`,
    );
    const selfish = await runCli(['validate', join(dir, 'selfish.yaml')]);
    expect(selfish.stdout.split('\n')[0]).toBe(
      `${join(dir, 'selfish.yaml')}:4:10: error: extends selfish.yaml, which is this checklist itself; a checklist cannot build on itself, so name another one [extends-cycle]`,
    );
  });

  it('skip and override without extends are errors, not silently ignored', async () => {
    const file = writeTemp(
      'orphan.yaml',
      'id: orphan\ntitle: Orphan\nversion: 1.0.0\nstage: during-sale\nskip: [a]\nquestions:\n  - { id: q, text: Q?, type: text }\n',
    );
    const result = await runCli(['validate', file]);
    expect(result.stdout.split('\n')[0]).toBe(
      `${file}:5:1: error: "skip" changes the questions of the checklist this one extends, and it extends none; add extends: <a built-in checklist's id or a file>, or remove "skip" [needs-extends]`,
    );
    expect(result.code).toBe(1);
  });
});

describe('validate --print-resolved', () => {
  it('prints the checklist as used, saying where each question and each overridden field comes from', async () => {
    const result = await runCli(['validate', '--print-resolved', `${PACK}/retail-service.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('✔ 1 checklist valid (21 questions)\n');
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      `# retail-service as resolved from ${PACK}/retail-service.yaml`,
      '',
      'id: retail-service',
      'title: Customer service for shops with a counter',
      'version: 1.0.0',
      'questions:',
      // inherited, as it is
      '  # from customer-service (built-in)',
      '  - id: contact-info-published',
    ]);
    // inherited, with an override
    const storeWait = lines.indexOf('  - id: store-wait');
    expect(lines[storeWait - 1]).toBe('  # from customer-service (built-in)');
    expect(lines.slice(storeWait + 1, storeWait + 11)).toEqual([
      '    text: At your busiest times, how long does a customer in your store usually wait before someone serves them or takes their payment?',
      '    type: choice',
      '    stage: during-sale',
      '    channels:',
      '      - physical-store',
      '    impact: critical # overridden here; was "medium"',
      '    effort: medium',
      '    kind: outcome',
      '    reach: most',
      '    owner: Shop floor # overridden here; was "Customer service"',
    ]);
    expect(lines).toContain(
      '    text: How soon does a customer who emails the shop get a real answer, not an automatic reply? # overridden here; was "How quickly does a customer usually get a real answer to an email?"',
    );
    // its own
    expect(lines.slice(lines.indexOf('  # this file'), lines.indexOf('  # this file') + 4)).toEqual([
      '  # this file',
      '  - id: returns-at-counter',
      '    text: Can a customer return an online order at the counter?',
      '    type: yes-no',
    ]);
    // skipped
    expect(result.stdout).not.toContain('id: live-chat-reply-speed');
  });

  it('through two extends, says which checklist changed what', async () => {
    const pack = join(ROOT, PACK, 'retail-service.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-extends-'));
    const file = join(dir, 'corner.yaml');
    writeFileSync(file, `id: corner\ntitle: Corner shop\nversion: 1.0.0\nextends: ${relative(dir, pack)}\noverride:\n  store-wait: { impact: high }\n`);
    const result = await runCli(['validate', '--print-resolved', file]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('    impact: high # overridden in retail-service; was "medium", then overridden here; was "critical"');
    expect(lines).toContain('    owner: Shop floor # overridden in retail-service; was "Customer service"');
    expect(lines[lines.indexOf('  - id: store-wait') - 1]).toBe('  # from customer-service (built-in)');
    expect(lines[lines.indexOf('  - id: returns-at-counter') - 1]).toBe(`  # from retail-service (${relative(dir, pack)})`);
  });
});

describe('an answer to a question that changed since', () => {
  const checklists = [`${PACK}/retail-service.yaml`, `${PACK}/counter.yaml`];

  it('is set aside with a warning when an override changed its text, and the report counts it unanswered', async () => {
    const base = await loadOne(CUSTOMER_SERVICE);
    const stampOf = (id: string) => questionStamp(base.questions.find((q) => q.id === id)!);
    // Answered in the interview before the pack overrode the text of one question (and only the impact of the other).
    const file = writeTemp(
      'answers.yaml',
      `schemaVersion: 1
checklists:
  retail-service: { version: 1.0.0 }
answers:
  retail-service/email-reply-speed:
    answer: same-day
    asked: ${stampOf('email-reply-speed')}
  retail-service/store-wait:
    answer: under-two
    asked: ${stampOf('store-wait')}
`,
    );
    const result = await runCli(['report', file, ...checklists, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe(
      `${file}:7:12: warning: question retail-service/email-reply-speed has changed since it was answered (it now reads "How soon does a customer who emails the shop get a real answer, not an automatic…"); the answer "same-day" is set aside until it is answered again [question-changed]`,
    );
    const report = JSON.parse(result.stdout) as { coverage: { answered: number }; answers: { key: string; status: string; answer: unknown }[] };
    expect(report.coverage.answered).toBe(1);
    expect(report.answers.find((a) => a.key === 'retail-service/email-reply-speed')).toMatchObject({ status: 'unanswered', answer: null });
    expect(report.answers.find((a) => a.key === 'retail-service/store-wait')).toMatchObject({ status: 'answered', answer: 'under-two' });
  });

  it('is set aside, not refused, when a new version relabels or renames its choices', async () => {
    const version = (v: string, label: string, id: string) => `id: speed
title: Speed
version: ${v}
stage: during-sale
questions:
  - id: reply
    text: How soon do you reply?
    type: choice
    impact: high
    effort: low
    title: Reply sooner
    why: Waiting customers leave.
    fix: Reply the same day.
    choices:
      - { id: fast, label: "${label}", score: 1 }
      - { id: slow, label: "Later", score: 0 }
  - id: wait
    text: How long do callers wait?
    type: choice
    impact: high
    effort: low
    title: Answer calls sooner
    why: Waiting callers hang up.
    fix: Answer within a minute.
    choices:
      - { id: ${id}, label: "Under a minute", score: 1 }
      - { id: long, label: "Longer", score: 0 }
`;
    const v1 = await loadOne(writeTemp('speed.yaml', version('1.0.0', 'The same day', 'short')));
    const stamps = Object.fromEntries(v1.questions.map((q) => [q.id, questionStamp(q)]));
    const v2 = writeTemp('speed.yaml', version('1.1.0', 'Within a week', 'under-a-minute'));
    const answers = writeTemp(
      'answers.yaml',
      `schemaVersion: 1\nanswers:\n  speed/reply: { answer: fast, asked: ${stamps.reply} }\n  speed/wait: { answer: short, asked: ${stamps.wait} }\n`,
    );
    const result = await runCli(['report', answers, v2, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/\[question-changed\]/g)).toHaveLength(2);
    expect((JSON.parse(result.stdout) as { coverage: { answered: number } }).coverage.answered).toBe(0);
  });
});
