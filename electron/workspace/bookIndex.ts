/** The library: one summary per `_books/*.md`, re-reading only the files that changed. */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BookSummary, Person } from '../../shared/api';
import { bookOf, openBook, validate } from '../../shared/index';
import { mapLimit } from './concurrency';
import { decodeUtf8, MAX_BOOK_BYTES } from './fileBytes';
import { realInside } from './sitePath';

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  /** Which people list the counts were validated against. */
  readonly peopleKey: string;
  readonly summary: BookSummary;
}

/** Summarizes a book's text: its fields and how many errors and warnings it has. */
export function summarize(rel: string, text: string, people: readonly Person[]): BookSummary {
  const doc = openBook(text);
  const diagnostics = validate(doc, { path: rel, people: people.map((p) => p.id), names: people });
  const book = bookOf(doc.data);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    id: path.posix.basename(rel, '.md'),
    path: rel,
    title: book?.title ?? '',
    authors: book?.authors ?? [],
    start: book?.start ?? '',
    end: book?.end ?? '',
    errors,
    warnings: diagnostics.length - errors,
  };
}

/** Newest first by start, then by id. */
export function compareSummaries(a: BookSummary, b: BookSummary): number {
  if (a.start !== b.start) return a.start < b.start ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The `_books/` folder of a site, cached per file by modification time and size. */
export class BookIndex {
  private readonly cache = new Map<string, Entry>();
  private readonly dir: string;
  /** How many files the last `list` read from disk (the rest came from the cache). */
  lastReads = 0;

  /** `root` is the real path of the site root. */
  constructor(private readonly root: string) {
    this.dir = path.join(root, '_books');
  }

  /** Every book, newest first; validated against these people. */
  async list(people: readonly Person[]): Promise<BookSummary[]> {
    const peopleKey = crypto.createHash('sha1').update(people.map((p) => `${p.id}\t${p.name}`).join('\n')).digest('hex');
    let names: string[];
    try {
      names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.'));
    } catch {
      this.cache.clear();
      return [];
    }
    const alive = new Set(names);
    for (const k of this.cache.keys()) if (!alive.has(k)) this.cache.delete(k);
    this.lastReads = 0;
    const rows = await mapLimit(names, 32, (n) => this.summary(n, people, peopleKey));
    return rows.filter((r): r is BookSummary => r !== null).sort(compareSummaries);
  }

  private async summary(name: string, people: readonly Person[], peopleKey: string): Promise<BookSummary | null> {
    const rel = `_books/${name}`;
    const file = await realInside(this.root, path.join(this.dir, name));
    if (!file) return null;
    try {
      const s = await fs.stat(file);
      if (!s.isFile()) return null;
      const hit = this.cache.get(name);
      if (hit && hit.mtimeMs === s.mtimeMs && hit.size === s.size && hit.peopleKey === peopleKey) return hit.summary;
      this.lastReads++;
      const summary = s.size > MAX_BOOK_BYTES ? unreadable(rel) : summarize(rel, decodeUtf8(await fs.readFile(file)), people);
      this.cache.set(name, { mtimeMs: s.mtimeMs, size: s.size, peopleKey, summary });
      return summary;
    } catch {
      return unreadable(rel);
    }
  }
}

function unreadable(rel: string): BookSummary {
  return { id: path.posix.basename(rel, '.md'), path: rel, title: '', authors: [], start: '', end: '', errors: 1, warnings: 0 };
}
