/** Reading files as the editor needs them: bytes, text and the fingerprint saving checks against. */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
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

/** A file's bytes with the fingerprint of exactly those bytes. */
export interface FileBytes {
  readonly bytes: Buffer;
  readonly fingerprint: Fingerprint;
}

/** The largest book the editor opens (the biggest real one is about 75 KB). */
export const MAX_BOOK_BYTES = 32 * 1024 * 1024;

/**
 * Reads a file and fingerprints it. The stat and the read use one handle, and the read
 * is retried when the file changed size while it was read, so the fingerprint matches the bytes.
 */
export async function readFileBytes(file: string, label: string, maxBytes = MAX_BOOK_BYTES): Promise<FileBytes> {
  for (let attempt = 0; ; attempt++) {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkspaceError('not-found', `${label} does not exist.`);
      if (code === 'EISDIR') throw new WorkspaceError('bad-path', `${label} is a folder, not a file.`);
      throw new WorkspaceError('not-found', `${label} cannot be read (${code ?? 'unknown error'}).`);
    }
    try {
      const before = await handle.stat();
      if (!before.isFile()) throw new WorkspaceError('bad-path', `${label} is not a regular file.`);
      if (before.size > maxBytes) throw new WorkspaceError('too-large', `${label} is ${before.size} bytes, more than the ${maxBytes} this editor opens.`);
      const bytes = await handle.readFile();
      const after = await handle.stat();
      if ((bytes.length !== after.size || after.mtimeMs !== before.mtimeMs) && attempt < 3) continue;
      return { bytes, fingerprint: { mtimeMs: after.mtimeMs, size: bytes.length, hash: hashBytes(bytes) } };
    } finally {
      await handle.close();
    }
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
