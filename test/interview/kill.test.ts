import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/answers/load.js';
import { loadChecklists } from '../../src/checklist/load.js';
import { ROOT } from '../helpers/run-cli.js';

const RUNS = 20;
const SAVES_FIRST = 5;

/** A checklist long enough that the child is always in the middle of saving. */
function bigChecklist(dir: string): string {
  const questions = Array.from(
    { length: 2000 },
    (_, i) =>
      `  - { id: q${i}, text: "Question ${i} with a note-sized text to make the file bigger?", type: yes-no, impact: medium, effort: low, why: "W ${i}.", fix: "F ${i}." }`,
  );
  const path = join(dir, 'big.yaml');
  writeFileSync(path, `id: big\ntitle: Big\nversion: 1.0.0\nstage: during-sale\nquestions:\n${questions.join('\n')}\n`);
  return path;
}

/**
 * Starts the interview, and once it has acknowledged SAVES_FIRST answers,
 * kills it `afterMs` later: counted in saves first, so a slow machine still
 * kills mid-interview rather than before the first save.
 */
function runAndKill(checklist: string, answers: string, afterMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}test/fixtures/scripts/answer-forever.ts`, checklist, answers], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      if (out.split('\n').length > SAVES_FIRST) timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      // Only whole lines were acknowledged.
      resolve(
        out
          .split('\n')
          .slice(0, -1)
          .map((l) => l.replace(/^saved /, '')),
      );
    });
  });
}

describe('killing the process while it saves', () => {
  it(`never leaves a torn answers file, and keeps every acknowledged answer (${RUNS} kills)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-audit-kill-'));
    const checklistPath = bigChecklist(dir);
    const { checklists } = await loadChecklists([checklistPath]);
    for (let run = 0; run < RUNS; run++) {
      const answersPath = join(dir, `answers-${run}.yaml`);
      const acknowledged = await runAndKill(checklistPath, answersPath, (run * 37) % 150);
      // Killed mid-interview, after the saves it waited for.
      expect(acknowledged.length).toBeGreaterThanOrEqual(SAVES_FIRST);
      expect(acknowledged.length).toBeLessThan(2000);
      const loaded = await loadAnswers(answersPath, checklists);
      expect(loaded.ok, JSON.stringify(loaded.diagnostics)).toBe(true);
      if (!loaded.ok) return;
      for (const key of acknowledged) expect(loaded.answers.answers.has(key)).toBe(true);
    }
  }, 60_000);
});
