/**
 * The parsing and checking the workspace does on the site's texts: a book's summary, its
 * diagnostics against the site, a person. The same work runs in this thread (the command
 * line) or in a worker thread (the hosts, so that a huge or hostile book never stalls
 * another call); `localChecker` is the work itself, the worker only carries it.
 */
import type { Person } from '../../shared/api';
import { bookOf, LineIndex, openBook, validate } from '../../shared/index';
import type { BookDocument, Diagnostic, SiteContext } from '../../shared/index';
import { decodeUtf8 } from './fileBytes';

/** What the library shows of a book and what its neighbours' checks read, from its text alone. */
export interface OpenedBook {
  readonly title: string;
  readonly authors: readonly string[];
  readonly start: string;
  readonly end: string;
  /** The front matter's own `cover`, `start` and `end` when they are texts: all a site context is built from. */
  readonly head: { readonly cover: string | null; readonly start: string | null; readonly end: string | null };
}

/** A book's diagnostics against its site: how many of each, and the list itself when asked. */
export interface CheckedBook {
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics?: readonly Diagnostic[];
}

/** Parses and checks texts. A book is opened once, then checked once its site context is known (which needs every book opened). */
export interface BookChecker {
  /** Parses a book's text and keeps it under `id` until `check` or `forget`. */
  open(id: number, text: string): Promise<OpenedBook>;
  /** Validates the book kept under `id` against `site`, then forgets it. */
  check(id: number, site: SiteContext, withDiagnostics: boolean): Promise<CheckedBook>;
  /** Forgets the book kept under `id`, if any. */
  forget(id: number): void;
  /** Reads a person from a people file's text (`fileName` gives the id when `short` is missing); null when it cannot be read. */
  person(fileName: string, text: string): Promise<Person | null>;
  /** Stops the worker, if there is one. */
  close(): void;
}

/** Reads a person from a people file's text; null when its front matter cannot be read. */
export function personOf(fileName: string, text: string): Person | null {
  const data = openBook(text).data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const text_ = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
  const id = text_(data.short) ?? fileName.replace(/\.md$/, '');
  return { id, name: text_(data.title) ?? id, picture: text_(data.picture) };
}

/** What a book's text alone tells: the summary fields and the head a site context is built from. */
export function openedOf(doc: BookDocument): OpenedBook {
  const book = bookOf(doc.data);
  const data = doc.data;
  const own = (key: string): string | null => (typeof data === 'object' && data !== null && !Array.isArray(data) && typeof data[key] === 'string' ? (data[key] as string) : null);
  return {
    title: book?.title ?? '',
    authors: book?.authors ?? [],
    start: book?.start ?? '',
    end: book?.end ?? '',
    head: { cover: own('cover'), start: own('start'), end: own('end') },
  };
}

/** The people of a site context (its ids and display names). */
export type PeopleLists = Pick<SiteContext, 'people' | 'names'>;

/** A site context whose people are the list sent before under `peopleKey`. */
export type SiteWithoutPeople = Omit<SiteContext, 'people' | 'names'> & { readonly peopleKey?: number };

/** How many lists of people the worker keeps (one per site being scanned, a few at most). */
const PEOPLE_LISTS = 8;

/** Keeps `lists` under `key`, forgetting the oldest beyond a few; returns the lists forgotten. Both sides of the worker keep the same ones. */
export function keepPeople(kept: Map<number, PeopleLists>, key: number, lists: PeopleLists): PeopleLists[] {
  kept.set(key, lists);
  const gone: PeopleLists[] = [];
  for (const [k, v] of kept) {
    if (kept.size <= PEOPLE_LISTS) break;
    kept.delete(k);
    gone.push(v);
  }
  return gone;
}

/** The site context of a check, with its people put back from the lists sent before. */
export function withPeople(site: SiteWithoutPeople, kept: ReadonlyMap<number, PeopleLists>): SiteContext {
  const { peopleKey, ...rest } = site;
  return peopleKey === undefined ? rest : { ...rest, ...kept.get(peopleKey) };
}

/** Counts (and, when asked, lists) a document's diagnostics against its site. */
export function checkedOf(doc: BookDocument, site: SiteContext, withDiagnostics: boolean): CheckedBook {
  const diagnostics = validate(doc, site);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors, ...(withDiagnostics ? { diagnostics } : {}) };
}

/** The checker that works in this thread. */
export function localChecker(): BookChecker {
  const open = new Map<number, BookDocument>();
  return {
    async open(id, text) {
      const doc = openBook(text);
      open.set(id, doc);
      return openedOf(doc);
    },
    async check(id, site, withDiagnostics) {
      const doc = open.get(id);
      open.delete(id);
      if (!doc) throw new Error(`No open book ${id}.`);
      return checkedOf(doc, site, withDiagnostics);
    },
    forget: (id) => void open.delete(id),
    person: async (fileName, text) => personOf(fileName, text),
    close: () => open.clear(),
  };
}

/** The error a file that is not valid UTF-8 gets: where its first bad byte is, in bytes and as a line and column of the text shown. */
export function notUtf8Diagnostic(bytes: Uint8Array, offset: number, text: string): Diagnostic {
  const at = decodeUtf8(bytes.subarray(0, offset)).length;
  return {
    severity: 'error',
    code: 'not-utf8',
    path: '',
    keys: [],
    message: `The file is not valid UTF-8: its first bad byte is at byte offset ${offset}. It opens read-only, and saving is refused so that no byte is replaced; convert it to UTF-8 outside the editor.`,
    range: new LineIndex(text).range(at, Math.min(text.length, at + 1)),
  };
}
