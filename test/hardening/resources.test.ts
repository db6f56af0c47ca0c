import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/files/limits.js';
import { spawnBin } from '../helpers/run-cli.js';

/**
 * A property: whatever a file under the size limit holds, `validate` and
 * `report` end within a few seconds and a few hundred MB, with an exit code
 * from the README's table and no stack trace. The shapes are the ones that
 * once hung or crashed cx-audit, at sizes drawn up to the limit.
 */

const HEAD = 'id: big\ntitle: Big\nversion: 1.0.0\nstage: during-sale\n';
const question = (i: number, extra = '', impact = 'low') =>
  `  - { id: q${i}, text: "Question ${i}?", type: yes-no, impact: ${impact}, effort: low, why: W, fix: F${extra} }`;

/** Each shape, given a size from 0 to 1, writes a file of up to about the size limit. */
const SHAPES: Record<string, (size: number) => string> = {
  'flow list': (s) => `${HEAD}learnMore: [${'x,'.repeat(Math.floor(s * 7_000_000))}x]\nquestions: []\n`,
  'block list': (s) => `${HEAD}learnMore:\n${'  - x\n'.repeat(Math.floor(s * 2_500_000))}questions: []\n`,
  'wide mapping': (s) => `${HEAD}${Array.from({ length: Math.floor(s * 700_000) }, (_, i) => `k${i}: 1`).join('\n')}\nquestions: []\n`,
  'deep block nesting': (s) => {
    const depth = Math.floor(s * 3000);
    let text = `${HEAD}questions:\n  - id: a\n    text: A?\n    type: yes-no\n    impact: low\n    effort: low\n    when:\n`;
    for (let i = 0, pad = '      '; i < depth; i++, pad += '  ') text += `${pad}not:\n`;
    return text;
  },
  'deep flow nesting': (s) => `${HEAD}questions: ${'['.repeat(Math.floor(s * 4_000_000))}`,
  'alias chain': (s) => {
    const levels = 2 + Math.floor(s * 20);
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < levels; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    return `${HEAD}${lines.join('\n')}\nquestions: *a${levels - 1}\n`;
  },
  'cycle of conditions': (s) => {
    const n = 2 + Math.floor(s * 90_000);
    return `${HEAD}questions:\n${Array.from({ length: n }, (_, i) => question(i, `, when: { question: q${(i + 1) % n}, is: yes }`)).join('\n')}\n`;
  },
  'an error in every question': (s) =>
    `${HEAD}questions:\n${Array.from({ length: 1 + Math.floor(s * 90_000) }, (_, i) => question(i, ', when: { question: nowhere, is: maybe }', 'hgh')).join('\n')}\n`,
  'valid and large': (s) => `${HEAD}questions:\n${Array.from({ length: 1 + Math.floor(s * 90_000) }, (_, i) => question(i)).join('\n')}\n`,
  'one long text': (s) => `${HEAD}description: "${'x'.repeat(Math.floor(s * (MAX_FILE_BYTES - 200)))}"\nquestions:\n${question(0)}\n`,
};

describe('any input under the size limit', () => {
  it('ends within a few seconds and a few hundred MB, with a clear exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-resources-'));
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'schemaVersion: 1\nanswers: {}\n');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(SHAPES)),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.constantFrom('validate', 'report'),
        async (shape, size, command) => {
          const text = SHAPES[shape]!(size);
          fc.pre(Buffer.byteLength(text) <= MAX_FILE_BYTES);
          const path = join(dir, `input-${run++}.yaml`);
          writeFileSync(path, text);
          const args = command === 'validate' ? ['validate', path] : ['report', answers, path, '-o', join(dir, 'report.md')];
          const result = await spawnBin(args, { measure: true }).done;
          const what = `${command} on ${shape} (${(text.length / 1e6).toFixed(1)} MB)`;
          expect([0, 1, 2], what).toContain(result.code);
          expect(result.stderr, what).not.toMatch(/^\s+at |heap out of memory|Maximum call stack|unexpected error/m);
          expect(result.ms, what).toBeLessThan(12_000);
          expect(result.peakMb, what).toBeLessThan(600);
        },
      ),
      { numRuns: 10, seed: Number(process.env.CX_AUDIT_SEED ?? 20261125) },
    );
  }, 240_000);
});
