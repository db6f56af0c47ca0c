import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/** Characters per write; a UTF-8 character takes at most 3 bytes per UTF-16 unit. */
const WRITE_SLICE = 1 << 16;

/** Why a write failed, in words that say what to do. */
export function describeWriteError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? `the folder ${dirname(path)} does not exist; create it or choose another path`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied; choose a path you can write to'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'the disk is full; free some space and try again'
          : code === 'EISDIR'
            ? 'it is a folder; give a file name'
            : code === 'EEXIST'
              ? 'it already exists'
              : code === 'ENOTREG'
                ? 'it is not a regular file (a link, a device or a pipe), and cx-audit only replaces regular files'
                : String((error as Error).message ?? error);
  return new InputError(`cannot write ${path}: ${reason}`, { cause: error });
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform lets a directory be opened; the rename is still atomic.
  }
}

/** Whether a process of this machine is still running (a process we may not signal counts as running). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of this path left by a cx-audit that was killed mid-write: `.name.<pid>.<hex>.tmp`. */
function removeStaleTemporaries(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const m = /^\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length - 1));
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/**
 * Writes a file so that readers, crashes and full disks only ever see the old
 * content or the new, never a torn mix: temporary file, fsync, rename. Only a
 * regular file is ever replaced; callers resolve links and keep devices out
 * (files/output.ts). With `overwrite: false` an existing file is never
 * replaced (hard link, no race).
 */
export function writeFileAtomic(path: string, content: string | Iterable<string | Uint8Array>, options: { overwrite?: boolean; name?: string } = {}): void {
  const overwrite = options.overwrite ?? true;
  const name = options.name ?? path;
  const dir = dirname(path);
  removeStaleTemporaries(dir, basename(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    mode = undefined;
  }
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      // Encoded slice by slice into one buffer, so a large report is never copied whole.
      const buffer = Buffer.allocUnsafe(WRITE_SLICE * 3 + 3);
      for (const piece of typeof content === 'string' ? [content] : content) {
        if (typeof piece !== 'string') {
          // Bytes (a PDF) are written as they are.
          for (let written = 0; written < piece.length;) written += writeSync(fd, piece, written, piece.length - written);
          continue;
        }
        for (let i = 0; i < piece.length;) {
          let end = Math.min(i + WRITE_SLICE, piece.length);
          if (end < piece.length && piece.charCodeAt(end - 1) >= 0xd800 && piece.charCodeAt(end - 1) <= 0xdbff) end++;
          const length = buffer.write(piece.slice(i, end), 0, 'utf8');
          let written = 0;
          while (written < length) written += writeSync(fd, buffer, written, length - written);
          i = end;
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined && overwrite) chmodSync(tmp, mode);
    if (overwrite) {
      const existing = lstatOrUndefined(path);
      if (existing && !existing.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
      renameSync(tmp, path);
    } else {
      linkSync(tmp, path);
      unlinkSync(tmp);
    }
    fsyncDir(dir);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already renamed
    }
    throw describeWriteError(name, error);
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
