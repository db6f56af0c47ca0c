import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { audit } from '../../src/audit/score.js';
import { loadPlan } from '../../src/plan/load.js';
import { planCsv, planMarkdown } from '../../src/plan/export.js';
import { planFor, type PlanFile } from '../../src/plan/plan.js';
import { planProgress } from '../../src/plan/progress.js';
import { answers, checklist } from '../helpers/build.js';

const c = checklist(
  'c',
  [
    { id: 'confirmation', action: 'test-order', owner: 'Operations' },
    { id: 'parcel', action: 'test-order', kind: 'check' },
    { id: 'reply', impact: 'high', owner: 'Support', fix: '=HYPERLINK("http://evil.example") answer within a day.' },
    { id: 'reviews', impact: 'low' },
    { id: 'loyalty' },
  ],
  { actions: [{ id: 'test-order', title: 'Place a test order and read every email it sends', fix: 'Order from your own shop.' }] },
);
const KEYS = c.questions.map((q) => q.key);
const base = { checklists: [c], toolVersion: 't', top: 5 };
const reportOf = (values: Record<string, 'yes' | 'no'>, date = '2026-03-01') => audit({ ...base, date, answers: answers(values) });
const dir = mkdtempSync(join(tmpdir(), 'cx-audit-plan-'));

/** The plan text, read back the way `cx-audit` reads a plan file. */
async function read(text: string): Promise<PlanFile> {
  const path = join(dir, `plan-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  const loaded = await loadPlan(path);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  return loaded.plan;
}

const allNo = Object.fromEntries(KEYS.map((k) => [k, 'no' as const]));

describe('a plan', () => {
  it('starts as the report’s actions, in order, to do, with the checklist’s owners', async () => {
    const report = reportOf(allNo);
    const { text, changes } = planFor(report, undefined, '2026-03-01');
    const plan = await read(text);
    expect(plan.actions.map((a) => [a.id, a.status, a.owner ?? null])).toEqual(report.actions.map((a) => [a.key, 'todo', a.owner]));
    expect(plan.actions[0]).toMatchObject({ id: 'c/reply', owner: 'Support', closes: ['c/reply'] });
    expect(plan.actions.find((a) => a.id === 'test-order')).toMatchObject({ closes: ['c/confirmation', 'c/parcel'], owner: 'Operations' });
    expect(changes.added).toHaveLength(report.actions.length);
    expect(text).toMatch(/^# An improvement plan from cx-audit/);
  });

  it('keeps every hand edit when updated, marks met actions done, and adds new ones at the end', async () => {
    const first = planFor(reportOf({ ...allNo, 'c/loyalty': 'yes' }), undefined, '2026-03-01').text;
    const edited = first
      .replace('  - id: c/reply\n', '  # Ana owns the inbox\n  - id: c/reply\n    note: "Rota from April"\n')
      .replace(/(id: test-order[\s\S]*?)owner: Operations\n {4}status: todo/, '$1owner: Jonas\n    due: 2026-04-01\n    status: doing')
      .replace(/(id: c\/reviews[\s\S]*?)status: todo/, '$1status: accepted\n    reason: Few reviews\n    acceptedBy: Mara\n    until: 2026-12-31');
    const { text, changes } = planFor(
      reportOf({ ...allNo, 'c/confirmation': 'yes', 'c/parcel': 'yes', 'c/loyalty': 'no' }),
      { text: edited, data: await read(edited) },
      '2026-05-01',
    );
    const plan = await read(text);
    expect(text).toContain('# Ana owns the inbox');
    expect(plan.actions.find((a) => a.id === 'c/reply')).toMatchObject({ note: 'Rota from April', status: 'todo' });
    expect(plan.actions.find((a) => a.id === 'test-order')).toMatchObject({ owner: 'Jonas', due: '2026-04-01', status: 'done', done: '2026-05-01' });
    expect(plan.actions.find((a) => a.id === 'c/reviews')).toMatchObject({ status: 'accepted', acceptedBy: 'Mara', until: '2026-12-31' });
    expect(plan.actions.at(-1)).toMatchObject({ id: 'c/loyalty', status: 'todo' });
    expect(plan.updated).toBe('2026-05-01');
    expect(changes).toEqual({ added: ['c/loyalty'], done: ['test-order'], kept: 2 });
  });

  it('survives ten rounds of updates with hand edits in between, losing none', async () => {
    const edit = fc.record({
      index: fc.nat(),
      owner: fc.option(fc.constantFrom('Ana', 'Jonas', 'Müller & Søn'), { nil: undefined }),
      due: fc.option(fc.constantFrom('2026-04-01', '2026-06-30'), { nil: undefined }),
      note: fc.option(fc.constantFrom('Called the carrier', 'Budget: 200 €'), { nil: undefined }),
      status: fc.option(fc.constantFrom('todo' as const, 'doing' as const, 'done' as const), { nil: undefined }),
    });
    const round = fc.record({
      answers: fc.array(fc.constantFrom('yes' as const, 'no' as const), { minLength: KEYS.length, maxLength: KEYS.length }),
      edits: fc.array(edit, { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 10, maxLength: 10 }), async (rounds) => {
        let text: string | undefined;
        let expected = new Map<string, Record<string, string>>();
        for (const [n, r] of rounds.entries()) {
          const report = reportOf(Object.fromEntries(KEYS.map((k, i) => [k, r.answers[i]!])), `2026-03-${String(n + 1).padStart(2, '0')}`);
          const data = text === undefined ? undefined : await read(text);
          text = planFor(report, text === undefined ? undefined : { text, data: data! }, report.date).text;
          const plan = await read(text);
          // Every hand edit so far is still there; a status only moves from todo or doing to done.
          for (const [id, fields] of expected) {
            const item = plan.actions.find((a) => a.id === id)!;
            for (const [key, value] of Object.entries(fields)) {
              if (key === 'status' && item.status === 'done' && (value === 'todo' || value === 'doing')) continue;
              expect(item[key as keyof typeof item], `${id}.${key} in round ${n}`).toBe(value);
            }
          }
          // Every open action is in the plan, once.
          expect(new Set(plan.actions.map((a) => a.id)).size).toBe(plan.actions.length);
          for (const a of report.actions) expect(plan.actions.map((p) => p.id)).toContain(a.key);
          // The person edits the file: parse, change, write back as YAML (as an editor would).
          const doc = parse(text) as PlanFile;
          for (const e of r.edits) {
            const item = doc.actions[e.index % doc.actions.length]!;
            const fields = { ...(expected.get(item.id) ?? {}) };
            for (const key of ['owner', 'due', 'note', 'status'] as const) {
              if (e[key] === undefined) continue;
              (item as unknown as Record<string, unknown>)[key] = e[key];
              fields[key] = e[key]!;
            }
            expected.set(item.id, fields);
          }
          text = `# edited by hand\n${(await import('yaml')).stringify(doc)}`;
          expected = new Map(expected);
        }
      }),
      { numRuns: 15, seed: 20261125 },
    );
  });

  it('refuses an accepted gap without its reason, who accepted it and until when, with places', async () => {
    const path = join(dir, 'bad-plan.yaml');
    writeFileSync(path, 'schemaVersion: 1\nactions:\n  - id: c/reply\n    title: Answer\n    status: accepted\n    due: 2026-02-30\n');
    const loaded = await loadPlan(path);
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '6:10 bad-date',
      '5:13 accepted-without-reason',
      '5:13 accepted-without-acceptedby',
      '5:13 accepted-without-until',
    ]);
  });
});

