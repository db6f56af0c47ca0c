import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { checkAnswers } from '../answers/load.js';
import { cloneAnswers, replaceAnswers, type AnswerRecord, type Answers } from '../answers/model.js';
import { answersData, serializeAnswers } from '../answers/serialize.js';
import type { LoadedChecklist } from '../checklist/model.js';
import { InputError } from '../errors.js';
import { describeWriteError, processAlive, writeFileAtomic } from '../files/atomic-write.js';
import { location } from '../files/diagnostic.js';
import { resolveTarget } from '../files/output.js';
import { schemaDiagnostics } from '../files/schema-diagnostics.js';
import { parseYaml } from '../files/yaml-file.js';
import { answersVocabulary } from '../answers/answers-vocabulary.js';
import { validateAnswersFile } from '../generated/validators.js';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of the answers: what this interview changed since its last
 * save wins; everything else comes from the file as someone edited it by hand.
 */
function merge(base: Answers, ours: Answers, theirs: Answers): Answers {
  const pick = <T>(b: T, o: T, t: T): T => (same(o, b) ? t : o);
  const merged: Answers = {
    ...theirs,
    checklists: new Map(theirs.checklists),
    answers: new Map<string, AnswerRecord>(),
  };
  merged.client = pick(base.client, ours.client, theirs.client);
  merged.auditor = pick(base.auditor, ours.auditor, theirs.auditor);
  merged.profile = pick(base.profile, ours.profile, theirs.profile);
  for (const [id, stamp] of ours.checklists) if (!same(base.checklists.get(id), stamp)) merged.checklists.set(id, stamp);
  const keys = new Set([...theirs.answers.keys(), ...ours.answers.keys(), ...base.answers.keys()]);
  for (const key of keys) {
    const record = pick(base.answers.get(key), ours.answers.get(key), theirs.answers.get(key));
    if (record) merged.answers.set(key, record);
  }
  return merged;
}

/**
 * One interview's hold on its answers file: a lock on the real file (so a
 * second cx-audit, through whatever path, cannot interleave its writes),
 * atomic saves through symbolic links, answers checked by the loader's own
 * rules before they are written, and hand edits made during the interview
 * merged, never overwritten.
 */
export class AnswersStore {
  readonly path: string;
  /** The file the path stands for, symbolic links followed. */
  readonly target: string;
  readonly lockPath: string;
  private readonly lockName: string;
  private readonly checklists: readonly LoadedChecklist[];
  private readonly onMerge: (message: string) => void;
  private locked = false;
  /** What the file held after our last read or write, and the answers it held. */
  private lastText: string | undefined;
  private base: Answers | undefined;

  constructor(path: string, checklists: readonly LoadedChecklist[], options: { onMerge?: (message: string) => void } = {}) {
    this.path = path;
    this.target = resolveTarget(path);
    this.lockPath = `${this.target}.lock`;
    // Named as the person wrote the path, unless a link leads elsewhere.
    this.lockName = resolve(path) === this.target ? `${path}.lock` : this.lockPath;
    this.checklists = checklists;
    this.onMerge = options.onMerge ?? (() => {});
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
        const who = holder.pid
          ? ` (process ${holder.pid}${holder.host && holder.host !== info.host ? ` on ${holder.host}` : ''}, since ${holder.since ?? 'unknown'})`
          : '';
        throw new InputError(`${this.path} is in use by another cx-audit${who}. Finish that interview first; if none is running, delete ${this.lockName}`);
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

  /** Records what the file holds now (the answers just loaded from it, or none), so later hand edits can be told apart. */
  adopt(answers: Answers | undefined): void {
    this.lastText = this.readDisk();
    this.base = answers ? cloneAnswers(answers) : undefined;
  }

  private readDisk(): string | undefined {
    try {
      return readFileSync(this.target, 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * Writes every answer: the old file or the new one is on disk at any
   * moment, never a mix. `answers` is updated in place when the file was
   * edited by hand since the last save.
   */
  save(answers: Answers): void {
    const problems = schemaDiagnostics(
      validateAnswersFile,
      { path: this.path, hash: '', data: answersData(answers), text: '', placeOf: () => ({}) },
      answersVocabulary,
    );
    if (problems.length) {
      throw new InputError(`cannot save ${this.path}: ${problems[0]!.message}; nothing was written`);
    }
    const disk = this.readDisk();
    if (disk !== undefined && disk !== this.lastText) this.mergeHandEdits(answers, disk);
    const text = serializeAnswers(answers, this.checklists);
    writeFileAtomic(this.target, text, { name: this.path });
    this.lastText = text;
    this.base = cloneAnswers(answers);
  }

  /** The file changed under us: keep the edits, add our changes, or stop without losing either. */
  private mergeHandEdits(answers: Answers, disk: string): void {
    const parsed = parseYaml({ path: this.path, text: disk, diagnostics: [] }, 'answers file');
    const loaded = parsed.ok ? checkAnswers(parsed.file, parsed.diagnostics, this.checklists) : parsed;
    if (!loaded.ok) {
      const keep = this.keepAside(answers);
      const first = loaded.diagnostics.find((d) => d.severity === 'error');
      throw new InputError(`${this.path} was changed outside cx-audit during the interview and no longer reads as an answers file, so it was left as it is:`, {
        details: [
          ...(first ? [`${location(first)}: ${first.message}`] : []),
          `The answers of this interview are in ${keep}. Fix ${this.path} (or replace it with that file), then run cx-audit again to go on.`,
        ],
      });
    }
    const merged = merge(this.base ?? { checklists: new Map(), answers: new Map() }, answers, loaded.answers);
    replaceAnswers(answers, merged);
    this.onMerge(`${this.path} was edited outside cx-audit; those edits are kept, and the answers given here were added to them.`);
  }

  /** Writes the interview's answers next to the file, under a name not yet taken. */
  private keepAside(answers: Answers): string {
    const text = serializeAnswers(answers, this.checklists);
    for (let n = 1; ; n++) {
      const path = `${this.target}.interview-${n}.yaml`;
      try {
        writeFileAtomic(path, text, { overwrite: false });
        return path;
      } catch (error) {
        if (!(error instanceof InputError) || !/already exists/.test(error.message)) throw error;
      }
    }
  }

  /** Keeps the current file as `<path>.<n>.bak`, never replacing an earlier backup, before starting over. */
  backup(): string {
    const text = readFileSync(this.target, 'utf8');
    for (let n = 1; ; n++) {
      const path = `${this.path}.${n}.bak`;
      try {
        writeFileAtomic(resolveTarget(path), text, { overwrite: false, name: path });
        return path;
      } catch (error) {
        if (!(error instanceof InputError) || !/already exists/.test(error.message)) throw error;
      }
    }
  }
}
