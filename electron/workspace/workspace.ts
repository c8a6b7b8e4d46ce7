/**
 * The workspace service: one open site, served to the page through the BookApi contract.
 * Pure Node (no Electron), so the Electron main process and the localhost host share it.
 * Every path from the page is confined to the site root; saves are atomic and refuse to
 * overwrite a file that changed on disk since it was read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Asset, Backup, BookFile, BookSummary, EventBatch, Fingerprint, NewBookRequest, Person, SaveResult, SiteApi, SiteInfo } from '../../shared/api';
import { writeAtomic, writeExclusive } from './atomicWrite';
import { readImage } from './assets';
import { BackupStore, defaultBackupDir } from './backups';
import { BookIndex } from './bookIndex';
import { KeyedQueue, mapLimit } from './concurrency';
import { WorkspaceError, errnoCode } from './errors';
import { EventQueue } from './eventQueue';
import { decodeUtf8, hashBytes, readFileBytes, statOrNull } from './fileBytes';
import { newBookDraft } from './newBookText';
import { PeopleIndex } from './peopleIndex';
import { checkBookPath, checkRelative, confine } from './sitePath';
import { locateSite } from './siteRoot';
import { SiteWatcher } from './watcher';

/** The part of the contract the workspace serves; the hosts add the window and browser bits. */
export type WorkspaceApi = SiteApi;

/** How a workspace is set up. */
export interface WorkspaceOptions {
  /** This site's backup folder; default `<tmp>/book-editor-backups/<hash of the site root>`. */
  readonly backupDir?: string;
  /** The clock (ms since epoch), for tests. */
  readonly now?: () => number;
  /** The event queue to push to; shared across sites by the desktop app. Default: a queue of its own. */
  readonly events?: EventQueue;
  /** Whether the page may switch sites (the desktop app) or not (the localhost host). */
  readonly canOpenOther?: boolean;
  /** Debounce of file system events, ms (default 100). */
  readonly debounceMs?: number;
  /** How long a `nextEvents` poll waits on the workspace's own queue, ms (default 25 s). */
  readonly pollTimeoutMs?: number;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One open site. */
export class Workspace implements WorkspaceApi {
  /** Real absolute path of the site root. */
  readonly root: string;
  /** The queue `nextEvents` serves. */
  readonly events: EventQueue;
  private readonly ownsEvents: boolean;
  private readonly books: BookIndex;
  private readonly peopleIndex: PeopleIndex;
  private readonly backups: BackupStore;
  private readonly saves = new KeyedQueue();
  private watcher: SiteWatcher | null = null;
  private closed = false;

  /** Opens the site at `root` (a folder with `_books/`); throws a not-a-site WorkspaceError otherwise. */
  constructor(root: string, private readonly options: WorkspaceOptions = {}) {
    let real: string;
    try {
      real = fs.realpathSync.native(path.resolve(root));
    } catch {
      throw new WorkspaceError('not-a-site', `${root} does not exist.`);
    }
    if (!fs.statSync(path.join(real, '_books'), { throwIfNoEntry: false })?.isDirectory()) {
      throw new WorkspaceError('not-a-site', `${root} is not a site: it has no _books folder.`);
    }
    this.root = real;
    this.events = options.events ?? new EventQueue(500, options.pollTimeoutMs);
    this.ownsEvents = !options.events;
    this.books = new BookIndex(real);
    this.peopleIndex = new PeopleIndex(real);
    this.backups = new BackupStore(options.backupDir ?? defaultBackupDir(real), options.now);
  }

  /** Opens the site of a folder or a book file; `book` is the site-relative book to show, if a file was given. */
  static async open(target: string, options: WorkspaceOptions = {}): Promise<{ workspace: Workspace; book: string | null }> {
    const { root, book } = await locateSite(target);
    return { workspace: new Workspace(root, options), book };
  }

  /** The open site. */
  async site(): Promise<SiteInfo> {
    return { root: this.root, name: path.basename(this.root), canOpenOther: this.options.canOpenOther ?? false };
  }

  /** Every book, newest first by start, then by id; only changed files are read again. */
  async listBooks(): Promise<BookSummary[]> {
    const people = await this.peopleIndex.list();
    return this.books.list(people.map((p) => p.id));
  }

  /** How many files the last listBooks read from disk (for tests of the cache). */
  get lastBookReads(): number {
    return this.books.lastReads;
  }

  /** Every person of `_people/`, sorted by id. */
  people(): Promise<Person[]> {
    return this.peopleIndex.list();
  }

  /** Reads a book: its text (UTF-8, BOM kept, bad bytes as U+FFFD) and fingerprint. */
  async readBook(bookPath: string): Promise<BookFile> {
    const rel = checkBookPath(bookPath);
    return this.readReal(await confine(this.root, rel), rel);
  }

