import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/answers/load.js';
import { loadChecklists } from '../../src/checklist/load.js';
import { builtinChecklistPaths } from '../../src/paths.js';
import { runCli } from '../helpers/run-cli.js';

const PROFILE = ['--profile', 'b2b', '--channels', 'phone,email', '--ships', 'no'];

describe('answers init: an answers file to fill in by hand', () => {
  it('holds every question the profile can be asked, with what each takes, and loads as a partial answers file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-skeleton-'));
    const file = join(dir, 'client.yaml');
    const result = await runCli(['answers', 'init', file, ...PROFILE, '--client', 'Müller & Søn']);
    expect(result.code).toBe(0);
    const preview = JSON.parse((await runCli(['list', ...PROFILE, '-f', 'json'])).stdout) as { count: number; questions: { key: string }[] };
    const text = readFileSync(file, 'utf8');
    expect(text.match(/^ {4}answer:$/gm)).toHaveLength(preview.count);
    for (const q of preview.questions) expect(text).toContain(`\n  ${q.key}:\n    answer:\n`);
    // A choice question lists its ids with their labels; a follow-up says when it is asked.
    expect(text).toMatch(/# one of these:\n {2}# {3}same-day: The same working day\n/);
    expect(text).toContain('client: "Müller & Søn"');
    const { checklists } = await loadChecklists(builtinChecklistPaths());
    const loaded = await loadAnswers(file, checklists);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.answers.answers.size).toBe(0);

    // Fill two, and the report names what is still empty.
    writeFileSync(
      file,
      text
        .replace('  customer-types/prices-without-tax:\n    answer:', '  customer-types/prices-without-tax:\n    answer: yes')
        .replace('  customer-types/vat-rules-checked:\n    answer:', '  customer-types/vat-rules-checked:\n    answer: no'),
    );
    const report = await runCli(['report', file, '-f', 'json']);
    expect(report.code).toBe(0);
    expect(report.stderr).toMatch(new RegExp(`warning: ${preview.count - 2} questions have no answer yet \\(customer-types/business-invoice-small-orders, `));
    expect(JSON.parse(report.stdout).coverage).toMatchObject({ answered: 2, unanswered: preview.count - 2 });
  });

  it('never overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-skeleton-'));
    const file = join(dir, 'client.yaml');
    writeFileSync(file, 'mine\n');
    const result = await runCli(['answers', 'init', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists; choose another name, or move it away first (cx-audit answers init never overwrites)');
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });
});
