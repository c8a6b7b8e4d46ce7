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
import { checkBookPath, confine, realFolder, siteEntry } from './sitePath';

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
    const realDir = await realFolder(this.root, this.dir);
    try {
      names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.md'));
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
      const found = (await mapLimit(names, 16, (n) => this.open(n, realDir!, held))).filter((f) => f !== null);
      // Every book's context holds the people: compare them once, by a hash, not once per book.
      const peopleKey = crypto.createHash('sha1').update(people.map((p) => `${p.id}\t${p.name}`).join('\n')).digest('hex');
      const books: BookWeek[] = [];
      for (const f of found) if ('opened' in f) books.push({ path: `_books/${f.name}`, title: f.opened.title, start: f.opened.start, end: f.opened.end });
      const rows = await mapLimit(found, 16, async (f): Promise<ScannedBook> => ('problem' in f ? { summary: problemRow(f.name, f.problem) } : this.check(f.name, f.entry, { people, key: peopleKey }, books, held, detail === 'all' || detail.has(`_books/${f.name}`))));
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
  private async open(name: string, realDir: string, held: Map<string, number>): Promise<{ name: string; problem: string } | { name: string; entry: Entry; opened: OpenedBook } | null> {
    const rel = `_books/${name}`;
    try {
      checkBookPath(rel);
    } catch (e) {
      return { name, problem: `The site cannot serve this name: ${(e as Error).message}` };
    }
    // A link that leads outside the site, or nowhere, is not the site's: it is not listed at all.
    const found = await siteEntry(this.root, realDir, name);
    if (!found) return null;
    const { real, stat } = found;
    if (!stat.isFile()) return { name, problem: `It is ${kindOf(stat)}, not a file: it was not read.` };
    if (stat.size > MAX_BOOK_BYTES) return { name, problem: `It is ${stat.size} bytes, more than the ${MAX_BOOK_BYTES} this editor opens: it was not read.` };
    const hit = this.cache.get(name);
    if (hit && hit.real === real && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size && hit.ino === stat.ino) return { name, entry: hit, opened: hit.opened };
    try {
      const { bytes } = await readRegularFile(real, rel, MAX_BOOK_BYTES, stat);
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
      return { name, problem: e instanceof WorkspaceError ? e.message : `It could not be read or checked: ${(e as Error).message}` };
    }
  }

  /** A book's row, with counts against its site context (recomputed only when that context changed). */
  private async check(name: string, entry: Entry, people: { readonly people: readonly Person[]; readonly key: string }, books: readonly BookWeek[], held: Map<string, number>, withDiagnostics: boolean): Promise<ScannedBook> {
    const rel = `_books/${name}`;
    const site = siteContextFor(rel, entry.opened.head as Value, { people: people.people, books, coverExists: await coverExists(this.root, entry.opened.head.cover) });
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
