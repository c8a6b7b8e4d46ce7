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

type PeopleLists = { readonly ids: readonly string[]; readonly names: readonly { readonly id: string; readonly name: string }[] };
const listsOf = new WeakMap<object, PeopleLists>();

/**
 * The ids and names of the people, made once per list of people: every book of a scan
 * shares them (and the name index validation builds on them), instead of copying 400
 * people per book.
 */
function peopleLists(people: SiteFacts['people']): PeopleLists | undefined {
  if (!people.length) return undefined;
  let lists = listsOf.get(people);
  if (!lists) listsOf.set(people, (lists = { ids: people.map((p) => p.id), names: people.map((p) => ({ id: p.id, name: p.name })) }));
  return lists;
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
  const people = peopleLists(site.people);
  return {
    path,
    people: people?.ids,
    names: people?.names,
    files: cover === null || site.coverExists === null ? undefined : site.coverExists ? [cover] : [],
    weeks,
  };
}
