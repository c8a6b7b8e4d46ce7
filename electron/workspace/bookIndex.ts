/**
 * The library: one row per entry of `_books/`. A book is opened once to learn its title
 * and week, then checked against the site (people, the other books' weeks, its cover)
 * through the same siteContextFor the editor uses. Both steps are cached: a file is read
 * again only when it changed, and checked again only when its context changed. Entries
 * that are not books the editor can open are rows with a `problem`, and are never read.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BookSummary, Person } from '../../shared/api';
import { siteContextFor } from '../../shared/index';
import type { BookWeek, Diagnostic, Value } from '../../shared/index';
import type { BookChecker, OpenedBook } from './bookChecker';
import { notUtf8Diagnostic } from './bookChecker';
import { mapLimit } from './concurrency';
import { WorkspaceError } from './errors';
import { decodeUtf8, firstBadUtf8, kindOf, MAX_BOOK_BYTES, readRegularFile } from './fileBytes';
import { checkBookPath, confine, isInside, realFolder, scanEntry } from './sitePath';

/** What the library keeps of a file between scans. */
interface Entry {
  /** The file's real path (a book may be a link to another file of the site). */
  readonly real: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly ino: number;
  readonly opened: OpenedBook;
  /** Set when the bytes are not valid UTF-8: the error that says where. */
  readonly notUtf8: Diagnostic | null;
  /** The counts, and the context (as JSON) they were computed against. */
  checked?: { readonly key: string; readonly errors: number; readonly warnings: number };
}

/** One entry of `_books/` after a scan: a book, or why it is not one. */
export type ScannedBook = { readonly summary: BookSummary; readonly diagnostics?: readonly Diagnostic[] };

