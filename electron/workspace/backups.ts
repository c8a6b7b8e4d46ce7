/** Unsaved text kept safe while editing: one JSON file per book in a folder outside the site. */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Backup, Fingerprint } from '../../shared/api';
import { writeAtomic } from './atomicWrite';
import { checkBookPath } from './sitePath';

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A site's backup folder inside `base` (e.g. the app's data folder): `<base>/<hash of the site root>`. */
export function backupDirFor(base: string, siteRoot: string): string {
  return path.join(base, sha(siteRoot).slice(0, 16));
}

/** Where a site's backups go when the host names no folder: `<tmp>/book-editor-backups/<hash of the site root>`. */
export function defaultBackupDir(siteRoot: string): string {
  return backupDirFor(path.join(os.tmpdir(), 'book-editor-backups'), siteRoot);
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

/** The backups of one site, in one folder. */
export class BackupStore {
  /** `dir` is this site's backup folder; `now` tells the time (a clock for tests). */
  constructor(readonly dir: string, private readonly now: () => number = Date.now) {}

  private fileOf(bookPath: string): string {
    return path.join(this.dir, `${sha(bookPath).slice(0, 32)}.json`);
  }

  /** Writes (atomically) the backup of a book, replacing the previous one. */
  async write(bookPath: string, text: string, base: Fingerprint | null): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const backup: Backup = { path: bookPath, text, savedAt: this.now(), base };
    await writeAtomic(this.fileOf(bookPath), Buffer.from(JSON.stringify(backup), 'utf8'), 0o600);
  }

  /** Every readable backup, newest first. */
  async list(): Promise<Backup[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.dir)).filter((n) => /^[0-9a-f]{32}\.json$/.test(n));
    } catch {
      return [];
    }
    const out: Backup[] = [];
    for (const n of names) {
      try {
        const b = backupOf(JSON.parse(await fs.readFile(path.join(this.dir, n), 'utf8')));
        if (b && this.fileOf(b.path) === path.join(this.dir, n)) out.push(b);
      } catch {
        // a damaged backup is skipped, not fatal
      }
    }
    return out.sort((a, b) => b.savedAt - a.savedAt || (a.path < b.path ? -1 : 1));
  }

  /** The backup of a book, or null. */
  async read(bookPath: string): Promise<Backup | null> {
    try {
      const b = backupOf(JSON.parse(await fs.readFile(this.fileOf(bookPath), 'utf8')));
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
