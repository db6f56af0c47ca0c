import { inflateRawSync } from 'node:zlib';

/**
 * The little of the ZIP format (PKWARE APPNOTE 6.3) that a workbook needs
 * besides its library: the sizes its entries unpack to, checked before the
 * library unpacks them, and fixed times, so the same questionnaire gives
 * the same bytes.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record's fixed part; a comment of up to 65,535 bytes may follow it. */
const END_SIZE = 22;
const ENTRY_SIZE = 46;
/** A size that says "see the ZIP64 record": too large for a questionnaire anyway. */
const ZIP64 = 0xffffffff;
/** The two ways a workbook's entries are packed: stored as they are, or deflated. */
const STORED = 0;
const DEFLATED = 8;

interface Entry {
  /** Where its central directory header starts. */
  central: number;
  /** Where its local header starts. */
  local: number;
  /** How it is packed: STORED, DEFLATED or another method. */
  method: number;
  packed: number;
  unpacked: number;
}

/** Whether the bytes start as every ZIP archive (so every .xlsx) does. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === LOCAL_HEADER;
}

/** The entries of the central directory, or undefined when the archive is cut short or broken. */
function entries(bytes: Uint8Array): Entry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - END_SIZE; i >= Math.max(0, bytes.length - END_SIZE - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const list: Entry[] = [];
  for (let at = view.getUint32(end + 16, true), n = 0; n < count; n++) {
    if (at + ENTRY_SIZE > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) return undefined;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) return undefined;
    list.push({ central: at, local, method: view.getUint16(at + 10, true), packed: view.getUint32(at + 20, true), unpacked: view.getUint32(at + 24, true) });
    at += ENTRY_SIZE + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return list;
}

/**
 * Whether an entry unpacks to exactly the size its directory header says,
 * found by unpacking it with that size as the limit: an archive whose
 * headers understate it (a "zip bomb" that lies) is stopped at the size it
 * claimed, not at the gigabytes it holds.
 */
function unpacksAsSaid(bytes: Uint8Array, entry: Entry): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  if (start + entry.packed > bytes.length) return false;
  if (entry.method === STORED) return entry.packed === entry.unpacked;
  if (entry.method !== DEFLATED) return false;
  try {
    return inflateRawSync(bytes.subarray(start, start + entry.packed), { maxOutputLength: Math.max(1, entry.unpacked) }).length === entry.unpacked;
  } catch {
    // Larger than it said (the limit was hit), or not deflated data at all.
    return false;
  }
}

/**
 * What the archive's entries unpack to, in bytes, or undefined when it is no
 * readable ZIP archive or an entry does not unpack to the size it says. A few
 * kilobytes can unpack to gigabytes (a "zip bomb"), and the workbook library
 * unpacks every entry whole into memory: this is checked first. Sizes over
 * `limit` are returned as they are said, without unpacking anything; under
 * it, each entry is unpacked once, bounded by its size, to check it.
 */
export function unpackedSize(bytes: Uint8Array, limit: number): number | undefined {
  const list = entries(bytes);
  if (!list) return undefined;
  const said = list.reduce((sum, e) => sum + (e.unpacked === ZIP64 ? Infinity : e.unpacked), 0);
  if (said > limit) return said;
  return list.every((e) => unpacksAsSaid(bytes, e)) ? said : undefined;
}

/** A date as MS-DOS writes it (two 16-bit words, local time, 2-second steps), taken in UTC; DOS knows 1980 to 2107 only. */
function dosTime(date: Date): { time: number; day: number } {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  const clamped = year !== date.getUTCFullYear();
  const d = clamped ? new Date(Date.UTC(year, 0, 1)) : date;
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * The archive with every entry dated `date`. The workbook library stamps
 * each entry with the time it wrote it; the stamp is outside the checksums,
 * so it can be set afterwards, and the same content then gives the same bytes.
 */
export function withFixedTimes(bytes: Uint8Array, date: Date): Uint8Array {
  const list = entries(bytes);
  if (!list) throw new Error('the workbook library wrote a ZIP archive that cx-audit cannot read back');
  const out = Uint8Array.from(bytes);
  const view = new DataView(out.buffer);
  const { time, day } = dosTime(date);
  for (const e of list) {
    view.setUint16(e.central + 12, time, true);
    view.setUint16(e.central + 14, day, true);
    view.setUint16(e.local + 10, time, true);
    view.setUint16(e.local + 12, day, true);
  }
  return out;
}
