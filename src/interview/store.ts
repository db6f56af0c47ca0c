import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Answers } from '../answers/model.js';
import { serializeAnswers } from '../answers/serialize.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { InputError } from '../errors.js';
import { describeWriteError, writeFileAtomic } from '../files/atomic-write.js';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One interview's hold on its answers file: a lock next to it (so a second
 * cx-audit cannot interleave its writes), and atomic saves.
 */
export class AnswersStore {
  readonly path: string;
  readonly lockPath: string;
  private readonly checklists: readonly LoadedChecklist[];
  private locked = false;

  constructor(path: string, checklists: readonly LoadedChecklist[]) {
    this.path = path;
    this.lockPath = `${path}.lock`;
    this.checklists = checklists;
  }

  /**
   * Takes the lock, or explains who holds it. A lock left by a process that
   * no longer runs on this machine (killed, crashed) is taken over.
   */
  lock(now = new Date()): void {
    const info: LockInfo = { pid: process.pid, host: hostname(), since: now.toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(this.lockPath, `${JSON.stringify(info)}\n`, { flag: 'wx' });
        this.locked = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw describeWriteError(this.lockPath, error);
      }
      let holder: Partial<LockInfo> = {};
      try {
        holder = JSON.parse(readFileSync(this.lockPath, 'utf8')) as Partial<LockInfo>;
      } catch {
        // unreadable or half-written: treat as held unless it is stale below
      }
      const stale = holder.host === info.host && typeof holder.pid === 'number' && !processAlive(holder.pid);
      if (!stale || attempt > 0) {
        const who = holder.pid ? ` (process ${holder.pid}${holder.host && holder.host !== info.host ? ` on ${holder.host}` : ''}, since ${holder.since ?? 'unknown'})` : '';
        throw new InputError(
          `${this.path} is in use by another cx-audit${who}. Finish that interview first; if none is running, delete ${this.lockPath}`,
        );
      }
      try {
        unlinkSync(this.lockPath);
      } catch {
        // another process took it over first; the next attempt tells
      }
    }
  }

  release(): void {
    if (!this.locked) return;
    this.locked = false;
    try {
      unlinkSync(this.lockPath);
    } catch {
      // already gone
    }
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  /** Writes every answer: the old file or the new one is on disk at any moment, never a mix. */
  save(answers: Answers): void {
    writeFileAtomic(this.path, serializeAnswers(answers, this.checklists));
  }

  /** Keeps the current file as `<path>.bak` (replacing an older backup) before starting over. */
  backup(): string {
    const target = `${this.path}.bak`;
    writeFileAtomic(target, readFileSync(this.path, 'utf8'));
    return target;
  }
}
