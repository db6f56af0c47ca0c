import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CORE_SCHEMA } from '../../src/files/yaml-core.js';
import { builtinChecklistPaths } from '../../src/paths.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * cx-audit reads data with js-yaml and explains syntax errors with yaml. The
 * two must read every file alike: same data, and the same verdict on whether
 * it is YAML at all. These properties check it on generated scalars, on
 * generated documents, and on the built-in checklists and answers files
 * mutated at random.
 */

type Read = { ok: true; data: unknown } | { ok: false };

/**
 * Where the two parsers are known to differ, neither difference reaching a
 * verdict of cx-audit's: a null key (js-yaml names it "null", yaml "") and an
 * empty entry of a compact nested list (js-yaml puts the next item inside
 * it). No cx-audit format has null keys or lists of lists, so both files are
 * refused either way; the test below shows it.
 */
const KNOWN_DIFFERENCES = /^\s*(?:[-?]\s+)*(?:~|null|Null|NULL)?\s*:(?:\s|$)|^\s*\?\s|^\s*(?:-\s+)+-\s*$/m;

function withJsYaml(text: string): Read {
  try {
    return { ok: true, data: jsYaml.load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

function withYaml(text: string): Read {
  const docs = parseAllDocuments(text, { uniqueKeys: true, strict: true, prettyErrors: false });
  if (!Array.isArray(docs) || docs.length > 1) return { ok: false };
  const doc = docs[0];
  if (!doc) return { ok: true, data: undefined };
  if (doc.errors.length || doc.warnings.length) return { ok: false };
  return { ok: true, data: doc.toJS({ maxAliasCount: -1 }) };
}

/** Plain scalars whose meaning differs between YAML 1.1, YAML 1.2 core and js-yaml's own schema. */
const TRICKY = [
  '+.5',
  '.5',
  '-.5',
  '5.',
  '0b1',
  '0b101',
  '1_000',
  '0o17',
  '0o8',
  '017',
  '0x1F',
  '0x1f',
  '+0x1',
  '-0x1',
  '1e3',
  '1E-3',
  '+1e+3',
  '.1e1',
  '1.e1',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  'NaN',
  'inf',
  'True',
  'TRUE',
  'true',
  'tRue',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  '-0',
  '+0',
  '00',
  '007',
  '1,000',
  '12:30',
  '12:30:45',
  '1:2',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '-',
  '+',
  '.',
  '0.0',
  '-.0',
  '1__0',
  '0x',
  '0o',
  '1e',
  'e3',
  '3.14.15',
  '+-1',
  '--1',
];

describe("js-yaml with cx-audit's schema reads YAML 1.2 core exactly as yaml does", () => {
  it('for every tricky plain scalar, as a value and as a key', () => {
    for (const scalar of TRICKY) {
      for (const text of [`v: ${scalar}\n`, `${scalar}: v\n`, `- ${scalar}\n`, `[${scalar}]\n`]) {
        if (KNOWN_DIFFERENCES.test(text)) continue;
        expect(withJsYaml(text), text).toEqual(withYaml(text));
      }
    }
  });

  it('refuses the known differences in every cx-audit format, whichever parser reads them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-yaml-'));
    for (const [name, text] of [
      [
        'null-key.yaml',
        'id: x\ntitle: X\nversion: 1.0.0\nstage: during-sale\n~: 1\nquestions:\n  - { id: q, text: Q?, type: yes-no, impact: low, effort: low }\n',
      ],
      [
        'nested-list.yaml',
        'id: x\ntitle: X\nversion: 1.0.0\nstage: during-sale\nappliesTo:\n  - -\n  - b2c\nquestions:\n  - { id: q, text: Q?, type: yes-no, impact: low, effort: low }\n',
      ],
    ]) {
      writeFileSync(join(dir, name!), text!);
      const result = await runCli(['validate', join(dir, name!)]);
      expect(result.code, name).toBe(1);
    }
  });

  it('for generated documents', () => {
    const scalar = fc.oneof(
      fc.constantFrom(...TRICKY),
      fc.stringMatching(/^[a-z][a-z0-9 -]{0,12}$/),
      fc.integer().map(String),
      fc.double({ noNaN: true }).map(String),
    );
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    // Written as block YAML by hand, so plain scalars stay plain (a YAML writer would quote the tricky ones).
    const write = (v: unknown, indent: string): string => {
      if (Array.isArray(v)) return v.length ? v.map((x) => `\n${indent}- ${write(x, `${indent}  `).replace(/^\n\s*/, '')}`).join('') : ' []';
      if (v && typeof v === 'object') {
        const entries = Object.entries(v);
        return entries.length
          ? entries.map(([k, x]) => `\n${indent}${k}:${write(x, `${indent}  `).startsWith('\n') ? '' : ' '}${write(x, `${indent}  `)}`).join('')
          : ' {}';
      }
      return String(v);
    };
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), value, { minKeys: 1, maxKeys: 6 }), (doc) => {
        const text = `${write(doc, '').trimStart()}\n`;
        fc.pre(!KNOWN_DIFFERENCES.test(text));
        expect(withJsYaml(text), text).toEqual(withYaml(text));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('for the built-in checklists and answers files, mutated at random', () => {
    const sources = [...builtinChecklistPaths(), 'test/fixtures/answers/shop-complete.yaml', 'test/fixtures/answers/shop-2025.yaml'].map((p) =>
      readFileSync(p, 'utf8'),
    );
    const mutation = fc.record({
      source: fc.nat({ max: sources.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      edit: fc.constantFrom('delete-line', 'duplicate-line', 'indent', 'dedent', 'insert', 'replace-scalar'),
      text: fc.constantFrom(...TRICKY, ':', '- ', '"', "'", '#', '&a ', '*a', '{', ']', '\t', '? '),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let text = sources[mutations[0]!.source]!;
        for (const m of mutations) {
          const lines = text.split('\n');
          const i = Math.floor(m.at * lines.length);
          const line = lines[i] ?? '';
          if (m.edit === 'delete-line') lines.splice(i, 1);
          else if (m.edit === 'duplicate-line') lines.splice(i, 0, line);
          else if (m.edit === 'indent') lines[i] = ` ${line}`;
          else if (m.edit === 'dedent') lines[i] = line.replace(/^ /, '');
          else if (m.edit === 'insert') lines[i] = `${line.slice(0, Math.floor(m.at * line.length))}${m.text}${line.slice(Math.floor(m.at * line.length))}`;
          else lines[i] = line.replace(/: [^\s#][^#]*$/, `: ${m.text}`);
          text = lines.join('\n');
        }
        fc.pre(!KNOWN_DIFFERENCES.test(text));
        expect(withJsYaml(text), text).toEqual(withYaml(text));
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
