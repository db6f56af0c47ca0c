import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnswers } from '../../src/answers/load.js';
import { loadChecklists } from '../../src/checklist/load.js';
import { resolveDisputes } from '../../src/interview/flow.js';
import { AnswersStore } from '../../src/interview/store.js';
import { runCli } from '../helpers/run-cli.js';
import { scriptedAsk } from '../helpers/scripted-ask.js';

const CHECKLISTS = ['test/fixtures/checklists/shop.yaml', 'test/fixtures/checklists/other.yaml'];
const TEAM = ['mara', 'ana', 'jonas'].map((n) => `test/fixtures/team/${n}.yaml`);

describe('a team audit', () => {
  it('scores the agreed answers and puts the disagreements where nobody can miss them, the biggest first', async () => {
    const result = await runCli(['report', ...TEAM, ...CHECKLISTS, '-f', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.team.respondents.map((r: { name: string; role: string | null }) => [r.name, r.role])).toEqual([
      ['Mara', 'owner'],
      ['Ana', 'support'],
      ['jonas', null],
    ]);
    expect(report.team.respondents[1].answers['shop/vat-number-field']).toBe('no');
    const disputes = report.team.disagreements as { key: string; stake: number; agreed: { label: string } }[];
    expect(disputes.map((d) => d.key)).toEqual([
      'shop/vat-number-field',
      'shop/order-updates',
      'shop/delivery-options',
      'shop/emails-read',
      'shop/contact-channels',
    ]);
    expect(disputes.map((d) => d.stake)).toEqual([...disputes.map((d) => d.stake)].sort((a, b) => b - a));
    expect(disputes[0]).toMatchObject({ agreed: { label: 'No' } });
    // follow-up answered n/a by one and yes by two: agreed, not disputed.
    expect(disputes.map((d) => d.key)).not.toContain('other/follow-up');

    const md = await runCli(['report', ...TEAM, ...CHECKLISTS]);
    const summary = md.stdout.slice(0, md.stdout.indexOf('## Where your team disagrees'));
    expect(summary).toContain('**Your team disagrees on 5 questions, the biggest worth 17.4 points.** See "Where your team disagrees" below.');
    expect(md.stdout).toMatch(
      /## Where your team disagrees\n\nMara, Ana and jonas answered, and disagree on 5 questions;[^\n]*\n\n### Can a business buyer enter a VAT number at checkout\?\n\nAt stake: 17\.4 points · agreed for now: \*\*No\*\*\n\n\| Who \| Answer \| Note \|\n\| --- \| --- \| --- \|\n\| Mara \| Yes \| \|\n\| Ana \| No \| Customers email us their VAT number \|\n\| jonas \| Yes \| \|\n/,
    );
  });

  it('refuses files of another client, another checklist version, or the same person twice, naming them', async () => {
    const other = await runCli(['report', TEAM[0]!, 'test/fixtures/team/other-client.yaml', ...CHECKLISTS]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      'cx-audit: cannot score these answers files as one team audit:\n  they are answers for different clients: "Acme Fabrics" (test/fixtures/team/mara.yaml); "Other Shop" (test/fixtures/team/other-client.yaml)\n',
    );
    const version = await runCli(['merge', TEAM[0]!, 'test/fixtures/team/old-version.yaml', ...CHECKLISTS]);
    expect(version.code).toBe(2);
    expect(version.stderr).toContain(
      'they answer different versions of checklist shop: 1.2.0 (test/fixtures/team/mara.yaml); 1.0.0 (test/fixtures/team/old-version.yaml)',
    );
    const twice = await runCli(['merge', TEAM[1]!, TEAM[1]!, ...CHECKLISTS]);
    expect(twice.stderr).toContain('"Ana" answered more than one of them');
  });

  it('merges, resolves the disputes with who decided, and reports the agreed file like any other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-team-'));
    const agreed = join(dir, 'agreed.yaml');
    const merged = await runCli(['merge', ...TEAM, ...CHECKLISTS, '-o', agreed]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/They disagree on 5 questions; .* --answers \S+agreed\.yaml --resolve/);
    const file = parse(readFileSync(agreed, 'utf8'));
    expect(file.answers['shop/vat-number-field']).toMatchObject({ answer: 'no', disputed: true });
    expect(file.answers['shop/vat-number-field'].votes).toEqual([
      { respondent: 'Mara', answer: 'yes' },
      { respondent: 'Ana', answer: 'no', note: 'Customers email us their VAT number' },
      { respondent: 'jonas', answer: 'yes' },
    ]);

    const { checklists } = await loadChecklists(CHECKLISTS);
    const loaded = await loadAnswers(agreed, checklists);
    if (!loaded.ok) throw new Error('agreed file invalid');
    const store = new AnswersStore(agreed, checklists);
    store.lock();
    store.adopt(loaded.answers);
    const script = scriptedAsk({
      steps: [
        ['shop/vat-number-field', 'yes'],
        ['shop/delivery-options', 4],
        ['shop/order-updates', 'confirmation'],
        ['shop/emails-read', 'no'],
        ['shop/contact-channels', ['phone', 'email']],
      ],
    });
    await resolveDisputes({
      checklists,
      answers: loaded.answers,
      ask: script.ask,
      save: (a) => store.save(a),
      now: () => '2026-11-25T10:00:00Z',
      decidedBy: 'Mara',
    });
    store.release();
    expect(script.remaining()).toBe(0);
    expect(script.log.views[0]!.votes).toHaveLength(3);
    const after = parse(readFileSync(agreed, 'utf8'));
    expect(after.answers['shop/vat-number-field']).toMatchObject({ answer: 'yes', decidedBy: 'Mara' });
    expect(after.answers['shop/vat-number-field'].disputed).toBeUndefined();
    expect(after.answers['shop/vat-number-field'].votes).toHaveLength(3);
    expect(after.answers['shop/sells-online'].decidedBy).toBeUndefined();

    const report = await runCli(['report', agreed, ...CHECKLISTS, '-f', 'json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).answers.find((a: { key: string }) => a.key === 'shop/order-updates').label).toBe('A confirmation only');
  });

  it('never merges over a file, which may hold decisions made with --resolve', async () => {
    const agreed = join(mkdtempSync(join(tmpdir(), 'cx-audit-team-')), 'agreed.yaml');
    writeFileSync(agreed, 'decided: keep me\n');
    const again = await runCli(['merge', ...TEAM, ...CHECKLISTS, '-o', agreed]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `cx-audit: ${agreed} already exists, and may hold decisions made with --resolve; choose another name, or move it away first (merge never overwrites)\n`,
    );
    expect(readFileSync(agreed, 'utf8')).toBe('decided: keep me\n');
  });
});
