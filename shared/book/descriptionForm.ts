/**
 * The site's description form, as 60 of the 73 real books write it:
 * "Book of the Week. <title> by <A>, <B> and <C>", the authors by their people page's
 * `title` (or as written when they have none), optionally followed by a sentence of its
 * own (". Learn machine learning by doing projects").
 */
import type { Value } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';

/** How every description in the site's form begins. */
export const DESCRIPTION_PREFIX = 'Book of the Week. ';

/** Names joined as people write them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Leading and trailing spaces, and the zero-width spaces some people files carry around a name. */
const EDGES = /^(?:\s|\u200B|\u200C|\u200D|\u2060)+|(?:\s|\u200B|\u200C|\u200D|\u2060)+$/g;

/** A name without the spaces and invisible characters around it. */
export const cleanName = (s: string): string => s.replace(EDGES, '');

type Names = readonly { readonly id: string; readonly name: string }[];

/** People's names by id, and ids by name, built once per list of names. */
export interface NameIndex {
  readonly byId: ReadonlyMap<string, string>;
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<Names, NameIndex>();

/** The index of a list of people's names (cached for as long as the list lives: the callers keep one list per site). */
export function nameIndex(names: Names): NameIndex {
  let index = indexes.get(names);
  if (!index) {
    const byId = new Map<string, string>();
    const byName = new Map<string, string[]>();
    for (const p of names) {
      const name = cleanName(p.name);
      byId.set(p.id, name);
      byName.set(name, [...(byName.get(name) ?? []), p.id]);
    }
    index = { byId, byName };
    indexes.set(names, index);
  }
  return index;
}

/** The display names of `authors`: a people id's `title`, otherwise the author as written. */
export function displayNames(authors: readonly string[], names: Names): string[] {
  const { byId } = nameIndex(names);
  return authors.map((a) => byId.get(a) || cleanName(a));
}

/** The description in the site's form. */
export function descriptionFor(title: string, authorNames: readonly string[]): string {
  return `${DESCRIPTION_PREFIX}${title}${authorNames.length ? ` by ${joinNames(authorNames)}` : ''}`;
}

/** The site's description for a front matter value, or null when its title or authors are not readable or names are not known. */
export function expectedDescription(data: Value | null, names: readonly { readonly id: string; readonly name: string }[] | undefined): string | null {
  if (!names || !isPlainObject(data)) return null;
  const { title, authors } = data;
  if (typeof title !== 'string' || !title.trim() || !Array.isArray(authors) || !authors.every((a) => typeof a === 'string' && a.trim())) return null;
  return descriptionFor(title.trim(), displayNames(authors as string[], names));
}

/** What follows the form in `description` ("" or a sentence like ". Learn …"), or null when it does not begin with `expected`. */
export function formTail(description: string, expected: string): string | null {
  if (!description.startsWith(expected)) return null;
  const tail = description.slice(expected.length);
  return tail === '' || /^\.(?:\s|$)/.test(tail) ? tail : null;
}
