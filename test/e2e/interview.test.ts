import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, Terminal } from '../helpers/pty.js';
import { ROOT } from '../helpers/run-cli.js';

const CHECKLISTS = [`${ROOT}test/fixtures/checklists/shop.yaml`, `${ROOT}test/fixtures/checklists/other.yaml`];
const open: Terminal[] = [];
/** A whole profile, so the interview starts at the first question. */
const PROFILE_FLAGS = ['--profile', 'b2c', '--channels', 'web-shop', '--ships', 'yes', '--staff', 'no', '--outside-support', 'no', '--market', 'eu'];
afterEach(() => open.splice(0).forEach((t) => t.kill()));

function start(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  const t = new Terminal([...CHECKLISTS, ...args], cwd, env);
  open.push(t);
  return t;
}

describe('the interview in a real terminal', () => {
  it('survives Ctrl-C with every answer on disk, then resumes and finishes', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const answersFile = join(cwd, 'cx-audit-answers.yaml');

    const first = start(cwd);
    await first.waitFor('Who do you sell to?');
    await first.press(KEY.space, KEY.down, KEY.space, KEY.enter); // B2C and B2B
    await first.waitFor('Which of these do you run?');
    await first.press(KEY.space, KEY.enter); // web shop
    await first.waitFor('Do you send physical goods to customers');
    await first.press('y');
    await first.waitFor('8 questions for this business, about 4 minutes.');
    await first.waitFor('Do you sell online?');
    await first.press(KEY.enter); // Yes
    await first.waitFor('Can a business buyer enter a VAT number at checkout?');
    await first.press(KEY.down, KEY.enter); // No
    await first.waitFor('question 3 of 7');
    await first.waitFor('How clearly are delivery options shown before checkout?');
    await first.press(KEY.ctrlC);
    expect((await first.exited).exitCode).toBe(130);
    expect(first.text()).toContain('interrupted. 2 answers are saved in cx-audit-answers.yaml; run `cx-audit');

    const saved = parse(readFileSync(answersFile, 'utf8'));
    // Only the facts these checklists depend on are asked.
    expect(saved.profile).toEqual({ customerTypes: ['b2c', 'b2b'], channels: ['web-shop'], shipsGoods: true });
    expect(Object.keys(saved.answers)).toEqual(['shop/sells-online', 'shop/vat-number-field']);
    expect(saved.answers['shop/vat-number-field'].answer).toBe('no');
    expect(existsSync(`${answersFile}.lock`)).toBe(false);

    const second = start(cwd);
    await second.waitFor('cx-audit-answers.yaml already holds 2 of 8 answers');
    await second.press(KEY.enter); // resume
    await second.waitFor('How clearly are delivery options shown before checkout?');
    await second.press(KEY.down, KEY.down, KEY.down, KEY.enter); // 4
    await second.waitFor('How do customers learn where their order is?');
    await second.press(KEY.down, KEY.down, KEY.enter); // tracking
    await second.waitFor('Have you placed a test order in the last three months');
    await second.press(KEY.enter); // yes
    await second.waitFor('Which ways can customers reach a person?');
    await second.press(KEY.space, KEY.enter); // phone
    await second.waitFor('What makes your shop different, in one sentence?');
    await second.press(...'Fabric', KEY.enter);
    await second.waitFor('Do you follow up after every order?');
    await second.press(KEY.enter); // yes
    expect((await second.exited).exitCode).toBe(0);
    expect(second.text()).toContain('All done. Your answers are saved in cx-audit-answers.yaml.');
    expect(second.text()).toContain('The full report, with every fix and every answer, is in cx-audit-report.md.');
    expect(second.text()).toMatch(/Score \d+\.\d of 100 · stage \d of 5: /);

    const report = readFileSync(join(cwd, 'cx-audit-report.md'), 'utf8');
    expect(report).toMatch(/^# Customer experience audit\n/);
    expect(Object.keys(parse(readFileSync(answersFile, 'utf8')).answers)).toHaveLength(8);
  });

  it('--refresh asks again only what is unsure or out of date, and dates the new answers', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const answersFile = join(cwd, 'cx-audit-answers.yaml');
    // Every answer given on 2026-01-10; the test order (validFor: 6 months) is out of date on 2026-08-01.
    writeFileSync(
      answersFile,
      readFileSync(`${ROOT}test/fixtures/answers/shop-complete.yaml`, 'utf8')
        .replace(/^( {2}[\w-]+\/[\w-]+: \{ answer: .*) \}$/gm, '$1, at: 2026-01-10T09:00:00Z }')
        .replace('shop/delivery-options: { answer: 4,', 'shop/delivery-options: { answer: unsure,'),
    );
    const t = start(cwd, ['--refresh'], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 7, 1) / 1000) });
    await t.waitFor('How clearly are delivery options shown before checkout?');
    await t.press('4');
    await t.waitFor('Have you placed a test order in the last three months');
    await t.press('y');
    expect((await t.exited).exitCode).toBe(0);
    expect(t.text()).toContain('All done.');
    const saved = parse(readFileSync(answersFile, 'utf8'));
    expect(saved.answers['shop/delivery-options'].answer).toBe(4);
    expect(saved.answers['shop/emails-read'].at).not.toBe('2026-01-10T09:00:00Z');
    // Nothing else was asked again.
    expect(saved.answers['shop/sells-online'].at).toBe('2026-01-10T09:00:00Z');
  });

  it('--resolve shows what each person answered and records who decided', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const team = ['mara', 'ana', 'jonas'].map((n) => `${ROOT}test/fixtures/team/${n}.yaml`);
    const merged = spawnSync(process.execPath, [`${ROOT}bin/cx-audit.js`, 'merge', ...team, ...CHECKLISTS, '-o', join(cwd, 'agreed.yaml')], {
      encoding: 'utf8',
    });
    expect(merged.status).toBe(0);
    const t = start(cwd, ['--answers', 'agreed.yaml', '--resolve', '--respondent', 'Mara, owner']);
    await t.waitFor('Your team answered:');
    await t.waitFor('Ana: No (Customers email us their VAT number)');
    await t.waitFor('Can a business buyer enter a VAT number at checkout?');
    await t.press('y');
    await t.waitFor('How clearly are delivery options shown before checkout?');
    await t.press('4');
    await t.waitFor('How do customers learn where their order is?');
    await t.press('2');
    await t.waitFor('Have you placed a test order');
    await t.press('n');
    await t.waitFor('Which ways can customers reach a person?');
    await t.press(KEY.enter);
    expect((await t.exited).exitCode).toBe(0);
    const saved = parse(readFileSync(join(cwd, 'agreed.yaml'), 'utf8'));
    expect(saved.answers['shop/vat-number-field']).toMatchObject({ answer: 'yes', decidedBy: 'Mara' });
    expect(saved.answers['shop/order-updates']).toMatchObject({ answer: 'confirmation', decidedBy: 'Mara' });
    expect(Object.values(saved.answers).some((a) => (a as { disputed?: boolean }).disputed)).toBe(false);
    expect(saved.respondent).toBeUndefined();
  });

  it('refuses a second interview on the same answers file', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const first = start(cwd);
    await first.waitFor('Who do you sell to?');
    const second = start(cwd);
    expect((await second.exited).exitCode).toBe(2);
    expect(second.text()).toMatch(
      /cx-audit-answers\.yaml is in use by another cx-audit \(process \d+, since .*\)\. Finish that interview first; if none is running, delete cx-audit-answers\.yaml\.lock/,
    );
    await first.press(KEY.ctrlC);
    expect((await first.exited).exitCode).toBe(130);
  });

  it('leaves on SIGTERM at a prompt with exit 130 and the answers saved', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const t = start(cwd, PROFILE_FLAGS);
    await t.waitFor('Do you sell online?');
    await t.press(KEY.enter);
    await t.waitFor('How clearly are delivery options');
    process.kill((t as unknown as { pty: { pid: number } }).pty.pid, 'SIGTERM');
    expect((await t.exited).exitCode).toBe(130);
    expect(t.text()).toContain('interrupted. 1 answer is saved in cx-audit-answers.yaml');
  });

  it('leaves when the terminal closes (SIGHUP) with the answers saved and the file free for the next interview', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const t = start(cwd, PROFILE_FLAGS);
    await t.waitFor('Do you sell online?');
    await t.press(KEY.enter);
    await t.waitFor('How clearly are delivery options');
    process.kill((t as unknown as { pty: { pid: number } }).pty.pid, 'SIGHUP');
    expect((await t.exited).exitCode).toBe(130);
    expect(existsSync(join(cwd, 'cx-audit-answers.yaml.lock'))).toBe(false);
    const saved = parse(readFileSync(join(cwd, 'cx-audit-answers.yaml'), 'utf8')) as { answers: Record<string, { answer: unknown }> };
    expect(saved.answers['shop/sells-online']?.answer).toBe('yes');
  });
});

