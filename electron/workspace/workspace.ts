/**
 * The workspace service: one open site, served to the page through the BookApi contract.
 * Pure Node (no Electron), so the Electron main process and the localhost host share it.
 * Every path from the page is confined to the site root; saves are atomic and refuse to
 * overwrite a file that changed on disk since it was read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/api';
import type { Asset, Backup, BookFile, BookSummary, CommitResult, CoverResult, EventBatch, FileAtHead, Fingerprint, GitStatus, NewBookRequest, NewPersonRequest, Person, PreviewImageResult, PreviewImageState, RenameResult, SaveResult, SiteApi, SiteInfo, SyncResult } from '../../shared/api';
import type { AppliedFix, Diagnostic } from '../../shared/index';
import { applyEdits, bookIdOf, coverPathOf, fixAll, imageFolderOf, openBook, PERSON_ID, personPath, personText, renameBookEdits, siteContextFor, validate } from '../../shared/index';
import { isTempName, writeAtomic, writeExclusive } from './atomicWrite';
import { readImage } from './assets';
import { BackupStore, defaultBackupDir } from './backups';
import type { BookChecker } from './bookChecker';
import { localChecker } from './bookChecker';
import { BookIndex, coverExists } from './bookIndex';
import { KeyedQueue, mapLimit } from './concurrency';
import { WorkspaceError, errnoCode } from './errors';
import { EventQueue } from './eventQueue';
import { decodeUtf8, describeErrno, firstBadUtf8, hashBytes, readFileBytes, statOrNull } from './fileBytes';
import { makePreviewImage, previewImageState, writeCover } from './images/bookImages';
import type { ImageSite } from './images/bookImages';
import { SiteGit } from './git/siteGit';
import type { GitOptions } from './git/runGit';
import { newBookDraft } from './newBookText';
import { moveBook } from './moveBook';
import { PeopleIndex } from './peopleIndex';
import { personOf } from './bookChecker';
import { checkBookPath, checkRelative, confine } from './sitePath';
import { locateSite } from './siteRoot';
import { SiteWatcher } from './watcher';
import { workerChecker } from './workerChecker';

/** The part of the contract the workspace serves; the hosts add the window and browser bits. */
export type WorkspaceApi = SiteApi;

/** How a workspace is set up. */
export interface WorkspaceOptions {
  /** This site's backup folder; default: a folder per site in the user's own backup folder (see `userBackupBase`). */
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
  /** Parse and check books in a worker thread, so the event loop never waits on one (default true; the command line checks in its own thread). */
  readonly checkInWorker?: boolean;
  /** Remove the temp files of saves cut short from `_books/` on opening (default true; the command line, which only reads, does not). */
  readonly cleanTemps?: boolean;
  /** How git runs: its environment, time limits (default: the system's git, the process's environment). */
  readonly git?: GitOptions;
}

/** One book of the site as the command line sees it: its diagnostics, or why it is not a book that can be read. */
export interface CheckedFile {
  readonly path: string;
  readonly problem?: string;
  readonly diagnostics: readonly Diagnostic[];
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
  private readonly checker: BookChecker;
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
    this.checker = options.checkInWorker === false ? localChecker() : workerChecker();
    this.books = new BookIndex(real, this.checker);
    this.peopleIndex = new PeopleIndex(real, this.checker);
    this.backups = new BackupStore(options.backupDir ?? defaultBackupDir(real), options.now);
    this.git = new SiteGit(real, options.git);
    if (options.cleanTemps !== false) removeStaleTemps(path.join(real, '_books'));
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

  /**
   * Every book, newest first by start, then by id, checked against the site as the editor
   * checks it; entries that are not books it can open come with a `problem`. Only changed
   * files are read again. Throws a site-gone error when the site folder has vanished.
   */
  async listBooks(): Promise<BookSummary[]> {
    const people = await this.peopleIndex.list();
    return (await this.books.scan(people)).map((b) => b.summary);
  }

