/**
 * Turns file system changes under `_books/` and `_people/` into SiteEvents. Changes are
 * debounced, compared with a snapshot of sizes and times (so a touch that changes nothing
 * and our own saves, which update the snapshot, make no event), and our temp files ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EventQueue } from './eventQueue';
import { isTempName } from './atomicWrite';
import { statOrNull } from './fileBytes';

type Stamp = { readonly mtimeMs: number; readonly size: number };

const isBookName = (n: string) => n.endsWith('.md') && !n.startsWith('.') && !isTempName(n);
const isPersonName = (n: string) => n.endsWith('.md') && !n.startsWith('_') && !n.startsWith('.');

/** Watches one site's `_books/` and `_people/` folders. */
export class SiteWatcher {
  private readonly books = new Map<string, Stamp>();
  /** Books we are writing right now (name → writes in flight); their events wait, then compare with the result. */
  private readonly ownWrites = new Map<string, number>();
  private readonly watchers: fs.FSWatcher[] = [];
  private pendingBooks = new Set<string>();
  private rescanBooks = false;
  private peopleChanged = false;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  /** The site folder's inode when watching began, and whether its path has lost it since. */
  private rootIno: number | null = null;
  private gone = false;
  private rootTimer: NodeJS.Timeout | undefined;

  constructor(private readonly root: string, private readonly queue: EventQueue, private readonly debounceMs = 100, private readonly rootCheckMs = 1000) {}

  /** Takes the first snapshot and starts watching; folders that do not exist are not watched. */
  async start(): Promise<void> {
    for (const [name, stamp] of await this.scanBooks()) this.books.set(name, stamp);
    this.rootIno = (await fs.promises.stat(this.root).catch(() => null))?.ino ?? null;
    if (this.closed) return;
    // Renaming or deleting the site folder moves no file inside it: look at the folder itself.
    this.rootTimer = setInterval(() => void this.checkRoot(), this.rootCheckMs);
    this.rootTimer.unref();
    this.watch('_books', (name) => {
      void this.checkRoot();
      if (name === null) this.rescanBooks = true;
      else if (isBookName(name)) this.pendingBooks.add(name);
      else return;
      this.schedule();
    });
    this.watch('_people', (name) => {
      if (name !== null && !isPersonName(name)) return;
      this.peopleChanged = true;
      this.schedule();
    });
  }

  /** Marks a book as being written by us: its changes wait until `endOwnWrite`. */
  beginOwnWrite(bookPath: string): void {
    const name = path.posix.basename(bookPath);
    this.ownWrites.set(name, (this.ownWrites.get(name) ?? 0) + 1);
  }

  /** Records a book's state after our own write, so the watcher does not report it. */
  async endOwnWrite(bookPath: string): Promise<void> {
    const name = path.posix.basename(bookPath);
    try {
      const stamp = await statOrNull(path.join(this.root, '_books', name)).catch(() => null);
      if (stamp) this.books.set(name, stamp);
      else this.books.delete(name);
    } finally {
      const left = (this.ownWrites.get(name) ?? 1) - 1;
      if (left > 0) this.ownWrites.set(name, left);
      else this.ownWrites.delete(name);
    }
  }

  /** Stops watching. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.rootTimer);
    for (const w of this.watchers) w.close();
    this.watchers.length = 0;
  }

  /** Tells the page when the site folder vanishes (its path leads nowhere, or to another folder). */
  private async checkRoot(): Promise<void> {
    const now = await fs.promises.stat(this.root).catch(() => null);
    if (this.closed || this.rootIno === null) return;
    const there = !!now?.isDirectory() && now.ino === this.rootIno;
    if (there === !this.gone) return;
    this.gone = !there;
    // Back again (renamed back): the next save or refresh of the library clears the page's message.
    if (!there) this.queue.push({ kind: 'site-gone', message: `The site folder ${this.root} is gone: it was moved, renamed or deleted. Unsaved work is still backed up; save it once the folder is back.` });
  }

  private watch(folder: string, onName: (name: string | null) => void): void {
    try {
      const w = fs.watch(path.join(this.root, folder), { persistent: false }, (_type, name) => onName(name == null ? null : String(name)));
      w.on('error', () => w.close());
      this.watchers.push(w);
    } catch {
      // the folder does not exist (a site without _people/): nothing to watch
    }
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.flushing = this.flushing.then(() => this.flush()).catch(() => undefined);
    }, this.debounceMs);
  }

  private async flush(): Promise<void> {
    const names = this.pendingBooks;
    const rescan = this.rescanBooks;
    const people = this.peopleChanged;
    this.pendingBooks = new Set();
    this.rescanBooks = false;
    this.peopleChanged = false;
    const now = new Map<string, Stamp | null>();
    if (rescan) {
      const all = await this.scanBooks();
      for (const name of new Set([...this.books.keys(), ...all.keys()])) now.set(name, all.get(name) ?? null);
    } else {
      for (const name of names) now.set(name, await statOrNull(path.join(this.root, '_books', name)).catch(() => null));
    }
    if (this.closed) return;
    // A book we are writing right now is looked at again after the write, against its new state.
    const busy = [...now.keys()].filter((n) => this.ownWrites.has(n));
    for (const n of busy) {
      now.delete(n);
      this.pendingBooks.add(n);
    }
    if (busy.length) this.schedule();
    for (const [name, stamp] of [...now].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const before = this.books.get(name);
      const p = `_books/${name}`;
      if (stamp && !before) this.queue.push({ kind: 'book-added', path: p });
      else if (!stamp && before) this.queue.push({ kind: 'book-removed', path: p });
      else if (stamp && before && (stamp.mtimeMs !== before.mtimeMs || stamp.size !== before.size)) this.queue.push({ kind: 'book-changed', path: p });
      if (stamp) this.books.set(name, stamp);
      else this.books.delete(name);
    }
    if (people) this.queue.push({ kind: 'people-changed' });
  }

  private async scanBooks(): Promise<Map<string, Stamp>> {
    const out = new Map<string, Stamp>();
    let names: string[];
    try {
      names = (await fs.promises.readdir(path.join(this.root, '_books'))).filter(isBookName);
    } catch {
      return out;
    }
    for (const n of names) {
      const s = await statOrNull(path.join(this.root, '_books', n)).catch(() => null);
      if (s) out.set(n, s);
    }
    return out;
  }
}
