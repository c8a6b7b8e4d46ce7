/**
 * The session: the one part of the renderer that talks to the contract for the open site
 * and book — opening, saving (with validation and conflict detection), creating books,
 * comparing with the disk, and the backups of unsaved work from writing to discarding.
 * The store holds the state; the session moves data between it and the disk. Views ask
 * the session; none of them holds the API.
 */
import type { Backup, BookApi, BookFile, EventBatch, NewBookRequest, WindowState } from '../../../shared/api';
import type { EditorStore } from '../store/editorStore';
import { isDirty } from '../store/bookSlice';
import { freshDiagnosticsOf } from '../store/derived';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class Session {
  private readonly drafts = new Set<() => void>();
  /** Books this session wrote a backup of (since their last save or discard). */
  private readonly backedUp = new Set<string>();

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
}