  /** Saves a book atomically, unless it changed on disk since `base` (null: it must not exist). */
  async saveBook(bookPath: string, text: string, base: Fingerprint | null): Promise<SaveResult> {
    const rel = checkBookPath(bookPath);
    if (typeof text !== 'string') throw new WorkspaceError('bad-request', 'The text to save must be a string.');
    if (LONE_SURROGATE.test(text)) throw new WorkspaceError('bad-request', 'The text holds a broken character (a lone surrogate) that UTF-8 cannot store; nothing was saved.');
    // Queue before any await, so that saves of one book run in the order they were asked for.
    return this.saves.run(rel, async () => {
      const real = await confine(this.root, rel);
      const conflict = await this.conflictOf(real, rel, base);
      if (conflict) return conflict;
      const bytes = Buffer.from(text, 'utf8');
      const watcher = this.watcher;
      watcher?.beginOwnWrite(rel);
      let stamp: Awaited<ReturnType<typeof statOrNull>>;
      try {
        await writeAtomic(real, bytes);
        stamp = await statOrNull(real);
      } finally {
        await watcher?.endOwnWrite(rel);
      }
      await this.backups.discard(rel).catch(() => undefined);
      return { ok: true, fingerprint: { mtimeMs: stamp?.mtimeMs ?? 0, size: bytes.length, hash: hashBytes(bytes) } };
    });
  }

  /** Creates `_books/<monday>-<slug>.md` from the site's conventions; refuses when it exists. */
  async newBook(request: NewBookRequest): Promise<BookFile> {
    const people = await this.peopleIndex.list();
    const draft = newBookDraft(request, new Map(people.map((p) => [p.id, p.name])));
    const real = await confine(this.root, draft.path);
    try {
      await writeExclusive(real, Buffer.from(draft.text, 'utf8'));
    } catch (e) {
      if (errnoCode(e) === 'EEXIST') throw new WorkspaceError('exists', `${draft.path} already exists: open it, or choose another title or week.`);
      throw e;
    }
    return this.readReal(real, draft.path);
  }

  /** Which of these site-relative paths are existing files. */
  async filesExist(paths: string[]): Promise<boolean[]> {
    if (!Array.isArray(paths)) throw new WorkspaceError('bad-request', 'filesExist needs a list of paths.');
    paths.forEach(checkRelative);
    return mapLimit(paths, 32, async (p) => {
      const real = await confine(this.root, p);
      return fs.promises.stat(real).then((s) => s.isFile(), () => false);
    });
  }

  /** Reads an image of the site as base64 with its mime type. */
  async readAsset(assetPath: string): Promise<Asset> {
    const rel = checkRelative(assetPath);
    return readImage(await confine(this.root, rel), rel);
  }

  /** Keeps unsaved text of a book in the backup folder. */
  async writeBackup(bookPath: string, text: string, base: Fingerprint | null): Promise<void> {
    const rel = checkBookPath(bookPath);
    if (typeof text !== 'string') throw new WorkspaceError('bad-request', 'The text to back up must be a string.');
    await confine(this.root, rel);
    await this.backups.write(rel, text, base);
  }

  /** Backups that still differ from the file on disk, newest first (the others are removed). */
  async listBackups(): Promise<Backup[]> {
    const out: Backup[] = [];
    for (const b of await this.backups.list()) {
      const disk = await this.readBook(b.path).catch(() => null);
      if (disk && disk.text === b.text) await this.backups.discard(b.path).catch(() => undefined);
      else out.push(b);
    }
    return out;
  }

  /** Removes the backup of a book. */
  async discardBackup(bookPath: string): Promise<void> {
    await this.backups.discard(checkBookPath(bookPath));
  }

  /** Long poll for site events; starts watching the site on the first call. */
  async nextEvents(cursor: number): Promise<EventBatch> {
    if (typeof cursor !== 'number' || !Number.isInteger(cursor) || cursor < 0) throw new WorkspaceError('bad-request', 'The cursor must be a non-negative integer.');
    await this.startWatching();
    return this.events.next(cursor);
  }

  /** Starts watching `_books/` and `_people/` (once). */
  async startWatching(): Promise<void> {
    if (this.watcher || this.closed) return;
    this.watcher = new SiteWatcher(this.root, this.events, this.options.debounceMs);
    await this.watcher.start();
  }

  /** Stops watching; ends waiting polls when the queue is the workspace's own. */
  close(): void {
    this.closed = true;
    this.watcher?.close();
    if (this.ownsEvents) this.events.close();
  }

  private async readReal(real: string, rel: string): Promise<BookFile> {
    const { bytes, fingerprint } = await readFileBytes(real, rel);
    return { path: rel, text: decodeUtf8(bytes), fingerprint };
  }

  /** The conflict result when the disk is not the version `base` names; null when saving may go ahead. */
  private async conflictOf(real: string, rel: string, base: Fingerprint | null): Promise<SaveResult | null> {
    const now = await statOrNull(real);
    const disk = () => this.readReal(real, rel).catch((e: unknown) => (e instanceof WorkspaceError && e.kind === 'not-found' ? null : Promise.reject(e)));
    if (base === null) return now ? { ok: false, reason: 'conflict', disk: await disk() } : null;
    if (!now) return { ok: false, reason: 'conflict', disk: null };
    if (now.size !== base.size) return { ok: false, reason: 'conflict', disk: await disk() };
    if (now.mtimeMs === base.mtimeMs) return null;
    // Only the time moved (a touch, a checkout of the same bytes): compare the bytes.
    const current = await disk();
    return current && current.fingerprint.hash === base.hash ? null : { ok: false, reason: 'conflict', disk: current };
  }
}
