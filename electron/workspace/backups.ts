/** Unsaved text kept safe while editing: one JSON file per book in a folder outside the site. */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/api';
import type { Backup, Fingerprint } from '../../shared/api';
import { isTempName, writeAtomic } from './atomicWrite';
import { WorkspaceError } from './errors';
import { decodeUtf8, readRegularFile } from './fileBytes';
import { checkBookPath } from './sitePath';

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A site's backup folder inside `base` (e.g. the app's data folder): `<base>/<hash of the site root>`. */
export function backupDirFor(base: string, siteRoot: string): string {
  return path.join(base, sha(siteRoot).slice(0, 16));
}

/**
 * The user's own folder for backups, outside the shared temp folder: the platform's
 * state or data folder (`$XDG_STATE_HOME` or `~/.local/state` on Linux, Application
 * Support on macOS, `%LOCALAPPDATA%` on Windows), then `book-editor/backups`.
 */
export function userBackupBase(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const absolute = (p: string | undefined) => (p && path.isAbsolute(p) ? p : null);
  if (platform === 'win32') return path.join(absolute(env.LOCALAPPDATA) ?? path.join(home, 'AppData', 'Local'), 'Book Editor', 'backups');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Book Editor', 'backups');
  return path.join(absolute(env.XDG_STATE_HOME) ?? path.join(home, '.local', 'state'), 'book-editor', 'backups');
}

/** Where a site's backups go when the host names no folder: `<the user's backup folder>/<hash of the site root>`. */
export function defaultBackupDir(siteRoot: string): string {
  return backupDirFor(userBackupBase(), siteRoot);
}

/**
 * Makes sure `dir` is a folder of this user's that others cannot reach: created with mode
 * 0700 when missing; refused when it is a symbolic link, not a folder, or owned by
 * someone else (a folder planted by another user could be read, or offer planted backups).
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const refuse = (why: string): never => {
    throw new WorkspaceError('bad-path', `The backup folder ${dir} ${why}: backups are refused there. Remove it, or name another with --backup-dir.`);
  };
  const stat = await fs.lstat(dir);
  if (stat.isSymbolicLink()) refuse('is a symbolic link');
  if (!stat.isDirectory()) refuse('is not a folder');
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) refuse('belongs to another user');
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) await fs.chmod(dir, 0o700);
}

function isFingerprint(v: unknown): v is Fingerprint {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return typeof f.mtimeMs === 'number' && typeof f.size === 'number' && typeof f.hash === 'string';
}

/** Reads a backup file's JSON; null when it is not one of ours. */
function backupOf(json: unknown): Backup | null {
  if (typeof json !== 'object' || json === null) return null;
  const b = json as Record<string, unknown>;
  if (typeof b.path !== 'string' || typeof b.text !== 'string' || typeof b.savedAt !== 'number') return null;
  if (b.base !== null && !isFingerprint(b.base)) return null;
  try {
    checkBookPath(b.path);
  } catch {
    return null;
  }
  return { path: b.path, text: b.text, savedAt: b.savedAt, base: b.base };
}

/** The largest backup file read back (a 32 MB text, JSON-escaped). */
const MAX_BACKUP_BYTES = 8 * MAX_FILE_BYTES;

/** The backups of one site, in one folder. */
export class BackupStore {
  /** `dir` is this site's backup folder; `now` tells the time (a clock for tests). */
  constructor(readonly dir: string, private readonly now: () => number = Date.now) {}

  private fileOf(bookPath: string): string {
    return path.join(this.dir, `${sha(bookPath).slice(0, 32)}.json`);
  }

  /** The folder, checked: this user's, private, not a link. */
  private async folder(): Promise<void> {
    await ensurePrivateDir(this.dir);
  }

  /** Writes (atomically) the backup of a book, replacing the previous one. */
  async write(bookPath: string, text: string, base: Fingerprint | null): Promise<void> {
    await this.folder();
    const backup: Backup = { path: bookPath, text, savedAt: this.now(), base };
    await writeAtomic(this.fileOf(bookPath), Buffer.from(JSON.stringify(backup), 'utf8'), 0o600);
  }

  /** Every readable backup, newest first; none when the folder is not a private folder of this user. */
  async list(): Promise<Backup[]> {
    let names: string[];
    try {
      await this.folder();
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const out: Backup[] = [];
    for (const n of names) {
      const file = path.join(this.dir, n);
      // A write cut short (kill -9) leaves its temp file: nothing else removes it.
      if (isTempName(n)) await fs.rm(file, { force: true }).catch(() => undefined);
      if (!/^[0-9a-f]{32}\.json$/.test(n)) continue;
      try {
        const b = backupOf(JSON.parse(decodeUtf8((await readRegularFile(file, n, MAX_BACKUP_BYTES)).bytes)));
        if (b && this.fileOf(b.path) === file) out.push(b);
      } catch {
        // a damaged backup (or anything but a regular file) is skipped, not fatal
      }
    }
    return out.sort((a, b) => b.savedAt - a.savedAt || (a.path < b.path ? -1 : 1));
  }

  /** The backup of a book, or null. */
  async read(bookPath: string): Promise<Backup | null> {
    try {
      const b = backupOf(JSON.parse(decodeUtf8((await readRegularFile(this.fileOf(bookPath), bookPath, MAX_BACKUP_BYTES)).bytes)));
      return b && b.path === bookPath ? b : null;
    } catch {
      return null;
    }
  }

  /** Moves the backup of a book renamed to `to`, its text passed through `rewrite` and based on `base`; nothing when there is none. */
  async move(from: string, to: string, rewrite: (text: string) => string, base: (old: Fingerprint | null) => Fingerprint | null): Promise<void> {
    const b = await this.read(from);
    if (!b) return;
    await this.write(to, rewrite(b.text), base(b.base));
    await this.discard(from);
  }

  /** Removes the backup of a book; nothing happens when there is none. */
  async discard(bookPath: string): Promise<void> {
    await fs.rm(this.fileOf(bookPath), { force: true });
  }
}
