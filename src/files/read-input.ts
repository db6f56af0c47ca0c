import { isUtf8 } from 'node:buffer';
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { Socket } from 'node:net';
import { isatty, ReadStream } from 'node:tty';
import { InterruptedError } from '../errors.js';
import type { Diagnostic, Place } from './diagnostic.js';
import { describeSize, MAX_FILE_BYTES } from './limits.js';
import { placeAtOffset } from './text-place.js';

/** A file's text, read once: every place reported later is taken from this same text. */
export interface InputText {
  path: string;
  /** Decoded UTF-8, without a byte-order mark. */
  text: string;
  /** Warnings about the encoding (a BOM, mixed line endings). */
  diagnostics: Diagnostic[];
}

export type InputResult =
  | { ok: true; input: InputText }
  /** `unreadable`: nothing could be read (exit 2); `invalid`: the bytes are not a text file (diagnostics say how). */
  | { ok: false; reason: 'unreadable' | 'invalid'; diagnostics: Diagnostic[] };

/** What a read may need from the process: Ctrl-C, and the standard input. */
export type ReadContext = Pick<ReadOptions, 'signal' | 'stdin'>;

export interface ReadOptions {
  /** What the file is, for messages: "checklist", "answers file". */
  kind: string;
  /** Aborted on Ctrl-C or SIGTERM: a read from a pipe or a device stops. */
  signal?: AbortSignal | undefined;
  /** The process's standard input, read for `-` and `/dev/stdin` (which may be a socket that has no path to open). */
  stdin?: NodeJS.ReadableStream | undefined;
  maxBytes?: number;
}

/** "a checklist", "an answers file". */
export function withArticle(kind: string): string {
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

function diagnostic(path: string, rule: string, message: string, place: Place = {}, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { file: path, ...place, severity, rule, message };
}

function whyUnreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file; check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied; check the file permissions';
  if (code === 'ELOOP') return 'is a symbolic link that leads in a circle; point it at a real file';
  return `cannot be read (${code ?? String(error)})`;
}

/** Reads at most `max + 1` bytes of a regular file: enough to tell that it is too large, whatever stat said. */
export function readRegular(path: string, max: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(Math.min(size, max) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Collects a stream's bytes, at most `max + 1`, giving up when `signal` is aborted. */
function collect(stream: NodeJS.ReadableStream, max: number, signal: AbortSignal | undefined, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (error?: Error) => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
      (stream as unknown as { destroy?: () => void }).destroy?.();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, length));
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      length += bytes.length;
      if (length > max) finish();
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    const onAbort = () => finish(new InterruptedError(`interrupted while reading ${path}`));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}

/** The names the standard input goes by. */
const STDIN_PATHS = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * Reads a pipe, a terminal or a device (`/dev/stdin`, a FIFO, `/dev/zero`)
 * as a stream, at most `max + 1` bytes, giving up as soon as `signal` is
 * aborted: such a read can block for ever or never end. Pipes are opened
 * without blocking and watched by the event loop, so a pipe nobody writes
 * to never holds a thread the process must wait for when it exits.
 */
async function readStream(path: string, max: number, options: ReadOptions): Promise<Buffer> {
  if (STDIN_PATHS.has(path) && options.stdin) return collect(options.stdin, max, options.signal, path);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const stat = fstatSync(fd);
  const stream =
    stat.isFIFO() || stat.isSocket() ? new Socket({ fd, readable: true, writable: false }) : isatty(fd) ? new ReadStream(fd) : createReadStream('', { fd });
  return collect(stream, max, options.signal, path);
}

/** UTF-16 text: a byte-order mark, or NULs in every other byte of what would be ASCII. */
function looksUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 64);
  if (sample.length < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddNul++;
    else evenNul++;
  }
  const pairs = Math.floor(sample.length / 2);
  return evenNul >= pairs * 0.8 || oddNul >= pairs * 0.8;
}

/** Bytes to text, or why they are not UTF-8 text. */
function decodeText(path: string, bytes: Buffer, kind: string): InputResult {
  const invalid = (d: Diagnostic): InputResult => ({ ok: false, reason: 'invalid', diagnostics: [d] });
  if (looksUtf16(bytes)) {
    return invalid(diagnostic(path, 'encoding', `is UTF-16 text; save the ${kind} with UTF-8 encoding`, { line: 1, column: 1 }));
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const place = placeAtOffset(bytes.subarray(0, nul).toString('latin1'), nul);
    return invalid(diagnostic(path, 'binary-file', `contains binary data (a NUL byte); ${withArticle(kind)} must be UTF-8 text`, place));
  }
  if (!isUtf8(bytes)) {
    const lossy = bytes.toString('utf8');
    return invalid(diagnostic(path, 'encoding', `is not valid UTF-8; save the ${kind} with UTF-8 encoding`, placeAtOffset(lossy, lossy.indexOf('\uFFFD'))));
  }
  let text = bytes.toString('utf8');
  const diagnostics: Diagnostic[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(
      diagnostic(
        path,
        'byte-order-mark',
        'starts with a byte-order mark (BOM); it was ignored, but some tools choke on it. Save as UTF-8 without BOM',
        { line: 1, column: 1 },
        'warning',
      ),
    );
  }
  if (text.includes('\r\n')) {
    const lone = /(^|[^\r])\n/.exec(text);
    if (lone) {
      diagnostics.push(
        diagnostic(
          path,
          'mixed-line-endings',
          'mixes CRLF and LF line endings; this line ends with LF where earlier lines use CRLF. Convert the file to one style',
          placeAtOffset(text, lone.index + lone[1]!.length),
          'warning',
        ),
      );
    }
  }
  return { ok: true, input: { path, text, diagnostics } };
}

/**
 * The one way cx-audit reads an input file. Regular files are read at once,
 * at most `maxBytes`; pipes, terminals and devices are read in chunks with the
 * same cap and give up on Ctrl-C; folders, missing files and binary data are
 * diagnostics, never exceptions.
 */
export async function readInput(path: string, options: ReadOptions): Promise<InputResult> {
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  const unreadable = (message: string): InputResult => ({ ok: false, reason: 'unreadable', diagnostics: [diagnostic(path, 'unreadable', message)] });
  let bytes: Buffer;
  try {
    if (STDIN_PATHS.has(path) && options.stdin) {
      bytes = await readStream(path, max, options);
      return bytes.length > max
        ? { ok: false, reason: 'invalid', diagnostics: [diagnostic(path, 'file-too-large', tooLarge(undefined, max, options.kind))] }
        : decodeText(path, bytes, options.kind);
    }
    const stat = statSync(path);
    if (stat.isDirectory()) return unreadable(`is a directory, not ${withArticle(options.kind)}; pass the YAML files inside it`);
    if (stat.isFile() && stat.size > max) {
      return { ok: false, reason: 'invalid', diagnostics: [diagnostic(path, 'file-too-large', tooLarge(stat.size, max, options.kind))] };
    }
    bytes = stat.isFile() ? readRegular(path, max) : await readStream(path, max, options);
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    return unreadable(whyUnreadable(error));
  }
  if (bytes.length > max) {
    return { ok: false, reason: 'invalid', diagnostics: [diagnostic(path, 'file-too-large', tooLarge(undefined, max, options.kind))] };
  }
  return decodeText(path, bytes, options.kind);
}

function tooLarge(size: number | undefined, max: number, kind: string): string {
  const is = size === undefined ? `is larger than ${describeSize(max)}` : `is ${describeSize(size)}`;
  return `${is}; ${withArticle(kind)} may be at most ${describeSize(max)}. Split it into smaller files`;
}
