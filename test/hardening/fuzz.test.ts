import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli, type CliResult } from '../helpers/run-cli.js';

/**
 * Random mutations of valid files never crash or hang the CLI: every run ends
 * with exit 0, 1 or 2, and a failing run always says something.
 */
const dir = mkdtempSync(join(tmpdir(), 'cx-audit-fuzz-'));
const CHECKLIST = readFileSync('test/fixtures/checklists/shop.yaml', 'utf8');
const ANSWERS = readFileSync('test/fixtures/answers/shop-partial.yaml', 'utf8');
const RUNS = 150;
let counter = 0;

async function withinTime(promise: Promise<CliResult>, ms = 5000): Promise<CliResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function expectOrderly(result: CliResult): void {
  expect([0, 1, 2]).toContain(result.code);
  expect(result.stderr).not.toContain('unexpected error');
  expect(result.stderr).not.toMatch(/^\s+at /m);
  if (result.code !== 0) expect(result.stdout + result.stderr).not.toBe('');
}

const SPECIAL = ':{}[]-#&*!|>\'"%@`\t\n\r\u0000\u001b,?';
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ unit: fc.constantFrom(...SPECIAL) }), fc.string({ unit: 'binary' })),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, mutations: TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length ? m.at % out.length : 0;
    const lines = out.split('\n');
    switch (m.kind) {
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.length);
        break;
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'duplicate-line': {
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i]!);
        out = lines.join('\n');
        break;
      }
      case 'swap-lines': {
        const i = m.at % lines.length;
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        out = lines.join('\n');
        break;
      }
      case 'truncate':
        out = out.slice(0, at);
    }
  }
  return out;
}

/** Every path to a value in parsed data. */
function paths(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (data === null || typeof data !== 'object') return [prefix];
  const entries = Array.isArray(data) ? data.map((v, i) => [i, v] as const) : Object.entries(data);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

const weirdValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', -1, 1.5, 2, 1e308, 'n/a', 'unsure', 'yes', [], {}, '__proto__', 'b2x', 'x'.repeat(3000)),
);
const dataMutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'add-key', 'wrap-in-list'),
  key: fc.constantFrom('__proto__', 'constructor', 'when', 'impact', 'choices', 'extra', 'answer', 'note'),
  value: weirdValue,
});
type DataMutation = typeof dataMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateData(text: string, mutations: DataMutation[]): string {
  const data = parse(text) as unknown;
  for (const m of mutations) {
    const all = paths(data).filter((p) => p.length > 0);
    const path = all[m.at % all.length]!;
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], data) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (m.kind === 'replace') parent[key] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.kind === 'wrap-in-list') parent[key] = [parent[key]];
    else if (parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key])) {
      Object.defineProperty(parent[key], m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    }
  }
  return stringify(data);
}

function write(text: string): string {
  const path = join(dir, `f${counter++}.yaml`);
  writeFileSync(path, text);
  return path;
}

describe('random mutations never crash or hang', () => {
  it('of a checklist, in its text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        expectOrderly(await withinTime(runCli(['validate', write(mutateText(CHECKLIST, mutations))])));
      }),
      { numRuns: RUNS },
    );
  });

  it('of a checklist, in its data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dataMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const checklist = write(mutateData(CHECKLIST, mutations));
        expectOrderly(await withinTime(runCli(['validate', checklist])));
        expectOrderly(await withinTime(runCli(['report', 'test/fixtures/answers/shop-partial.yaml', checklist])));
      }),
      { numRuns: RUNS },
    );
  });

  it('of an answers file, in its text and its data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { maxLength: 3 }), fc.array(dataMutation, { maxLength: 3 }), async (texts, datas) => {
        let text = ANSWERS;
        try {
          text = mutateData(text, datas);
        } catch {
          // a mutation that left nothing to mutate; the text mutations still apply
        }
        const answers = write(mutateText(text, texts));
        const args = ['test/fixtures/checklists/shop.yaml', 'test/fixtures/checklists/other.yaml'];
        expectOrderly(await withinTime(runCli(['report', answers, ...args])));
        expectOrderly(await withinTime(runCli([...args, '--answers', answers, '-f', 'json'])));
      }),
      { numRuns: RUNS },
    );
  });
});
