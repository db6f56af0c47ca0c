#!/usr/bin/env node
// npm run bench: start-up and scale, measured as medians of interleaved runs
// after a warm-up, with each pair's ratio taken from the same run. Prints the
// targets beside the figures and exits 1 if one is missed. Not a test: times
// depend on the machine, so no test asserts one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/cx-audit.js');
const node = process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;

function once(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs a and b alternately so drift in the machine affects both alike. Each
 * is an argument list, or a function of the run's number giving one.
 */
function pair(a, b, runs = RUNS) {
  const args = (x, i) => (typeof x === 'function' ? x(i) : x);
  for (let i = 0; i < WARMUP; i++) {
    once(args(a, i));
    once(args(b, i));
  }
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(once(args(a, i)));
    tb.push(once(args(b, i)));
  }
  return { a: median(ta), b: median(tb) };
}

function peakRss(args) {
  const result = spawnSync(node, ['--import', join(root, 'bench/max-rss.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  return Number(/max-rss-kb=(\d+)/.exec(result.stderr.toString())?.[1] ?? NaN) / 1024;
}

const rows = [];
let missed = 0;
function report(name, value, unit, target, ok) {
  if (!ok) missed++;
  rows.push([ok ? '✔' : '✖', name, `${Number.isNaN(value) ? '?' : value.toFixed(unit === '×' ? 2 : 0)} ${unit}`, target]);
}

console.error(`cx-audit bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${RUNS} runs after ${WARMUP} warm-ups`);

// 1. Start-up
const version = pair([bin, '--version'], ['-e', '0']);
report(`--version ${version.a.toFixed(0)} ms vs node -e 0 ${version.b.toFixed(0)} ms`, version.a / version.b, '×', '≤ 1.20×', version.a / version.b <= 1.2);

// 2. validate the built-in checklists against a floor that only imports yaml and parses them
const builtins = readdirSync(join(root, 'checklists'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join(root, 'checklists', f));
const validate = pair([bin, 'validate', ...builtins], [join(root, 'bench/floor-parse.mjs'), ...builtins]);
report(
  `validate built-ins ${validate.a.toFixed(0)} ms vs yaml floor ${validate.b.toFixed(0)} ms`,
  validate.a / validate.b,
  '×',
  '≤ 1.30×',
  validate.a / validate.b <= 1.3,
);

// 3. Scale
const dir = mkdtempSync(join(tmpdir(), 'cx-audit-bench-'));
const scale = {};
for (const n of [1000, 10000, 20000]) {
  const files = generate(n, dir);
  const runs = Math.max(3, Math.round(RUNS / 3));
  const floor = join(root, 'bench/floor-fast.mjs');
  const validatePair = pair([bin, 'validate', files.checklist], [floor, files.checklist], runs);
  const reportPair = pair([bin, 'report', files.answers, files.checklist, '-o', join(dir, `report-${n}.md`)], [floor, files.answers, files.checklist], runs);
  scale[n] = {
    validate: validatePair.a,
    report: reportPair.a,
    validateFloor: validatePair.b,
    reportFloor: reportPair.b,
    rss: Math.max(
      peakRss([bin, 'validate', files.checklist]),
      peakRss([bin, 'report', files.answers, files.checklist, '-f', 'json', '-o', join(dir, `report-${n}.json`)]),
    ),
  };
}
// Times are compared with a floor measured in the same run (Node, js-yaml,
// parsing the same files): absolute milliseconds do not carry from one
// machine to another.
for (const n of [1000, 10000, 20000]) {
  const s = scale[n];
  const timed = n === 10000;
  for (const step of ['validate', 'report']) {
    const ratio = s[step] / s[`${step}Floor`];
    report(
      `${n} questions: ${step} ${s[step].toFixed(0)} ms vs floor ${s[`${step}Floor`].toFixed(0)} ms`,
      ratio,
      '×',
      timed ? '≤ 2.00×' : '–',
      !timed || ratio <= 2,
    );
  }
  report(`${n} questions: peak RSS`, s.rss, 'MB', '< 150 MB', s.rss < 150);
}
for (const step of ['validate', 'report']) {
  const ratio = scale[20000][step] / scale[10000][step];
  report(`${step}: 20k / 10k`, ratio, '×', '≤ 2.20×', ratio <= 2.2);
}

// 4. Report formats, for a full built-in audit: each run takes the next
// scenario's answers (test/fixtures/scenarios) with the built-in checklists.
const scenarios = readdirSync(join(root, 'test/fixtures/scenarios'))
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.expected.yaml'))
  .map((f) => join(root, 'test/fixtures/scenarios', f));
const reportAs = (format) => (i) => [bin, 'report', scenarios[i % scenarios.length], '-f', format, '-o', join(dir, `report.${format}`)];
for (const [format, target] of [
  ['html', 1.3],
  ['pdf', 4],
]) {
  const p = pair(reportAs(format), reportAs('md'));
  report(`report -f ${format} ${p.a.toFixed(0)} ms vs -f md ${p.b.toFixed(0)} ms`, p.a / p.b, '×', `≤ ${target.toFixed(2)}×`, p.a / p.b <= target);
}

// 5. The PDF library (pdfmake, pdfkit, fontkit) and its fonts load for a PDF only.
function pdfProbe(args) {
  const result = spawnSync(node, ['--import', join(root, 'bench/pdf-probe.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  const m = /pdf-probe modules=(\d+) fonts=(\d+)/.exec(result.stderr.toString());
  return m ? Number(m[1]) + Number(m[2]) : NaN;
}
const light = [[bin, '--help'], reportAs('md')(0)].map(pdfProbe);
// The probe must see the library when it does load, or it proves nothing.
const heavy = pdfProbe(reportAs('pdf')(0));
report(
  '--help and report -f md: PDF modules and fonts loaded',
  light[0] + light[1],
  'files',
  `0 (-f pdf: ${heavy})`,
  light[0] === 0 && light[1] === 0 && heavy > 0,
);

// 6. The loop and the kit, for a full built-in audit. History reads 100
// audits of one client; a team report reads 50 respondents; each is held to
// a multiple of one report of the same answers.
const base = readFileSync(join(root, 'test/fixtures/scenarios/late-web-shop.yaml'), 'utf8');
const audits = Array.from({ length: 100 }, (_, n) => {
  const at = new Date(Date.UTC(2020, n, 1)).toISOString().slice(0, 10);
  const file = join(dir, `audit-${n}.yaml`);
  writeFileSync(file, base.replace(/^( {2}\S+: \{ answer: .*) \}$/gm, `$1, at: ${at} }`));
  return file;
});
const history = pair(
  [bin, 'history', ...audits, '-o', join(dir, 'history.md')],
  [bin, 'report', audits[0], '-o', join(dir, 'one.md')],
  Math.max(3, Math.round(RUNS / 3)),
);
report(
  `history of 100 audits ${history.a.toFixed(0)} ms vs one report ${history.b.toFixed(0)} ms`,
  history.a / history.b,
  '×',
  '≤ 3.00×',
  history.a / history.b <= 3,
);

const team = Array.from({ length: 50 }, (_, n) => {
  const file = join(dir, `respondent-${n}.yaml`);
  // Every third person is less sure of the tracking, so there is something to disagree on.
  const text = base.replace(/^client: .*$/m, `$&\nrespondent: { name: Person ${n + 1} }`);
  writeFileSync(file, n % 3 ? text : text.replace(/(delivery\/dispatch-tracking: \{ answer: )[^,}]+/, '$1unsure'));
  return file;
});
const teamPair = pair(
  [bin, 'report', ...team, '-o', join(dir, 'team.md')],
  [bin, 'report', team[1], '-o', join(dir, 'single.md')],
  Math.max(3, Math.round(RUNS / 3)),
);
report(
  `team report of 50 ${teamPair.a.toFixed(0)} ms vs one respondent ${teamPair.b.toFixed(0)} ms`,
  teamPair.a / teamPair.b,
  '×',
  '≤ 2.00×',
  teamPair.a / teamPair.b <= 2,
);

// Every other new command against one Markdown report of the same answers.
// merge and answers init never overwrite, so each run writes a new file.
let fresh = 0;
const one = [bin, 'report', audits[0], '-o', join(dir, 'one.md')];
for (const [name, args, target] of [
  ['plan', [bin, 'plan', audits[0], '-o', join(dir, 'plan.yaml')], 1.3],
  ['merge of 3', () => [bin, 'merge', ...team.slice(0, 3), '-o', join(dir, `merged-${fresh++}.yaml`)], 1.5],
  ['questionnaire export -f csv', [bin, 'questionnaire', 'export', '-o', join(dir, 'q.csv')], 1.3],
  ['questionnaire export -f xlsx', [bin, 'questionnaire', 'export', '-o', join(dir, 'q.xlsx')], 3],
  ['answers init', () => [bin, 'answers', 'init', join(dir, `skeleton-${fresh++}.yaml`)], 1.3],
  ['config', [bin, 'config'], 1.2],
]) {
  const p = pair(args, one);
  report(`${name} ${p.a.toFixed(0)} ms vs report -f md ${p.b.toFixed(0)} ms`, p.a / p.b, '×', `≤ ${target.toFixed(2)}×`, p.a / p.b <= target);
}
rmSync(dir, { recursive: true, force: true });

const width = Math.max(...rows.map((r) => r[1].length));
for (const [mark, name, value, target] of rows) console.log(`${mark} ${name.padEnd(width)}  ${value.padStart(9)}  target ${target}`);
console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
process.exitCode = missed ? 1 : 0;
