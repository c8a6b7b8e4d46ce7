/** Reading files as the editor needs them: only regular files, bytes, text and the fingerprint saving checks against. */
import { isUtf8 } from 'node:buffer';
import crypto from 'node:crypto';
import type { Stats } from 'node:fs';
import { close, constants, fstat, open, read } from 'node:fs';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { MAX_FILE_BYTES } from '../../shared/api';
import type { Fingerprint } from '../../shared/api';
import { WorkspaceError, errnoCode } from './errors';

/** SHA-256 of bytes, hex. */
export function hashBytes(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8 without ever throwing: a BOM stays in the text, bad bytes become U+FFFD (the core warns about those). */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** The offset of the first byte that is not part of valid UTF-8, or -1 when all of it is. */
export function firstBadUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const [n, min, max] = b < 0x80 ? [0, 0, 0] : b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] : b === 0xed ? [2, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : b === 0xf4 ? [3, 0x80, 0x8f] : [-1, 0, 0];
    if (n < 0) return i;
    // The second byte has the narrow range (no overlong forms, no surrogates); the rest are any continuation byte.
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** What a file system entry is, in words, for one that is not a regular file. */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A file's bytes with the fingerprint of exactly those bytes. */
export interface FileBytes {
  readonly bytes: Buffer;
  readonly fingerprint: Fingerprint;
}

/** The largest book the editor opens (the biggest real one is about 75 KB). */
export const MAX_BOOK_BYTES = MAX_FILE_BYTES;

// Non-blocking, so that a FIFO swapped in after the check cannot hang the open; never through a link.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Refuses anything but a regular file of at most `maxBytes`, saying what it is instead. */
function checkRegular(stat: Stats, label: string, maxBytes: number): void {
  if (!stat.isFile()) throw new WorkspaceError(stat.isDirectory() ? 'bad-path' : 'not-a-file', `${label} is ${kindOf(stat)}, not a file: it was not read.`);
  if (stat.size > maxBytes) throw new WorkspaceError('too-large', `${label} is ${stat.size} bytes, more than the ${maxBytes} this editor opens.`);
}

/**
 * Reads a regular file (a real path: links resolved first). Anything else (a FIFO, a
 * device, a folder) is refused before it is opened, and again after, on the open descriptor.
 * The stat and the read use one descriptor, and the read is retried when the file changed size
 * while it was read. `known`: what the caller already knows of the file, so it is not
 * asked again: its own lstat, just taken, or `'listed'` when a folder listing said it is a
 * regular file (a library scan), so that only the open descriptor is asked.
 */
export async function readRegularFile(file: string, label: string, maxBytes = MAX_BOOK_BYTES, known?: Stats | 'listed'): Promise<{ readonly bytes: Buffer; readonly stat: Stats }> {
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      if (attempt > 0 || known !== 'listed') checkRegular(attempt === 0 && known ? (known as Stats) : await fs.lstat(file), label, maxBytes);
      fd = await openFd(file, READ_FLAGS);
    } catch (e) {
      if (e instanceof WorkspaceError) throw e;
      const code = errnoCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkspaceError('not-found', `${label} does not exist.`);
      if (code === 'EISDIR') throw new WorkspaceError('bad-path', `${label} is a folder, not a file.`);
      if (code === 'ELOOP') throw new WorkspaceError('not-a-file', `${label} is a symbolic link, not a file: it was not read.`);
      throw new WorkspaceError('not-found', `${label} cannot be read (${describeErrno(code)}).`);
    }
    try {
      const stat = await fstatFd(fd);
      checkRegular(stat, label, maxBytes);
      // A file that keeps changing is read as it is on the last try.
      const bytes = await readSized(fd, stat.size, attempt === 3 ? maxBytes : null);
      if (bytes === null) continue;
      if (bytes.length > maxBytes) throw new WorkspaceError('too-large', `${label} is ${bytes.length} bytes, more than the ${maxBytes} this editor opens.`);
      return { bytes, stat };
    } finally {
      await closeFd(fd);
    }
  }
}

// The file descriptor calls, not FileHandle: a library scan reads hundreds of small files,
// and a FileHandle costs about three times as much per file as the descriptor calls.
const openFd = promisify(open);
const fstatFd = promisify(fstat);
const closeFd = promisify(close);
const readFd = (fd: number, buffer: Buffer, offset: number, position: number) =>
  new Promise<number>((resolve, reject) => read(fd, buffer, offset, buffer.length - offset, position, (e, n) => (e ? reject(e) : resolve(n))));

/**
 * Reads exactly `size` bytes, the size the descriptor's stat gave, and checks the file ends
 * there; null when it is shorter or longer now (it changed while it was read), unless
 * `asItIs` is set: then whatever the file holds now, up to just past that many bytes. Sized
 * by the stat already taken, so the read asks the system nothing more than the bytes.
 */
async function readSized(fd: number, size: number, asItIs: number | null): Promise<Buffer | null> {
  // One byte more than the stat said: a file that grew shows in the same read.
  let buffer = Buffer.allocUnsafeSlow(size + 1);
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      if (asItIs === null) return null;
      if (filled > asItIs) break;
      const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
      buffer.copy(bigger);
      buffer = bigger;
    }
    const n = await readFd(fd, buffer, filled, filled);
    if (n === 0) break;
    filled += n;
  }
  return filled === size || asItIs !== null ? buffer.subarray(0, filled) : null;
}

/** Reads a regular file as readRegularFile does, with the fingerprint of exactly the bytes read. */
export async function readFileBytes(file: string, label: string, maxBytes = MAX_BOOK_BYTES): Promise<FileBytes> {
  const { bytes, stat } = await readRegularFile(file, label, maxBytes);
  return { bytes, fingerprint: { mtimeMs: stat.mtimeMs, size: bytes.length, hash: hashBytes(bytes) } };
}

/** An errno code in words, for messages (never the raw system text, which may name temp paths). */
export function describeErrno(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EIO':
      return 'the disk reported an input/output error';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EBUSY':
      return 'the file is busy';
    case 'ENOENT':
      return 'it does not exist';
    default:
      return code ? `system error ${code}` : 'an unknown error';
  }
}

/** The size and modification time of a file, or null when it does not exist. */
export async function statOrNull(file: string): Promise<{ mtimeMs: number; size: number } | null> {
  try {
    const s = await fs.stat(file);
    return { mtimeMs: s.mtimeMs, size: s.size };
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
}
