import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { InterruptedError, UsageError } from '../errors.js';
import { describeWriteError, writeFileAtomic } from './atomic-write.js';

/**
 * Where a result goes. A regular file (or a new one) is replaced atomically;
 * a device, a pipe or a socket is written into as it is, never replaced; a
 * symbolic link is followed, so the file it points at gets the content.
 */
export type OutputPlan = { kind: 'stdout' } | { kind: 'file'; path: string; target: string } | { kind: 'device'; path: string; target: string };

function statOrUndefined(path: string, follow = true): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The file a path stands for: symbolic links followed (also a link to a file
 * that does not exist yet), folders resolved, so that two spellings of one
 * file give the same answer.
 */
export function resolveTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const link = statOrUndefined(current, false);
    if (!link?.isSymbolicLink()) break;
    const to = readlinkSync(current);
    current = isAbsolute(to) ? to : resolve(dirname(current), to);
  }
  try {
    return realpathSync(current);
  } catch {
    try {
      return join(realpathSync(dirname(current)), basename(current));
    } catch {
      return current;
    }
  }
}

/** Whether two paths name the same file: the same inode when both exist, else the same resolved path. */
function sameFile(a: string, b: string): boolean {
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return resolveTarget(a) === resolveTarget(b);
}

/** An input the output must never replace: a path, and what it is for the message ("the answers file"). */
export interface ProtectedInput {
  path: string;
  role: string;
}

/**
 * Decides, before any work is done, how a result will be written, and fails
 * if it could not be: a missing folder, no permission, a folder given as the
 * file, or a path that is one of the command's own inputs.
 */
export function planOutput(path: string | undefined, inputs: readonly ProtectedInput[], flag = '-o'): OutputPlan {
  if (path === undefined || path === '-') return { kind: 'stdout' };
  for (const input of inputs) {
    if (input.path === '-' || !sameFile(path, input.path)) continue;
    // Devices such as /dev/stdin and /dev/stdout may share an inode; only files can be destroyed.
    const stat = statOrUndefined(input.path);
    if (stat && !stat.isFile()) continue;
    throw new UsageError(`${flag} ${path} is ${input.role} (${input.path}) that this command reads; writing there would destroy it. Choose another file name`);
  }
  const target = resolveTarget(path);
  const stat = statOrUndefined(target);
  try {
    if (stat?.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    accessSync(stat ? target : dirname(target), constants.W_OK);
  } catch (error) {
    throw describeWriteError(path, error);
  }
  return { kind: stat && !stat.isFile() ? 'device' : 'file', path, target };
}

/** Writes into a device or pipe as it is; a pipe with no reader yet is waited for until Ctrl-C. */
async function writeDevice(plan: { path: string; target: string }, pieces: Iterable<string | Uint8Array>, signal: AbortSignal | undefined): Promise<void> {
  const opening = open(plan.target, constants.O_WRONLY);
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(new InterruptedError(`interrupted while writing ${plan.path}`));
    signal?.addEventListener('abort', () => reject(new InterruptedError(`interrupted while writing ${plan.path}`)), { once: true });
  });
  aborted.catch(() => {});
  let handle;
  try {
    handle = await Promise.race([opening, aborted]);
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    throw describeWriteError(plan.path, error);
  }
  try {
    for (const piece of pieces) await Promise.race([typeof piece === 'string' ? handle.write(piece) : handle.write(piece), aborted]);
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return; // the reader left: nothing more to say
    throw describeWriteError(plan.path, error);
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * Writes a result as planned: to stdout, into a device, or atomically into a
 * file. Pieces are text (written as UTF-8) or bytes (written as they are).
 */
export async function writeOutput(
  plan: OutputPlan,
  pieces: Iterable<string | Uint8Array>,
  stdout: { write(chunk: string | Uint8Array): unknown },
  signal?: AbortSignal,
): Promise<void> {
  if (plan.kind === 'stdout') {
    for (const piece of pieces) stdout.write(piece);
    return;
  }
  if (plan.kind === 'device') return writeDevice(plan, pieces, signal);
  writeFileAtomic(plan.target, pieces, { name: plan.path });
}
