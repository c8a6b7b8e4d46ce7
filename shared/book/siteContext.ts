/**
 * The one way a book's site context is built, from facts about the site: the workspace
 * (library counts and the command line) and the editor page pass the same facts and get
 * the same context, so a book is checked alike everywhere.
 */
import type { Value } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';
import type { SiteContext } from './validate';

/** What validation needs to know of another book: where it is, its title, and its week. */
export interface BookWeek {
  readonly path: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
}

/** The facts of a site that a book's checks read. */
export interface SiteFacts {
  /** The site's people (id and display name); an empty list means not known, and authors are then not checked against it. */
  readonly people: readonly { readonly id: string; readonly name: string }[];
  /** Every book of the site with its week (the book itself may be among them). */
  readonly books: readonly BookWeek[];
  /** Whether the book's cover file exists; null when not known, and the cover is then not checked. */
  readonly coverExists: boolean | null;
}

/** The site-relative cover path a book's front matter names (leading slashes dropped), or null. */
export function coverPathOf(data: Value | null): string | null {
  if (!isPlainObject(data) || typeof data.cover !== 'string' || !data.cover) return null;
  return data.cover.replace(/^\/+/, '');
}

/**
 * The context to validate the book at `path` (front matter `data`) with. Only the weeks
 * that could overlap its own are kept: validation warns about exactly those, and a small
 * context is cheap to compare when deciding whether a library count must be recomputed.
 */
export function siteContextFor(path: string, data: Value | null, site: SiteFacts): SiteContext {
  const cover = coverPathOf(data);
  const start = isPlainObject(data) ? data.start : undefined;
  const end = isPlainObject(data) ? data.end : undefined;
  const weeks = typeof start === 'string' && typeof end === 'string'
    ? site.books.filter((b) => b.path !== path && b.start <= end && start <= b.end).map((b) => ({ path: b.path, title: b.title, start: b.start, end: b.end }))
    : [];
  return {
    path,
    people: site.people.length ? site.people.map((p) => p.id) : undefined,
    names: site.people.length ? site.people.map((p) => ({ id: p.id, name: p.name })) : undefined,
    files: cover === null || site.coverExists === null ? undefined : site.coverExists ? [cover] : [],
    weeks,
  };
}