  /** The diagnostics of these books (default: every entry of `_books/`, by name), checked exactly as the library and the editor check them. */
  async checkBooks(paths?: readonly string[]): Promise<CheckedFile[]> {
    const want = paths ? new Set(paths) : null;
    const people = await this.peopleIndex.list();
    const scanned = await this.books.scan(people, want ?? 'all');
    const byPath = new Map(scanned.map((b) => [b.summary.path, b]));
    const file = (p: string): CheckedFile => {
      const b = byPath.get(p);
      if (!b) return { path: p, problem: `${p} is not a book of the site (missing, or a link that leads outside it).`, diagnostics: [] };
      return b.summary.problem ? { path: p, problem: b.summary.problem, diagnostics: [] } : { path: p, diagnostics: b.diagnostics ?? [] };
    };
    return want ? [...want].map(file) : scanned.map((b) => b.summary.path).sort().map(file);
  }

  /**
   * Applies the safe fixes to a book, found against the site as checkBooks checks it, and
   * saves the result (atomically, refusing a change on disk since it was read). A file that
   * is not valid UTF-8 is not fixed: writing it back would replace more than the fixes.
   */
  async fixBook(bookPath: string): Promise<{ readonly applied: readonly AppliedFix[] } | { readonly refused: string }> {
    const rel = checkBookPath(bookPath);
    const read = await this.readBook(rel);
    const doc = openBook(read.text);
    const people = await this.peopleIndex.list();
    const books = (await this.books.scan(people)).map((b) => b.summary).filter((b) => !b.problem);
    const site = siteContextFor(rel, doc.data, { people, books, coverExists: await coverExists(this.root, coverPathOf(doc.data)) });
    const { text, applied } = fixAll(doc, site);
    if (applied.length === 0) return { applied };
    if (read.notUtf8At !== undefined) return { refused: 'the file is not valid UTF-8, and writing it back would change more than the fixes' };
    const saved = await this.saveBook(rel, text, read.fingerprint);
    return saved.ok ? { applied } : { refused: 'it changed on disk while it was being fixed' };
  }

  /** How many files the last listBooks read from disk (for tests of the cache). */
  get lastBookReads(): number {
    return this.books.lastReads;
  }

  /** Every person of `_people/`, sorted by id. */
  people(): Promise<Person[]> {
    return this.peopleIndex.list();
  }

  /** Reads a book: its text (UTF-8, BOM kept, bad bytes as U+FFFD, and then `notUtf8At` set) and fingerprint. */
  async readBook(bookPath: string): Promise<BookFile> {
    const rel = checkBookPath(bookPath);
    return this.readReal(await this.confine(rel), rel);
  }

