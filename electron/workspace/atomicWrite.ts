/** Writing files so that a crash leaves either the old or the new bytes, never half of them. */
import crypto from 'node:crypto';
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './errors';

const TEMP = /^\..*\.book-editor-[0-9a-f]{12}\.tmp$/;

/** Whether a file name is one of our temp files (the watcher ignores them). */
export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

function tempPathFor(file: string): string {
  const base = path.basename(file).slice(0, 100);
  return path.join(path.dirname(file), `.${base}.book-editor-${crypto.randomBytes(6).toString('hex')}.tmp`);
}

async function syncFolder(dir: string): Promise<void> {
  // Makes the rename itself durable; folders cannot be opened for sync on Windows.
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Replaces `file` (a real path: resolve symbolic links first) with `bytes` atomically:
 * a temp file in the same folder, write, fsync, rename. Keeps the mode (and, as root,
 * the owner) of the file it replaces; a new file gets `newMode` (less the umask).
 * Never leaves the temp file behind.
 */
export async function writeAtomic(file: string, bytes: Uint8Array, newMode = 0o666): Promise<void> {
  let old: Stats | null = null;
  try {
    old = await fs.stat(file);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e;
  }
  const temp = tempPathFor(file);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', old ? 0o600 : newMode);
    await handle.writeFile(bytes);
    if (old) {
      await handle.chmod(old.mode & 0o7777);
      if (process.getuid?.() === 0) await handle.chown(old.uid, old.gid).catch(() => undefined);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncFolder(path.dirname(file));
}

/** Creates `file` with `bytes`, failing with EEXIST when it exists (never overwrites); removes a half-written file. */
export async function writeExclusive(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx', 0o666);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true }).catch(() => undefined);
    throw e;
  }
  await handle.close();
  await syncFolder(path.dirname(file));
}