describe('hostile text and fast keys in a real terminal', () => {
  /** A note that tries to set the window title, write the clipboard (OSC 52), plant a link (OSC 8) and clear the screen. */
  const HOSTILE = '\u001b]0;pwned\u0007\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\u001b[2J\u202e';
  const ANSWERS = (note: string) =>
    [
      'schemaVersion: 1',
      'profile: { customerTypes: [b2c], channels: [web-shop], shipsGoods: true, hasStaff: false, outsideSupport: false, markets: [eu] }',
      'answers:',
      `  shop/sells-online: { answer: yes, note: ${JSON.stringify(note)} }`,
      `  shop/delivery-options: { answer: 4 }`,
      `  shop/order-updates: { answer: tracking }`,
      `  shop/emails-read: { answer: yes }`,
      `  shop/contact-channels: { answer: [phone] }`,
      `  shop/shop-story: { answer: ${JSON.stringify(`Fabric ${note}`)} }`,
      '',
    ].join('\n');
  /** What a terminal acts on: OSC (ESC ]), C1 OSC, BEL, a clear-screen, bidirectional overrides. */
  const ACTIVE = /\u001b\]|\u009d|\u0007|\u001b\[2J|\u202e|pwned|evil\.example/;

  it('never sends a text answer to the terminal raw when it is offered as the default', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    writeFileSync(join(cwd, 'cx-audit-answers.yaml'), ANSWERS(HOSTILE));
    const t = start(cwd);
    await t.waitFor('already holds 6 of 7 answers');
    await t.press(KEY.enter); // resume, at "Do you follow up after every order?"
    await t.waitFor('Do you follow up after every order?');
    await t.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // ← Back: yes, no, n/a, unsure, note, why, back
    await t.waitFor('What makes your shop different, in one sentence?');
    await t.waitFor('Fabric'); // the text answer is offered as the default…
    expect(t.raw()).not.toMatch(ACTIVE); // …without what it carried
    await t.press(KEY.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
    expect(t.raw()).not.toMatch(ACTIVE);
  });

  it('never sends a note to the terminal raw as the default of "Edit the note"', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    writeFileSync(
      join(cwd, 'cx-audit-answers.yaml'),
      `schemaVersion: 1\nprofile: { customerTypes: [b2c], channels: [web-shop], shipsGoods: true, hasStaff: false, outsideSupport: false, markets: [eu] }\nanswers:\n  shop/sells-online: { answer: yes, note: ${JSON.stringify(`Ask Ana ${HOSTILE}`)} }\n`,
    );
    const t = start(cwd);
    await t.waitFor('already holds 1 of 7 answers');
    await t.press(KEY.enter); // resume
    await t.waitFor('How clearly are delivery options shown before checkout?');
    await t.press(...Array<string>(10).fill(KEY.down), KEY.enter); // ← Back, the last entry
    await t.waitFor('Do you sell online?');
    await t.waitFor('Edit the note…');
    await t.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // Edit the note…: from Yes, past No, n/a, unsure
    await t.waitFor('Note (saved with your answer');
    await t.waitFor('Ask Ana');
    expect(t.raw()).not.toMatch(ACTIVE);
    await t.press(KEY.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
    expect(t.raw()).not.toMatch(ACTIVE);
  });

  it('Ctrl-C typed in the same instant as Enter stops the interview, with the answer saved', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const t = start(cwd, PROFILE_FLAGS);
    await t.waitFor('Do you sell online?');
    t.write(`${KEY.enter}${KEY.ctrlC}`);
    expect((await t.exited).exitCode).toBe(130);
    expect(t.text()).toContain('interrupted. 1 answer is saved in cx-audit-answers.yaml');
    expect(parse(readFileSync(join(cwd, 'cx-audit-answers.yaml'), 'utf8')).answers['shop/sells-online'].answer).toBe('yes');
  });

  it('a note longer than the answers file takes is refused at the prompt, not saved', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const t = start(cwd, PROFILE_FLAGS);
    await t.waitFor('Do you sell online?');
    await t.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // Add a note…
    await t.waitFor('Note (saved with your answer');
    t.write('x'.repeat(2100));
    await new Promise((r) => setTimeout(r, 300));
    await t.press(KEY.enter);
    await t.waitFor('That is 2,100 characters; the answers file keeps at most 2,000. Shorten it.');
    await t.press(KEY.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  });
});

describe('the terminal rules, in a real terminal', () => {
  it('prompts when stdin is a terminal and CI is not set', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const t = start(cwd);
    await t.waitFor('Who do you sell to?');
    await t.press(KEY.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  });

  it('never prompts with CI set, even on a terminal', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const t = new Terminal([...CHECKLISTS], cwd, { CI: 'true' });
    open.push(t);
    expect((await t.exited).exitCode).toBe(2);
    expect(t.text()).toContain('no answers to report: CI is set, so cx-audit cannot ask');
    expect(t.text()).not.toContain('Who do you sell to?');
  });

  it('never prompts with --no-input, even on a terminal', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cx-audit-e2e-'));
    const t = start(cwd, ['--no-input']);
    expect((await t.exited).exitCode).toBe(2);
    expect(t.text()).toContain('no answers to report: --no-input was given, so cx-audit cannot ask');
  });
});
