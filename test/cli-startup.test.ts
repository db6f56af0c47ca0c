import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/run-cli.js';

interface Meta {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}
const meta = JSON.parse(readFileSync(`${ROOT}dist/meta.json`, 'utf8')) as Meta;
const HEAVY = /node_modules\/(@inquirer|marked|marked-terminal|cli-highlight|highlight\.js|ajv)\//;

/** What a run of the built bin loads: the bundle files (with the sources in them) and CommonJS packages. */
function loadedBy(args: string[]) {
  const trace = join(mkdtempSync(join(tmpdir(), 'cx-audit-trace-')), 'modules.txt');
  const result = spawnSync(process.execPath, ['--import', `${ROOT}test/fixtures/scripts/trace-imports.mjs`, BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', CX_AUDIT_TRACE: trace, CI: 'true', NODE_DEBUG: 'module' },
    encoding: 'utf8',
  });
  const urls = existsSync(trace) ? readFileSync(trace, 'utf8').trim().split('\n') : [];
  const files = urls.filter((u) => u.startsWith(`file://${ROOT}dist/`)).map((u) => u.slice(`file://${ROOT}`.length));
  const sources = files.flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));
  const commonJs = [...result.stderr.matchAll(/load "([^"]+)"/g)].map((m) => m[1]!);
  return { code: result.status, stdout: result.stdout, files, sources, commonJs, urls };
}

describe('start-up stays light', () => {
  it('--version answers before any of dist/ loads', () => {
    const run = loadedBy(['--version']);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(run.files).toEqual([]);
  });

  it('--help loads neither inquirer, marked, ajv nor yaml', () => {
    const run = loadedBy(['--help']);
    expect(run.code).toBe(0);
    expect(run.files).toContain('dist/cli.js');
    expect(run.sources.filter((s) => HEAVY.test(s))).toEqual([]);
    expect(run.commonJs.filter((p) => p.includes('/node_modules/'))).toEqual([]);
  });

  it('validate uses the build-time validators and loads yaml only for a file that needs a diagnostic', () => {
    const valid = loadedBy(['validate', 'test/fixtures/checklists/shop.yaml']);
    expect(valid.code).toBe(0);
    expect(valid.sources).toContain('src/generated/validators.js');
    expect(valid.sources.filter((s) => HEAVY.test(s))).toEqual([]);
    expect(valid.commonJs.filter((p) => p.includes('/node_modules/yaml/'))).toEqual([]);

    const invalid = loadedBy(['validate', 'test/fixtures/bad/duplicate-key.yaml']);
    expect(invalid.code).toBe(1);
    expect(invalid.commonJs.some((p) => p.includes('/node_modules/yaml/'))).toBe(true);
  });

  it('loads the PDF library (so also its fonts) only for a PDF', () => {
    const pdfmake = (run: ReturnType<typeof loadedBy>) => [...run.urls, ...run.commonJs].filter((p) => /node_modules\/(pdfmake|pdfkit|fontkit)\//.test(p));
    const report = ['report', 'test/fixtures/answers/shop-complete.yaml', 'test/fixtures/checklists/shop.yaml', 'test/fixtures/checklists/other.yaml'];
    for (const args of [['--help'], [...report, '-f', 'md'], [...report, '-f', 'html']]) {
      const run = loadedBy(args);
      expect(run.code).toBe(0);
      expect(pdfmake(run), args.join(' ')).toEqual([]);
    }
    const pdf = loadedBy([...report, '-f', 'pdf', '-o', join(mkdtempSync(join(tmpdir(), 'cx-audit-pdf-')), 'r.pdf')]);
    expect(pdf.code).toBe(0);
    expect(pdf.urls.some((u) => u.includes('/node_modules/pdfmake/'))).toBe(true);
    // pdfmake stays a package of its own: the bundle holds none of it.
    const bundled = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(bundled.filter((s) => /node_modules\/(pdfmake|pdfkit|fontkit)\//.test(s))).toEqual([]);
  });

  it('ships no schema compiler: ajv is used at build time only', () => {
    const all = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(all.filter((s) => s.includes('node_modules/ajv/'))).toEqual([]);
  });
});
