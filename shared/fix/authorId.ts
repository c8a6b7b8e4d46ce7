/** An author written as a display name that is exactly a person's `title` → that person's id. */
import type { BookDocument, Edit } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import { cleanName, nameIndex } from '../book/descriptionForm';
import type { SiteContext } from '../book/validate';
import type { Value } from '../yaml/tree';
import { valueAt } from './fix';
import type { Fix, FixProvider, Report } from './fix';

/** The people whose display name is `author` (when `author` is not itself a people id). */
function peopleNamed(author: Value | undefined, site: SiteContext): string[] {
  if (typeof author !== 'string' || !site.names) return [];
  const { byId, byName } = nameIndex(site.names);
  return byId.has(author) ? [] : [...(byName.get(cleanName(author)) ?? [])];
}

/** Warns for each author given by the name of a person who has a people page. */
export function checkAuthorNames(authors: readonly Value[], site: SiteContext, report: Report): void {
  authors.forEach((a, i) => {
    const ids = peopleNamed(a, site);
    if (ids.length === 1) report('warning', 'author-name', ['authors', i], `Author ${i + 1}: "${a as string}" has a people page: write its id, ${ids[0]}, so the page links to it.`);
    else if (ids.length > 1) report('warning', 'author-name', ['authors', i], `Author ${i + 1}: "${a as string}" is the name of ${ids.length} people (${ids.join(', ')}): write the id of the right one.`);
  });
}

function offer(doc: BookDocument, d: Diagnostic, site: SiteContext): Fix[] {
  const ids = peopleNamed(valueAt(doc.data, d.keys), site);
  return ids.map((id) => ({ kind: 'edit', id: `author-id:${id}`, label: `Use the people id "${id}"`, safe: ids.length === 1 }));
}

function edits(doc: BookDocument, d: Diagnostic, id: string, site: SiteContext): Edit[] {
  const person = id.slice('author-id:'.length);
  return peopleNamed(valueAt(doc.data, d.keys), site).includes(person) ? [{ op: 'set', path: d.keys, value: person }] : [];
}

/** Replaces an author's display name by the id of the person of that name. */
export const authorIdFix: FixProvider = { codes: ['author-name'], offer, edits };