describe('the plan against the answers', () => {
  it('counts by status on the day, opens an acceptance past its day, and flags done work the answers contradict', async () => {
    const text = planFor(reportOf(allNo), undefined, '2026-03-01')
      .text.replace(/(id: c\/reviews[\s\S]*?)status: todo/, '$1status: accepted\n    reason: Few reviews\n    acceptedBy: Mara\n    until: 2026-06-30')
      .replace(/(id: c\/reply[\s\S]*?)status: todo/, '$1due: 2026-06-30\n    status: todo')
      .replace(/(id: c\/loyalty[\s\S]*?)status: todo/, '$1status: done');
    const plan = await read(text);
    const on = (date: string) => planProgress(plan, reportOf(allNo, date), { ...base, date, answers: answers(allNo) });
    expect(on('2026-06-30').counts).toEqual({ todo: 2, doing: 0, done: 1, accepted: 1, expired: 0, overdue: 0 });
    expect(on('2026-07-01').counts).toEqual({ todo: 2, doing: 0, done: 1, accepted: 0, expired: 1, overdue: 1 });
    expect(on('2026-07-01').items.find((i) => i.id === 'c/loyalty')?.gapRemains).toBe(true);
    // Done: everything open in the plan at the practice; the loyalty gap (marked done) stays.
    expect(on('2026-06-30').whenDone.low).toBeLessThan(100);
  });
});

describe('exports', () => {
  const plan: PlanFile = {
    schemaVersion: 1,
    client: 'Acme',
    actions: [
      { id: 'c/reply', title: 'Answer every email, within a day', closes: ['c/reply'], owner: 'Support', due: '2026-03-31', status: 'todo' },
      { id: 'test-order', title: '@risky title', closes: ['c/confirmation'], status: 'done', done: '2026-03-02' },
    ],
  };

  it('writes CSV a tracker imports: RFC 4180 quoting, CRLF, no formulas', () => {
    const csv = planCsv(plan, [c], '2026-04-01');
    expect(csv.split('\r\n')[0]).toBe('Title,Description,Owner,Due,Status,Labels');
    expect(csv).toContain('"Answer every email, within a day"');
    expect(csv).toContain(',Support,2026-03-31,To Do,cx-audit c overdue\r\n');
    expect(csv).toContain("'@risky title,");
    // A fix that starts with "=" is text, not a formula: the cell starts with a quote.
    expect(csv).toMatch(/,"'=HYPERLINK\(""http:\/\/evil\.example""\) answer within a day\. Closes: c\/reply\.",/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes a task list per owner, overdue work marked, from the day after its due day', () => {
    expect(planMarkdown(plan, '2026-03-31')).toContain('- [ ] Answer every email, within a day · due 2026-03-31');
    const md = planMarkdown(plan, '2026-04-01');
    expect(md).toContain('## Support\n\n- [ ] Answer every email, within a day · **overdue since 2026-03-31**');
    expect(md).toContain('## No owner yet\n\n- [x] @risky title · done 2026-03-02');
  });
});
