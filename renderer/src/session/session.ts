/**
 * The session: the one part of the renderer that talks to the contract for the open site
 * and book — opening, saving (with validation and conflict detection), creating books,
 * comparing with the disk, and the backups of unsaved work from writing to discarding.
 * The store holds the state; the session moves data between it and the disk. Views ask
 * the session; none of them holds the API.
 */
import type { Backup, BookApi, BookFile, CommitResult, CoverResult, EventBatch, FileAtHead, NewBookRequest, NewPersonRequest, PreviewImageResult, PreviewImageState, SyncResult, WindowState } from '../../../shared/api';
import { applyEdits, bookIdOf, mondayOf, personPath, renameBookEdits, rescheduleEdits, rescheduledPath } from '../../../shared/index';
import type { BookDocument, Edit } from '../../../shared/index';
import type { EditorStore } from '../store/editorStore';
import { isDirty } from '../store/bookSlice';
import { redoRename, undoRename } from '../store/history';
import { freshDiagnosticsOf } from '../store/derived';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class Session {
  private readonly drafts = new Set<() => void>();
  /** Books this session wrote a backup of (since their last save or discard). */
  private readonly backedUp = new Set<string>();
  /** The git status asked now, and whether another ask waits behind it. */
  private gitAsk: Promise<void> | null = null;
  private gitAgain = false;

  constructor(private readonly api: BookApi, readonly store: EditorStore) {}

  /** Registers typing that waits to become an undo step (the raw view's); returns the unregistration. */
  addDraft(flush: () => void): () => void {
    this.drafts.add(flush);
    return () => this.drafts.delete(flush);
  }

  /** Commits every waiting draft into the store, so what follows sees the latest text. */
  flush(): void {
    for (const f of [...this.drafts]) f();
  }

  /** Reads the site, the library, the people, and offers back unsaved work from a crash. */
  async start(): Promise<void> {
    try {
      const [info, books, people] = await Promise.all([this.api.site(), this.api.listBooks(), this.api.people()]);
      this.store.setSite({ info, books, people, error: null });
    } catch (e) {
      this.store.setSite({ error: `The site could not be read: ${message(e)}` });
      return;
    }
    void this.refreshGit();
    try {
      const backups = await this.api.listBackups();
      if (backups.length) this.store.openDialog({ kind: 'recover', backups });
    } catch (e) {
      this.store.notify('error', `Backups could not be read: ${message(e)}`);
    }
  }

  async refreshBooks(): Promise<void> {
    try {
      this.store.setSite({ books: await this.api.listBooks(), error: null });
    } catch (e) {
      this.store.notify('error', `The library could not be read: ${message(e)}`);
    }
  }

  async refreshPeople(): Promise<void> {
    try {
      this.store.setSite({ people: await this.api.people() });
    } catch (e) {
      this.store.notify('error', `People could not be read: ${message(e)}`);
    }
  }

  /** Opens a book, asking first when the open one has unsaved changes. */
  requestOpen(path: string): void {
    this.flush();
    const { book } = this.store.get();
    if (book && book.path !== path && isDirty(book)) this.store.openDialog({ kind: 'confirmSwitch', path });
    else if (book?.path !== path) void this.open(path);
  }

  /** Opens a book without asking. */
  async open(path: string): Promise<boolean> {
    this.store.setUi({ busy: true });
    try {
      const file = await this.api.readBook(path);
      this.store.load(file);
      return true;
    } catch (e) {
      this.store.notify('error', `${path} could not be opened: ${message(e)}`);
      return false;
    } finally {
      this.store.setUi({ busy: false });
    }
  }

  /** Saves the open book unless it has errors (then the problems list opens) or changed on disk (then the conflict dialog opens). */
  async save(): Promise<boolean> {
    this.flush();
    const state = this.store.get();
    const book = state.book;
    if (!book) return false;
    if (state.ui.readOnly) {
      this.store.notify('error', `Not saved: ${state.ui.readOnly}`);
      return false;
    }
    const errors = freshDiagnosticsOf(state).filter((d) => d.severity === 'error');
    if (errors.length) {
      this.store.setChecked(book.doc, freshDiagnosticsOf(state));
      this.store.setUi({ problemsOpen: true });
      this.store.notify('error', `Not saved: fix ${errors.length === 1 ? 'the error' : `the ${errors.length} errors`} in the problems list first.`);
      return false;
    }
    return this.write(book.path, book.doc.text, book.fingerprint);
  }

  /** Saves over a file that changed on disk. */
  async overwrite(disk: BookFile | null): Promise<boolean> {
    this.flush();
    const book = this.store.get().book;
    if (!book) return false;
    this.store.openDialog(null);
    return this.write(book.path, book.doc.text, disk ? disk.fingerprint : null);
  }

  private async write(path: string, text: string, base: BookFile['fingerprint'] | null): Promise<boolean> {
    this.store.setUi({ busy: true });
    try {
      const result = await this.api.saveBook(path, text, base);
      if (!result.ok) {
        this.store.openDialog({ kind: 'conflict', disk: result.disk });
        return false;
      }
      if (this.store.get().book?.path === path) this.store.markSaved(text, result.fingerprint);
      this.store.setUi({ externalChange: false, removedOnDisk: false });
      this.store.notify('success', 'Saved.');
      void this.discardBackup(path);
      void this.refreshBooks();
      void this.refreshGit();
      return true;
    } catch (e) {
      this.store.notify('error', `Not saved: ${message(e)}`);
      return false;
    } finally {
      this.store.setUi({ busy: false });
    }
  }

  /** Reads the open book from disk and opens Keep both with it (the banner's way in; the conflict dialog has the disk's version already). */
  async keepBoth(): Promise<void> {
    this.flush();
    const book = this.store.get().book;
    if (!book) return;
    const disk = await this.api.readBook(book.path).catch(() => null);
    if (disk) this.store.openDialog({ kind: 'keepBoth', disk });
    else this.store.notify('error', `${book.path} is not on disk any more: there is nothing to keep besides your version. Save writes it back.`);
  }

  /**
   * Saves Keep both's merge of your changes and the disk's: the merged text becomes the
   * editor's (one undo step, "Keep both", so undo goes back to yours), the disk's version
   * the one it is based on; then it is saved as any text is (errors block, and a newer
   * change on disk asks again).
   */
  async saveMerged(disk: BookFile, text: string): Promise<boolean> {
    this.flush();
    const book = this.store.get().book;
    if (!book || book.path !== disk.path) return false;
    this.store.openDialog(null);
    if (text !== book.doc.text) this.store.replaceText(text, 'Keep both', null);
    this.store.markSaved(disk.text, disk.fingerprint);
    return this.save();
  }

  /** Reads the open book again from disk, dropping unsaved changes. */
  async reload(): Promise<void> {
    const book = this.store.get().book;
    if (!book) return;
    this.store.openDialog(null);
    try {
      this.store.load(await this.api.readBook(book.path));
      void this.discardBackup(book.path);
    } catch (e) {
      this.store.notify('error', `${book.path} could not be read: ${message(e)}`);
    }
  }

  /** Goes back to the text on disk as an undo step, so it can be undone. */
  async revert(): Promise<void> {
    const book = this.store.get().book;
    if (!book) return;
    try {
      const file = await this.api.readBook(book.path);
      this.store.replaceText(file.text, 'Revert to saved', null);
      this.store.markSaved(file.text, file.fingerprint);
    } catch (e) {
      this.store.notify('error', `${book.path} could not be read: ${message(e)}`);
    }
  }

  /** The open book changed on disk: reload it when clean, else show the banner. */
  async bookChanged(path: string): Promise<void> {
    this.flush();
    const book = this.store.get().book;
    if (!book || book.path !== path) return;
    let file: BookFile;
    try {
      file = await this.api.readBook(path);
    } catch {
      this.store.setUi({ externalChange: true });
      return;
    }
    const now = this.store.get().book;
    if (!now || now.path !== path) return;
    if (file.text === now.savedText || file.text === now.doc.text) {
      // Our own save, or the same bytes: only the fingerprint moves.
      this.store.markSaved(file.text, file.fingerprint);
    } else if (!isDirty(now)) {
      this.store.load(file);
      this.store.notify('info', 'The file changed on disk and was reloaded.');
    } else {
      this.store.setUi({ externalChange: true });
    }
  }

  /** Creates a book from the New Book dialog and opens it. */
  async newBook(request: NewBookRequest): Promise<string | null> {
    try {
      const file = await this.api.newBook(request);
      this.store.openDialog(null);
      this.store.load(file);
      // The library's filter would hide the new book: the whole library shows again, with it.
      this.store.setUi({ bookFilter: '' });
      void this.refreshBooks();
      return null;
    } catch (e) {
      return message(e);
    }
  }

  /** Opens a backed-up book and puts the unsaved text back as an undo step; saving checks against the text it was based on. */
  async restore(backup: Backup): Promise<void> {
    let file: BookFile;
    try {
      file = await this.api.readBook(backup.path);
    } catch {
      file = { path: backup.path, text: '', fingerprint: backup.base ?? { mtimeMs: 0, size: 0, hash: '0'.repeat(64) } };
    }
    this.store.load({ ...file, fingerprint: backup.base ?? file.fingerprint });
    this.store.replaceText(backup.text, 'Restore unsaved work', null);
    this.dropOffer(backup.path);
  }

  /** Forgets a backup the user does not want. */
  async discard(backup: Backup): Promise<void> {
    try {
      await this.discardBackup(backup.path, true);
    } catch (e) {
      this.store.notify('error', `The backup could not be removed: ${message(e)}`);
    }
    this.dropOffer(backup.path);
  }

  /** Drops the open book's unsaved changes (and their backup), then opens another book. */
  async discardChangesAndOpen(path: string): Promise<boolean> {
    const book = this.store.get().book;
    if (book) void this.discardBackup(book.path);
    return this.open(path);
  }

  /** Backs up the unsaved text of book `path`, if it is still the open one (the watchers call this a second after each change). */
  backUp(path: string): void {
    const book = this.store.get().book;
    if (!book || book.path !== path || book.doc.text === book.savedText) return;
    this.backedUp.add(book.path);
    void this.api.writeBackup(book.path, book.doc.text, book.fingerprint).catch(() => undefined);
  }

  /** The book's text is what is on disk again (undone back to it): a backup this session wrote of it goes. */
  cleaned(path: string): void {
    if (this.backedUp.has(path)) void this.discardBackup(path);
  }

  /** The one place a backup is discarded; `report` passes a failure on instead of ignoring it. */
  private async discardBackup(path: string, report = false): Promise<void> {
    this.backedUp.delete(path);
    const done = this.api.discardBackup(path);
    await (report ? done : done.catch(() => undefined));
  }

  /**
   * Renames the open book on disk to `to` (its file, its `images/books/<id>/` folder, `cover`
   * and `image` through the contract), then applies `more` (the dates of a Reschedule…) and the
   * new `cover` and `image` to the page's copy: one undo step named `label`, which renames
   * the book back when undone. Returns null when done, else why not, in words.
   */
  async renameBook(to: string, label: string, more: (doc: BookDocument) => Edit[] = () => []): Promise<string | null> {
    this.flush();
    const { book, ui } = this.store.get();
    if (!book) return 'No book is open.';
    if (ui.readOnly) return `Not renamed: ${ui.readOnly}`;
    if (to === book.path) return this.store.edit(label, more(book.doc)) ? null : `${label}: nothing to change.`;
    if (!book.fingerprint) return 'Save the book once before renaming it.';
    const from = book.path;
    this.store.setUi({ busy: true });
    try {
      const result = await this.api.renameBook(from, to, book.fingerprint);
      if (!result.ok) {
        return result.disk
          ? `Not renamed: ${from} changed on disk since it was opened. Reload it (or save over it), then rename.`
          : `Not renamed: ${from} is no longer on disk. Save it first, then rename.`;
      }
      const now = this.store.get().book;
      if (!now || now.path !== from) return null;
      // The dates first, then the paths, each computed on the page's copy as it is now.
      const dates = more(now.doc);
      const moved = renameBookEdits(dates.length ? applyEdits(now.doc, dates) : now.doc, bookIdOf(from), bookIdOf(to));
      this.store.renamed(label, [...dates, ...moved], result.file);
      this.backedUp.delete(from);
      const folder = result.images ? ` and its images to ${result.images.to}/` : '';
      this.store.notify('success', `Renamed to ${to}${folder}. Undo renames it back.`);
      void this.refreshBooks();
      return null;
    } catch (e) {
      return `Not renamed: ${message(e)}`;
    } finally {
      this.store.setUi({ busy: false });
    }
  }

  /** "Reschedule…": the book moves to the week of `day` (any day of it): dates, file, image folder and paths follow, as one undo step. */
  async reschedule(day: string): Promise<string | null> {
    const book = this.store.get().book;
    if (!book) return 'No book is open.';
    const to = rescheduledPath(book.path, day);
    const monday = mondayOf(day);
    if (!to || !monday) return `${day} is not a date.`;
    return this.renameBook(to, `Reschedule to the week of ${monday}`, (doc) => rescheduleEdits(doc, day));
  }

  /** Undo: the store's last step, and when that step renamed the book, the rename taken back on disk first. */
  async undo(): Promise<void> {
    return this.step('undo');
  }

  /** Redo: the next step, renaming the book again first when that step renamed it. */
  async redo(): Promise<void> {
    return this.step('redo');
  }

  private async step(direction: 'undo' | 'redo'): Promise<void> {
    this.flush();
    const book = this.store.get().book;
    if (!book) return;
    const rename = direction === 'undo' ? undoRename(book.history) : redoRename(book.history);
    if (!rename) {
      if (direction === 'undo') this.store.undo();
      else this.store.redo();
      return;
    }
    const [from, to] = direction === 'undo' ? [rename.to, rename.from] : [rename.from, rename.to];
    const verb = direction === 'undo' ? 'Undo' : 'Redo';
    if (book.path !== from || !book.fingerprint) {
      this.store.notify('error', `${verb} did not apply: the book is no longer ${from}.`);
      return;
    }
    this.store.setUi({ busy: true });
    try {
      const result = await this.api.renameBook(from, to, book.fingerprint);
      if (!result.ok) {
        this.store.notify('error', `${verb} did not rename the book back to ${to}: ${from} changed on disk since it was read. Reload or save it first.`);
        return;
      }
      if (this.store.get().book?.path !== from) return;
      this.store.movedBack(direction, result.file);
      this.backedUp.delete(from);
      this.store.notify('info', `${verb}: the book is ${to} again${result.images ? `, its images in ${result.images.to}/` : ''}.`);
      void this.refreshBooks();
    } catch (e) {
      this.store.notify('error', `${verb} did not rename the book to ${to}: ${message(e)}`);
    } finally {
      this.store.setUi({ busy: false });
    }
  }

  /** "Create person…": writes `_people/<id>.md`; the people list then holds the person (and the author's warning goes). Returns null when done, else why not. */
  async createPerson(person: NewPersonRequest): Promise<string | null> {
    try {
      const made = await this.api.createPerson(person);
      this.store.setSite({ people: [...this.store.get().site.people.filter((p) => p.id !== made.id), made] });
      this.store.notify('success', `Created ${personPath(made.id)} for ${made.name}.`);
      void this.refreshPeople();
      return null;
    } catch (e) {
      return message(e);
    }
  }

  /** Reads the open book from disk and opens the Compare dialog with it (or with nothing, when it is gone). */
  async compare(): Promise<void> {
    const book = this.store.get().book;
    if (!book) return;
    const disk = await this.api.readBook(book.path).catch(() => null);
    this.store.openDialog({ kind: 'compare', disk });
  }

  /** The book's text as it is on disk now; null when it is not there. */
  async diskText(path: string): Promise<string | null> {
    return this.api.readBook(path).then((f) => f.text, () => null);
  }

  /** Opens an http(s) link in the system's browser, saying so when it cannot. */
  async openExternal(href: string): Promise<void> {
    await this.api.openExternal(href).catch((e: unknown) => this.store.notify('error', `The link could not be opened: ${message(e)}`));
  }

  /** Tells the window its title and whether there is unsaved work. */
  setWindowState(state: WindowState): void {
    void this.api.setWindowState(state).catch(() => undefined);
  }

  /** Waits for changes on disk and menu commands after `cursor` (the long poll of siteEvents). */
  nextEvents(cursor: number): Promise<EventBatch> {
    return this.api.nextEvents(cursor);
  }

  private dropOffer(path: string) {
    const d = this.store.get().ui.dialog;
    if (d?.kind !== 'recover') return;
    const rest = d.backups.filter((b) => b.path !== path);
    this.store.openDialog(rest.length ? { kind: 'recover', backups: rest } : null);
  }

  /** Asks which of these site files exist, once each. */
  async checkFiles(paths: readonly string[]): Promise<void> {
    const known = this.store.get().site.files;
    const ask = [...new Set(paths.map((p) => p.replace(/^\/+/, '')).filter((p) => p && !(p in known)))];
    if (!ask.length) return;
    let found: boolean[];
    try {
      found = await this.api.filesExist(ask);
    } catch {
      found = ask.map(() => false);
    }
    this.store.setSite({ files: { ...this.store.get().site.files, ...Object.fromEntries(ask.map((p, i) => [p, !!found[i]])) } });
  }

  /** Writes `images/books/<id>/cover.jpg` of the book from an image file (base64); 'exists' means ask, then call again with `overwrite`. Throws the Node side's refusal in words. */
  writeCover(path: string, base64: string, overwrite: boolean): Promise<CoverResult> {
    return this.api.writeCover(path, base64, overwrite);
  }

  /** Draws the book's preview card from `text` (the book as the page holds it); 'exists' means ask, then call again with `overwrite`. */
  makePreviewImage(path: string, text: string, overwrite: boolean): Promise<PreviewImageResult> {
    return this.api.makePreviewImage(path, text, overwrite);
  }

  /** Whether the book's preview card (drawn from `text`) is there and up to date. */
  previewImageState(path: string, text: string): Promise<PreviewImageState> {
    return this.api.previewImageState(path, text);
  }

  /** A file this page just wrote exists now (its image is read again, and its warnings go). */
  wroteFile(path: string): void {
    const key = path.replace(/^\/+/, '');
    this.store.setSite({ files: { ...this.store.get().site.files, [key]: true } });
  }

  /** Asks git for the site's state again (the library's marks, the branch in the status bar, the Changes view); asks made meanwhile run once after. */
  refreshGit(): Promise<void> {
    if (this.gitAsk) {
      this.gitAgain = true;
      return this.gitAsk;
    }
    const ask = async () => {
      do {
        this.gitAgain = false;
        try {
          this.store.setSite({ git: await this.api.gitStatus() });
        } catch (e) {
          this.store.setSite({ git: { available: false, reason: 'no-git', message: `Git's state could not be read: ${message(e)}` } });
        }
      } while (this.gitAgain);
    };
    this.gitAsk = ask().finally(() => (this.gitAsk = null));
    return this.gitAsk;
  }

  /** A changed file at `HEAD` and on disk, for the Changes view. */
  readAtHead(path: string): Promise<FileAtHead> {
    return this.api.readAtHead(path);
  }

  /** Commits these files as they are on disk; then the library, marks and branch follow. A failed call is answered in words, not thrown. */
  async commit(paths: readonly string[], text: string): Promise<CommitResult> {
    this.flush();
    let result: CommitResult;
    try {
      result = await this.api.commit([...paths], text);
    } catch (e) {
      result = { ok: false, reason: 'failed', message: `The commit could not be made: ${message(e)}`, paths: [], output: '' };
    }
    await this.refreshGit();
    return result;
  }

  /** Fetches, brings the remote's commits in and pushes; an open book the remote changed is reloaded when it has no unsaved changes. */
  async sync(): Promise<SyncResult> {
    let result: SyncResult;
    try {
      result = await this.api.sync();
    } catch (e) {
      result = { ok: false, reason: 'failed', message: `Sync could not run: ${message(e)}`, output: '', hint: '', conflicts: [], pushed: 0, broughtIn: 0, changedBooks: [] };
    }
    const open = this.store.get().book?.path;
    if (result.changedBooks.some((b) => b.path === open)) await this.bookChanged(open!);
    if (result.changedBooks.length) void this.refreshBooks();
    await this.refreshGit();
    return result;
  }
}