/** Newest first by start, then by id. */
export function compareSummaries(a: BookSummary, b: BookSummary): number {
  if (a.start !== b.start) return a.start < b.start ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const tooLarge = (size: number) => `It is ${size} bytes, more than the ${MAX_BOOK_BYTES} this editor opens: it was not read.`;

const problemRow = (name: string, problem: string): BookSummary => ({ id: name.replace(/\.md$/, ''), path: `_books/${name}`, title: '', authors: [], start: '', end: '', errors: 1, warnings: 0, problem });

let lastId = 0;

/** The `_books/` folder of a site. */
export class BookIndex {
  private readonly cache = new Map<string, Entry>();
  private readonly dir: string;
  /** How many files the last scan read from disk (the rest came from the cache). */
  lastReads = 0;

  /** `root` is the real path of the site root; `checker` parses and validates (here or in a worker). */
  constructor(private readonly root: string, private readonly checker: BookChecker) {
    this.dir = path.join(root, '_books');
  }

  /**
   * Every entry of `_books/` named `*.md`, newest first, checked against `people`; the
   * diagnostics themselves for the paths in `detail`, or for all (the command line asks for them).
   */
  async scan(people: readonly Person[], detail: ReadonlySet<string> | 'all' = new Set()): Promise<ScannedBook[]> {
    let names: string[];
    /** The names the listing says are regular files (not links, folders or pipes). */
    let regular: Set<string>;
    const realDir = await realFolder(this.root, this.dir);
    try {
      const listed = (await fs.readdir(this.dir, { withFileTypes: true })).filter((d) => d.name.endsWith('.md'));
      names = listed.map((d) => d.name);
      regular = new Set(listed.filter((d) => d.isFile()).map((d) => d.name));
    } catch {
      this.cache.clear();
      throw await this.gone();
    }
    // A _books/ that leads outside the site holds none of its books.
    if (!realDir) names = [];
    const alive = new Set(names);
    for (const k of this.cache.keys()) if (!alive.has(k)) this.cache.delete(k);
    this.lastReads = 0;
    const held = new Map<string, number>();
    try {
      const found = (await mapLimit(names, 16, (n) => this.open(n, realDir!, held, regular.has(n)))).filter((f) => f !== null);
      // Every book's context holds the people: compare them once, by a hash, not once per book.
      const peopleKey = crypto.createHash('sha1').update(people.map((p) => `${p.id}\t${p.name}`).join('\n')).digest('hex');
      const books: BookWeek[] = [];
      for (const f of found) if ('opened' in f) books.push({ path: `_books/${f.name}`, title: f.opened.title, start: f.opened.start, end: f.opened.end });
      const covers = new CoverFinder(this.root);
      const rows = await mapLimit(found, 16, async (f): Promise<ScannedBook> => ('problem' in f ? { summary: problemRow(f.name, f.problem) } : this.check(f.name, f.entry, { people, key: peopleKey }, books, held, detail === 'all' || detail.has(`_books/${f.name}`), covers)));
      return rows.sort((a, b) => compareSummaries(a.summary, b.summary));
    } finally {
      for (const id of held.values()) this.checker.forget(id);
    }
  }

  /** Why `_books/` cannot be listed: the site folder is gone, or only its `_books/`. */
  private async gone(): Promise<WorkspaceError> {
    const rootThere = await fs.stat(this.root).then((s) => s.isDirectory(), () => false);
    return new WorkspaceError('site-gone', rootThere ? `The site's _books folder is gone from ${this.root}.` : `The site folder ${this.root} is gone: it was moved, renamed or deleted. Unsaved work is still backed up.`);
  }

  /** Finds what an entry is, and opens it when it is a readable book (from the cache when unchanged). */
  private async open(name: string, realDir: string, held: Map<string, number>, listedRegular: boolean): Promise<{ name: string; problem: string } | { name: string; entry: Entry; opened: OpenedBook } | null> {
    const rel = `_books/${name}`;
    try {
      checkBookPath(rel);
    } catch (e) {
      return { name, problem: `The site cannot serve this name: ${(e as Error).message}` };
    }
    const hit = this.cache.get(name);
    // A link that leads outside the site, or nowhere, is not the site's: it is not listed at all.
    const found = await scanEntry(this.root, realDir, name, listedRegular, !!hit);
    if (!found) return null;
    const { real, stat: seen } = found;
    if (seen) {
      if (!seen.isFile()) return { name, problem: `It is ${kindOf(seen)}, not a file: it was not read.` };
      if (seen.size > MAX_BOOK_BYTES) return { name, problem: tooLarge(seen.size) };
      if (hit && hit.real === real && hit.mtimeMs === seen.mtimeMs && hit.size === seen.size && hit.ino === seen.ino) return { name, entry: hit, opened: hit.opened };
    }
    try {
      const { bytes, stat } = await readRegularFile(real, rel, MAX_BOOK_BYTES, seen ?? 'listed');
      this.lastReads++;
      const text = decodeUtf8(bytes);
      const id = ++lastId;
      const opened = await this.checker.open(id, text);
      held.set(name, id);
      const bad = firstBadUtf8(bytes);
      const entry: Entry = { real, mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino, opened, notUtf8: bad < 0 ? null : notUtf8Diagnostic(bytes, bad, text) };
      this.cache.set(name, entry);
      return { name, entry, opened };
    } catch (e) {
      this.cache.delete(name);
      if (e instanceof WorkspaceError && e.kind === 'too-large') return { name, problem: tooLarge(await fs.lstat(real).then((s) => s.size, () => MAX_BOOK_BYTES + 1)) };
      return { name, problem: e instanceof WorkspaceError ? e.message : `It could not be read or checked: ${(e as Error).message}` };
    }
  }

  /** A book's row, with counts against its site context (recomputed only when that context changed). */
  private async check(name: string, entry: Entry, people: { readonly people: readonly Person[]; readonly key: string }, books: readonly BookWeek[], held: Map<string, number>, withDiagnostics: boolean, covers: CoverFinder): Promise<ScannedBook> {
    const rel = `_books/${name}`;
    const site = siteContextFor(rel, entry.opened.head as Value, { people: people.people, books, coverExists: await covers.exists(entry.opened.head.cover) });
    const key = `${people.key} ${JSON.stringify({ ...site, people: undefined, names: undefined })}`;
    const row = (errors: number, warnings: number): BookSummary => ({
      id: name.replace(/\.md$/, ''),
      path: rel,
      title: entry.opened.title,
      authors: entry.opened.authors,
      start: entry.opened.start,
      end: entry.opened.end,
      errors: errors + (entry.notUtf8 ? 1 : 0),
      warnings,
    });
    if (entry.checked?.key === key && !withDiagnostics) return { summary: row(entry.checked.errors, entry.checked.warnings) };
    let id = held.get(name);
    held.delete(name);
    try {
      if (id === undefined) {
        // Checked before, against another context: read it again (it has not changed).
        const { bytes } = await readRegularFile(entry.real, rel);
        this.lastReads++;
        id = ++lastId;
        await this.checker.open(id, decodeUtf8(bytes));
      }
      const checked = await this.checker.check(id, site, withDiagnostics);
      entry.checked = { key, errors: checked.errors, warnings: checked.warnings };
      const diagnostics = checked.diagnostics && entry.notUtf8 ? [entry.notUtf8, ...checked.diagnostics] : checked.diagnostics;
      return { summary: row(checked.errors, checked.warnings), ...(diagnostics ? { diagnostics } : {}) };
    } catch (e) {
      if (id !== undefined) this.checker.forget(id);
      this.cache.delete(name);
      return { summary: problemRow(name, e instanceof WorkspaceError ? e.message : `It could not be checked: ${(e as Error).message}`) };
    }
  }
}

/** Whether the cover a book names (`cover` as written) is a file of the site at `root`; null when it names none. */
export async function coverExists(root: string, cover: string | null): Promise<boolean | null> {
  const rel = cover?.replace(/^\/+/, '');
  if (!rel) return null;
  try {
    return (await fs.stat(await confine(root, rel))).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether covers exist, for one scan: each folder the covers name is listed once (one
 * call, not a stat and a realpath per book); a name the listing does not show as a plain
 * file (a link, say) is asked as coverExists asks it.
 */
class CoverFinder {
  private readonly folders = new Map<string, Promise<ReadonlySet<string> | null>>();

  constructor(private readonly root: string) {}

  async exists(cover: string | null): Promise<boolean | null> {
    const rel = cover?.replace(/^\/+/, '');
    if (!rel) return null;
    const slash = rel.lastIndexOf('/');
    const folder = slash < 0 ? '' : rel.slice(0, slash);
    let files = this.folders.get(folder);
    if (!files) this.folders.set(folder, (files = this.list(folder)));
    const listed = await files;
    return listed?.has(rel.slice(slash + 1)) ? true : coverExists(this.root, cover);
  }

  /** The plain files of a folder of the site, or null when it cannot be listed inside the site. */
  private async list(folder: string): Promise<ReadonlySet<string> | null> {
    try {
      const real = folder === '' ? this.root : await confine(this.root, folder);
      if (!isInside(this.root, real)) return null;
      return new Set((await fs.readdir(real, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name));
    } catch {
      return null;
    }
  }
}
