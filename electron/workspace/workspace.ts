/**
 * The workspace service: one open site, served to the page through the BookApi contract.
 * Pure Node (no Electron), so the Electron main process and the localhost host share it.
 * Every path from the page is confined to the site root; saves are atomic and refuse to
 * overwrite a file that changed on disk since it was read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Asset, Backup, BookApi, BookFile, BookSummary, CommitResult, CoverResult, EventBatch, FileAtHead, Fingerprint, GitStatus, NewBookRequest, NewPersonRequest, Person, PreviewImageResult, PreviewImageState, RenameResult, SaveResult, SiteInfo, SyncResult } from '../../shared/api';
import { applyEdits, bookIdOf, imageFolderOf, openBook, PERSON_ID, personPath, personText, renameBookEdits, validate } from '../../shared/index';
import { writeAtomic, writeExclusive } from './atomicWrite';
import { readImage } from './assets';
import { BackupStore, defaultBackupDir } from './backups';
import { BookIndex } from './bookIndex';
import { KeyedQueue, mapLimit } from './concurrency';
import { WorkspaceError, errnoCode } from './errors';
import { EventQueue } from './eventQueue';
import { decodeUtf8, hashBytes, readFileBytes, statOrNull } from './fileBytes';
import { makePreviewImage, previewImageState, writeCover } from './images/bookImages';
import type { ImageSite } from './images/bookImages';
import { SiteGit } from './git/siteGit';
import type { GitOptions } from './git/runGit';
import { newBookDraft } from './newBookText';
import { moveBook } from './moveBook';
import { PeopleIndex, personOf } from './peopleIndex';
import { checkBookPath, checkRelative, confine } from './sitePath';
import { locateSite } from './siteRoot';
import { SiteWatcher } from './watcher';

/** The part of the contract the workspace serves; the hosts add the window and browser bits. */
export type WorkspaceApi = Omit<BookApi, 'openExternal' | 'setWindowState'>;

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
  /** How git runs: its environment, time limits (default: the system's git, the process's environment). */
  readonly git?: GitOptions;
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
  private readonly git: SiteGit;
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
    this.git = new SiteGit(real, options.git);
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
    return this.books.list(await this.peopleIndex.list());
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

  /**
   * Renames a book with its image folder, pointing `cover` and `image` to the new folder
   * in the file on disk; refused when the target file or folder exists. Undo: rename back.
   */
  async renameBook(fromPath: string, toPath: string, base: Fingerprint): Promise<RenameResult> {
    const from = checkBookPath(fromPath);
    const to = checkBookPath(toPath);
    if (from === to) throw new WorkspaceError('bad-request', `${from} already has that name.`);
    return this.saves.run(from, async () => {
      const realFrom = await confine(this.root, from);
      const conflict = await this.conflictOf(realFrom, from, base);
      if (conflict) return conflict as RenameResult;
      const realTo = await confine(this.root, to);
      if (await statOrNull(realTo)) throw new WorkspaceError('exists', `${to} already exists: choose another week or name.`);
      const [fromId, toId] = [bookIdOf(from), bookIdOf(to)];
      const images = await this.imageFolderMove(fromId, toId);
      const disk = await this.readReal(realFrom, from);
      const rewrite = (text: string) => {
        const doc = openBook(text);
        const edits = renameBookEdits(doc, fromId, toId);
        return edits.length && doc.tree ? applyEdits(doc, edits).text : text;
      };
      let text: string;
      try {
        text = rewrite(disk.text);
      } catch (e) {
        throw new WorkspaceError('bad-request', `The book could not be renamed: its cover and image paths cannot be rewritten (${(e as Error).message}). Nothing was changed.`);
      }
      const mode = (await fs.promises.stat(realFrom)).mode;
      const watcher = this.watcher;
      watcher?.beginOwnWrite(from);
      watcher?.beginOwnWrite(to);
      try {
        await moveBook({ from: { real: realFrom, rel: from }, to: { real: realTo, rel: to }, bytes: Buffer.from(text, 'utf8'), mode, images });
      } finally {
        await watcher?.endOwnWrite(from);
        await watcher?.endOwnWrite(to);
      }
      const file = await this.readReal(realTo, to);
      // Unsaved work follows the book, so a crash right after the rename loses nothing.
      await this.backups.move(from, to, (t) => {
        try {
          return rewrite(t);
        } catch {
          return t;
        }
      }, (old) => (old?.hash === disk.fingerprint.hash ? file.fingerprint : old)).catch(() => undefined);
      return { ok: true, file, images: images && { from: images.from.rel, to: images.to.rel } };
    });
  }

  /** The move of a book's image folder, when it has one; refused when the target folder exists. */
  private async imageFolderMove(fromId: string, toId: string) {
    const from = imageFolderOf(fromId);
    const to = imageFolderOf(toId);
    const realFrom = await confine(this.root, from);
    const isDir = await fs.promises.lstat(realFrom).then((s) => s.isDirectory(), () => false);
    if (!isDir) return null;
    const realTo = await confine(this.root, to);
    if (await fs.promises.lstat(realTo).then(() => true, () => false)) throw new WorkspaceError('exists', `${to} already exists: choose another week or name, or move that folder first.`);
    return { from: { real: realFrom, rel: from }, to: { real: realTo, rel: to } };
  }

  /** Creates `_people/<id>.md` in the site's form; refuses when it exists. */
  async createPerson(request: NewPersonRequest): Promise<Person> {
    if (typeof request?.id !== 'string' || !PERSON_ID.test(request.id)) throw new WorkspaceError('bad-request', 'A person needs an id of lowercase letters, digits, - and _.');
    let text: string;
    try {
      text = personText(request);
    } catch (e) {
      throw new WorkspaceError('bad-request', (e as Error).message);
    }
    const rel = personPath(request.id);
    const real = await confine(this.root, rel);
    await fs.promises.mkdir(path.dirname(real), { recursive: true });
    try {
      await writeExclusive(real, Buffer.from(text, 'utf8'));
    } catch (e) {
      if (errnoCode(e) === 'EEXIST') throw new WorkspaceError('exists', `${rel} already exists: that person has a page.`);
      throw e;
    }
    return personOf(`${request.id}.md`, text)!;
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

  /** Fits an image (base64 JPEG, PNG or WebP) into 400 px and writes it as the book's `images/books/<id>/cover.jpg`. */
  writeCover(bookPath: string, base64: string, overwrite: boolean): Promise<CoverResult> {
    return writeCover(this.imageSite(), bookPath, base64, overwrite);
  }

  /** Draws the book's preview card from `text` (the file on disk when null) at its `image` path. */
  async makePreviewImage(bookPath: string, text: string | null, overwrite: boolean): Promise<PreviewImageResult> {
    return makePreviewImage(this.imageSite(), bookPath, await this.textOf(bookPath, text), overwrite);
  }

  /** Whether the book's preview card (from `text`, or the file on disk when null) is there and up to date. */
  async previewImageState(bookPath: string, text: string | null): Promise<PreviewImageState> {
    return previewImageState(this.imageSite(), bookPath, await this.textOf(bookPath, text));
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

  /** The site's git state, or why git is not available. */
  gitStatus(): Promise<GitStatus> {
    return this.git.status();
  }

  /** A file's text at HEAD and on disk, for the Changes view. */
  readAtHead(filePath: string): Promise<FileAtHead> {
    return this.git.readAtHead(filePath);
  }

  /** Commits exactly `paths`; refuses books with unsaved changes (see unsavedOf) or errors that block saving. */
  commit(paths: string[], message: string): Promise<CommitResult> {
    return this.git.commit(paths, message, { unsaved: (p) => this.unsavedOf(p), errors: (p) => this.errorsOf(p) });
  }

  /** Fetches, brings the remote's commits in, pushes; then tells the page which books changed, so it reloads those open and clean. */
  async sync(): Promise<SyncResult> {
    const { result, incoming } = await this.git.sync();
    for (const f of incoming) {
      if (/^_books\/[^/]+\.md$/.test(f.path)) this.events.push({ kind: f.change === 'added' ? 'book-added' : f.change === 'deleted' ? 'book-removed' : 'book-changed', path: f.path });
    }
    if (incoming.some((f) => /^_people\/[^/]+\.md$/.test(f.path))) this.events.push({ kind: 'people-changed' });
    return result;
  }

  /**
   * The books among `paths` with unsaved changes in the editor. The rule: the editor backs
   * up unsaved text about a second after each change and removes the backup on save or
   * discard, so a book has unsaved changes when its backup differs from the file and was
   * written after the file last changed (an older backup is a leftover the editor offers
   * back, not work in progress).
   */
  private async unsavedOf(paths: readonly string[]): Promise<string[]> {
    const wanted = new Set(paths);
    const out: string[] = [];
    for (const b of await this.backups.list()) {
      if (!wanted.has(b.path)) continue;
      const disk = await readFileBytes(await confine(this.root, b.path), b.path).catch(() => null);
      if (disk && (decodeUtf8(disk.bytes) === b.text || b.savedAt < disk.fingerprint.mtimeMs)) continue;
      out.push(b.path);
    }
    return out.sort();
  }

  /** Errors that block saving, of the books among `paths` that exist, as `path:line:col: message` (the editor's own validation). */
  private async errorsOf(paths: readonly string[]): Promise<string[]> {
    const people = (await this.peopleIndex.list()).map((p) => p.id);
    const out: string[] = [];
    for (const p of paths) {
      if (!/^_books\/[^/]+\.md$/.test(p)) continue;
      const file = await readFileBytes(await confine(this.root, p), p).catch(() => null);
      if (!file) continue;
      for (const d of validate(openBook(decodeUtf8(file.bytes)), { path: p, people })) {
        if (d.severity === 'error') out.push(`${p}:${d.range.startLine}:${d.range.startColumn}: ${d.message}`);
      }
    }
    return out;
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

  private imageSite(): ImageSite {
    return { root: this.root, people: () => this.peopleIndex.list() };
  }

  /** The text the page passed, or the book's text on disk when it passed null. */
  private async textOf(bookPath: string, text: string | null): Promise<string> {
    if (typeof text === 'string') return text;
    if (text !== null) throw new WorkspaceError('bad-request', 'The book text must be a string or null.');
    return (await this.readBook(bookPath)).text;
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