  /**
   * Saves a book atomically, unless it changed on disk since `base` (null: it must not
   * exist), compared by the hash of its bytes. Refuses a name the site cannot serve, a text
   * larger than the editor reads back, and a file on disk that is not valid UTF-8. A failed
   * write answers in words, naming the book, never the temp file.
   */
  async saveBook(bookPath: string, text: string, base: Fingerprint | null): Promise<SaveResult> {
    const rel = checkBookPath(bookPath);
    if (typeof text !== 'string') throw new WorkspaceError('bad-request', 'The text to save must be a string.');
    if (LONE_SURROGATE.test(text)) throw new WorkspaceError('bad-request', 'The text holds a broken character (a lone surrogate) that UTF-8 cannot store; nothing was saved.');
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > MAX_FILE_BYTES) throw new WorkspaceError('too-large', `${rel} would be ${bytes.length} bytes, more than the ${MAX_FILE_BYTES} this editor opens again; nothing was saved.`);
    // Queue before any await, so that saves of one book run in the order they were asked for.
    return this.saves.run(rel, async () => {
      const real = await this.confine(rel);
      const conflict = await this.conflictOf(real, rel, base);
      if (conflict) return conflict;
      const watcher = this.watcher;
      watcher?.beginOwnWrite(rel);
      let stamp: Awaited<ReturnType<typeof statOrNull>>;
      try {
        await writeAtomic(real, bytes);
        stamp = await statOrNull(real);
      } catch (e) {
        throw new WorkspaceError('write-failed', `${rel} could not be saved: ${describeErrno(errnoCode(e))}. The file on disk is as it was; your edits are still in the editor.`);
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
    const real = await this.confine(draft.path);
    try {
      await writeExclusive(real, Buffer.from(draft.text, 'utf8'));
    } catch (e) {
      if (errnoCode(e) === 'EEXIST') throw new WorkspaceError('exists', `${draft.path} already exists: open it, or choose another title or week.`);
      throw new WorkspaceError('write-failed', `${draft.path} could not be created: ${describeErrno(errnoCode(e))}.`);
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
      const real = await this.confine(p);
      return fs.promises.stat(real).then((s) => s.isFile(), () => false);
    });
  }

  /** Reads an image of the site as base64 with its mime type. */
  async readAsset(assetPath: string): Promise<Asset> {
    const rel = checkRelative(assetPath);
    return readImage(await this.confine(rel), rel);
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

  /**
   * Keeps unsaved text of a book in the backup folder (outside the site: it works while the
   * site folder is gone, which is when it matters most).
   */
  async writeBackup(bookPath: string, text: string, base: Fingerprint | null): Promise<void> {
    const rel = checkBookPath(bookPath);
    if (typeof text !== 'string') throw new WorkspaceError('bad-request', 'The text to back up must be a string.');
    await this.backups.write(rel, text, base);
  }

  /** Backups that still differ from the file on disk, newest first (the others are removed). */
  async listBackups(): Promise<Backup[]> {
    const out: Backup[] = [];
    for (const b of await this.backups.list()) {
      const disk = await this.readBook(b.path).catch(() => null);
      if (disk && disk.notUtf8At === undefined && disk.text === b.text) await this.backups.discard(b.path).catch(() => undefined);
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
    if (this.options.checkInWorker === false) this.checker.close();
  }

  /** The real path of a site-relative path, confined to the site; a site folder that vanished says so. */
  private async confine(rel: string): Promise<string> {
    try {
      return await confine(this.root, rel);
    } catch (e) {
      if (e instanceof WorkspaceError && !fs.existsSync(this.root)) throw new WorkspaceError('site-gone', `The site folder ${this.root} is gone: it was moved, renamed or deleted. Unsaved work is still backed up.`);
      throw e;
    }
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
    const bad = firstBadUtf8(bytes);
    return { path: rel, text: decodeUtf8(bytes), fingerprint, ...(bad < 0 ? {} : { notUtf8At: bad }) };
  }

  /**
   * The conflict result when the disk is not the version `base` names (by the hash of the
   * bytes, always: a change can keep both size and time); null when saving may go ahead.
   * A file on disk that is not valid UTF-8 is never saved over.
   */
  private async conflictOf(real: string, rel: string, base: Fingerprint | null): Promise<SaveResult | null> {
    const current = await this.readReal(real, rel).catch((e: unknown) => (e instanceof WorkspaceError && e.kind === 'not-found' ? null : Promise.reject(e)));
    if (current?.notUtf8At !== undefined) {
      throw new WorkspaceError('read-only', `${rel} is not valid UTF-8 (its first bad byte is at byte offset ${current.notUtf8At}): saving would replace bytes, so it is refused. Convert the file to UTF-8 outside the editor.`);
    }
    if (base === null) return current ? { ok: false, reason: 'conflict', disk: current } : null;
    if (!current || current.fingerprint.hash !== base.hash) return { ok: false, reason: 'conflict', disk: current };
    return null;
  }
}

/** Removes the temp files of saves cut short (kill -9, power loss) from a folder: nothing else ever would, and git shows them. */
function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter(isTempName);
  } catch {
    return;
  }
  for (const n of names) {
    const file = path.join(dir, n);
    try {
      if (fs.lstatSync(file).isFile()) fs.unlinkSync(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
}
