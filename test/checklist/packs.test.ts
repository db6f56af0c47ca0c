import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runBin } from '../helpers/run-cli.js';

/**
 * A checklist pack as a consultant gets it: the fixture package packed with
 * `npm pack` and installed from the tarball into a project of its own (no
 * network: the package has no dependencies), then named in the project's
 * cx-audit.config.yaml, or on the command line.
 */
let project: string;

/** npm, quietly, with a cache of its own and without the environment of the npm that runs the tests. */
function npm(args: string[], cwd: string, cache: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return execFileSync('npm', [...args, '--loglevel', 'error', '--cache', cache], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), 'cx-audit-pack-'));
  const cache = join(tmp, 'npm-cache');
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp, fixture('packs/cx-audit-checklists-retail')], tmp, cache)) as {
    filename: string;
  }[];
  project = join(tmp, 'acme-audit');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'acme-audit', version: '1.0.0', private: true }, null, 2)}\n`);
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(tmp, packed!.filename)], project, cache);
  writeFileSync(join(project, 'cx-audit.config.yaml'), 'client: Corner Shop\nchecklists:\n  - cx-audit-checklists-retail\n');
}, 60_000);

describe('a checklist pack installed with npm and named in the config', () => {
  it('is installed from the tarball, offline', () => {
    expect(JSON.parse(readFileSync(join(project, 'node_modules/cx-audit-checklists-retail/package.json'), 'utf8'))).toMatchObject({
      name: 'cx-audit-checklists-retail',
      cxAudit: { checklists: ['checklists/retail-service.yaml', 'checklists/counter.yaml'] },
    });
  });

  it('validate, with no files given, checks the checklists the pack lists', () => {
    const result = runBin(['validate'], { cwd: project });
    expect(result.stdout).toBe('✔ 2 checklists valid (22 questions)\n');
    expect(result.code).toBe(0);
  });

  it('list -f json shows the checklists of the pack instead of the built-in ones', () => {
    const result = runBin(['list', '-f', 'json'], { cwd: project });
    expect(result.code).toBe(0);
    const listed = JSON.parse(result.stdout) as { id: string; title: string; version: string; questions: number }[];
    expect(listed.map(({ id, title, version, questions }) => ({ id, title, version, questions }))).toEqual([
      { id: 'retail-service', title: 'Customer service for shops with a counter', version: '1.0.0', questions: 21 },
      { id: 'counter', title: 'At the counter', version: '1.0.0', questions: 1 },
    ]);
  });

  it('is found from the folder of the config, even from a subfolder holding a folder of the same name', () => {
    const drafts = join(project, 'drafts');
    mkdirSync(join(drafts, 'cx-audit-checklists-retail'), { recursive: true });
    writeFileSync(join(drafts, 'cx-audit-checklists-retail', 'draft.yaml'), readFileSync(fixture('checklists/other.yaml'), 'utf8'));
    const result = runBin(['list', '-f', 'json'], { cwd: drafts });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { id: string }[]).map((c) => c.id)).toEqual(['retail-service', 'counter']);
  });

  it("list <id> -f json: the pack's extends, skip and override took effect", () => {
    const result = runBin(['list', 'retail-service', '-f', 'json'], { cwd: project });
    expect(result.code).toBe(0);
    const questions = (JSON.parse(result.stdout) as { questions: { id: string; impact?: string; owner?: string }[] }).questions;
    const ids = questions.map((q) => q.id);
    expect(ids).not.toContain('live-chat-reply-speed');
    expect(ids.at(-1)).toBe('returns-at-counter');
    expect(questions.find((q) => q.id === 'store-wait')).toMatchObject({ impact: 'critical', owner: 'Shop floor' });
  });

  it("answers init writes a skeleton of the pack's questions, and report scores the answers with them", () => {
    const init = runBin(['answers', 'init', 'answers.yaml', '--profile', 'b2c', '--channels', 'physical-store,email'], { cwd: project });
    expect(init.code).toBe(0);
    expect(init.stderr).toBe('Wrote answers.yaml with 16 questions to answer. Fill in each "answer:", then run: cx-audit report answers.yaml\n');
    const skeleton = readFileSync(join(project, 'answers.yaml'), 'utf8');
    expect(skeleton).toContain('client: "Corner Shop"\n');
    expect(skeleton).toContain(
      '  # Can a customer return an online order at the counter?\n  # yes or no; or n/a, or unsure\n  retail-service/returns-at-counter:\n    answer:\n',
    );
    expect(skeleton).toContain('  counter/queue-visible:\n    answer:\n');
    expect(skeleton).not.toContain('live-chat-reply-speed');

    writeFileSync(
      join(project, 'answers.yaml'),
      skeleton
        .replace('retail-service/store-wait:\n    answer:', 'retail-service/store-wait:\n    answer: over-ten')
        .replace('retail-service/returns-at-counter:\n    answer:', 'retail-service/returns-at-counter:\n    answer: no')
        .replace('counter/queue-visible:\n    answer:', 'counter/queue-visible:\n    answer: no'),
    );
    const result = runBin(['report', 'answers.yaml', '-f', 'json'], { cwd: project });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      client: string;
      checklists: { id: string }[];
      coverage: { answered: number; unanswered: number };
      actions: { title: string; owner: string | null }[];
    };
    expect(report.client).toBe('Corner Shop');
    expect(report.checklists.map((c) => c.id)).toEqual(['retail-service', 'counter']);
    expect(report.coverage).toMatchObject({ answered: 3, unanswered: 13 });
    expect(report.actions.map((a) => [a.title, a.owner])).toEqual([
      ['Keep store waits to a couple of minutes, even at the busiest hours', 'Shop floor'],
      ['Take online returns at the counter', null],
      ['Let the till see the queue and call for help at three', null],
    ]);
  });
});

describe('a checklist pack named on the command line', () => {
  // A config that names no checklists: the package comes from the command line alone.
  const bare = () => {
    writeFileSync(join(project, 'bare.yaml'), 'client: Corner Shop\n');
    return ['--config', 'bare.yaml'];
  };

  it('report answers.yaml cx-audit-checklists-retail scores with the pack', () => {
    const result = runBin([...bare(), 'report', 'answers.yaml', 'cx-audit-checklists-retail', '-f', 'json'], { cwd: project });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { checklists: { id: string }[] }).checklists.map((c) => c.id)).toEqual(['retail-service', 'counter']);
  });

  it('is taken as a checklist source by the default command, not as a mistyped command', () => {
    const result = runBin([...bare(), 'cx-audit-checklists-retail', '--answers', 'answers.yaml', '--no-input'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cx-audit: 12 questions in answers\.yaml still need an answer, and --no-input was given:$/m);
    expect(result.stderr).toContain('Answer them by running `cx-audit cx-audit-checklists-retail --answers answers.yaml` in a terminal');
  });

  it('a package that is not installed stops the run (exit 2), saying how to install it', () => {
    const result = runBin([...bare(), 'report', 'answers.yaml', 'cx-audit-checklists-nothere'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'cx-audit: cannot use this checklist; fix it first (cx-audit validate shows every problem):\n' +
        `cx-audit-checklists-nothere: error: is no file or folder here, nor an npm package installed for ${project}; check the name, or run npm install cx-audit-checklists-nothere [unreadable]\n` +
        '✖ 1 error in 1 of 1 file\n',
    );
  });

  it('a package without cxAudit.checklists stops the run (exit 2), saying what its package.json needs', () => {
    const plain = join(project, 'node_modules', 'plain-package');
    if (!existsSync(plain)) mkdirSync(plain);
    writeFileSync(join(plain, 'package.json'), '{ "name": "plain-package", "version": "1.0.0" }\n');
    const result = runBin([...bare(), 'validate', 'plain-package'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      'plain-package: error: is an npm package that lists no checklists; its package.json needs "cxAudit": { "checklists": ["checklists/retail.yaml", …] } [unreadable]\n' +
        '✖ 1 error in 1 of 1 file\n',
    );
  });

  it('a package named in the config that is not installed is reported at its line in the config', () => {
    writeFileSync(join(project, 'missing.yaml'), 'checklists:\n  - cx-audit-checklists-retail\n  - cx-audit-checklists-cafe\n');
    const result = runBin(['--config', 'missing.yaml', 'list'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'cx-audit: cannot use this checklist; fix it first (cx-audit validate shows every problem):\n' +
        `missing.yaml:3:5: error: "cx-audit-checklists-cafe" in checklists is no file or folder next to the config, nor an npm package installed for ${project}; check the name, or run npm install cx-audit-checklists-cafe [unreadable]\n` +
        '✖ 1 error in 1 of 1 file\n',
    );
  });
});
