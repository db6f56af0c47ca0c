import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../helpers/pdf-text.js';
import { runCli } from '../helpers/run-cli.js';

// The plan and the team's disagreements, in the client-ready formats: the
// same sections the Markdown report has, in the same place (after the summary).
const CHECKLISTS = ['test/fixtures/checklists/shop.yaml', 'test/fixtures/checklists/other.yaml'];
const TEAM = ['mara', 'ana', 'jonas'].map((n) => `test/fixtures/team/${n}.yaml`);
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01
const PLAN = `schemaVersion: 1
actions:
  - id: shop/order-updates
    title: Send a tracking link with every parcel
    closes: [shop/order-updates]
    owner: Jonas Weber
    due: 2025-12-15
    status: doing
  - id: other/follow-up
    title: Follow up a week after delivery
    closes: [other/follow-up]
    status: accepted
    reason: Customers find it pushy
    acceptedBy: Łucja Müller
    until: 2026-06-30
`;

async function render(args: string[], format: 'html' | 'pdf'): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'cx-audit-sections-')), `report.${format}`);
  const result = await runCli(['report', ...args, '-o', file], EPOCH);
  expect(result.code, result.stderr).toBe(0);
  return format === 'html' ? readFileSync(file, 'utf8') : (await pdfPages(readFileSync(file))).join('\n');
}

function planArgs(): string[] {
  const plan = join(mkdtempSync(join(tmpdir(), 'cx-audit-plan-')), 'plan.yaml');
  writeFileSync(plan, PLAN);
  return ['test/fixtures/answers/shop-partial.yaml', ...CHECKLISTS, '--plan', plan];
}

describe('the HTML and PDF reports', () => {
  it('show where the team disagrees right after the summary, with who answered what', async () => {
    const page = await render([...TEAM, ...CHECKLISTS], 'html');
    const sections = [...page.matchAll(/<section id="([\w-]+)"/g)].map((m) => m[1]);
    expect(sections.slice(0, 3)).toEqual(['summary', 'team', 'actions']);
    expect(page).toContain(
      '<strong>Your team disagrees on 5 questions, the biggest worth 17.4 points.</strong> See &quot;Where your team disagrees&quot; below.',
    );
    expect(page).toMatch(
      /<h3>Can a business buyer enter a VAT number at checkout\?<\/h3>[\s\S]*?At stake: 17\.4 points · agreed for now: No[\s\S]*?<td>Ana<\/td><td>No<\/td><td>Customers email us their VAT number<\/td>/,
    );

    const text = await render([...TEAM, ...CHECKLISTS], 'pdf');
    expect(text).toContain('Your team disagrees on 5 questions, the biggest worth 17.4 points.');
    expect(text).toMatch(/Where your team disagrees\s+Mara, Ana and jonas answered, and disagree on 5 questions/);
    expect(text).toMatch(/Ana\s+No\s+Customers email us their VAT number/);
  });

  it('show the plan: who does what by when, what is overdue, and the accepted gaps', async () => {
    const page = await render(planArgs(), 'html');
    const sections = [...page.matchAll(/<section id="([\w-]+)"/g)].map((m) => m[1]);
    expect(sections.slice(0, 3)).toEqual(['summary', 'plan', 'actions']);
    expect(page).toContain('2 actions in the plan: 1 in progress and 1 accepted; 1 overdue.');
    expect(page).toMatch(
      /<td>Send a tracking link with every parcel<\/td><td>Jonas Weber<\/td><td><strong>2025-12-15, overdue<\/strong><\/td><td>In progress<\/td>/,
    );
    expect(page).toContain('<strong>Follow up a week after delivery</strong>: accepted by Łucja Müller until 2026-06-30. Customers find it pushy');

    const text = await render(planArgs(), 'pdf');
    expect(text).toMatch(/The plan\s+2 actions in the plan: 1 in progress and 1 accepted; 1 overdue\./);
    expect(text).toMatch(/Send a tracking link with every parcel\s+Jonas Weber\s+2025-12-15, overdue\s+In progress/);
    expect(text).toContain('accepted by Łucja Müller until 2026-06-30');
  });
});

describe('the scores by checklist', () => {
  it('say a checklist none of whose questions fit the business does not apply, rather than "0 of 0"', async () => {
    const result = await runCli(['report', 'test/fixtures/scenarios/late-web-shop.yaml'], EPOCH);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('| Chatbots | – | does not apply |');
    expect(result.stdout).toContain('| Customer service | 45.0 | 7 of 8 |');
  });
});
