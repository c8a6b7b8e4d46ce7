/** A description in the site's form that no longer matches the title or the authors → rewritten from them. */
import type { BookDocument, Edit } from '../book/document';
import { DESCRIPTION_PREFIX, expectedDescription, formTail } from '../book/descriptionForm';
import type { SiteContext } from '../book/validate';
import type { Value } from '../yaml/tree';
import type { Fix, FixProvider, Report } from './fix';

/** The description the form asks for, when `data`'s description is in the form and does not match it. */
function mismatch(data: Value | null, site: SiteContext): { readonly now: string; readonly expected: string } | null {
  const expected = expectedDescription(data, site.names);
  const now = expected !== null && typeof data === 'object' && data && !Array.isArray(data) ? data.description : null;
  if (expected === null || typeof now !== 'string' || !now.startsWith(DESCRIPTION_PREFIX) || formTail(now, expected) !== null) return null;
  return { now, expected };
}

/** Warns when the description is in the site's form but names another title or other authors. */
export function checkDescription(data: Value, site: SiteContext, report: Report): void {
  const m = mismatch(data, site);
  if (m) report('warning', 'description', ['description'], `The description does not match the title and authors; the site's form gives "${m.expected}".`);
}

function offer(doc: BookDocument, _d: unknown, site: SiteContext): Fix[] {
  const m = mismatch(doc.data, site);
  return m ? [{ kind: 'edit', id: 'rewrite-description', label: `Rewrite the description as "${m.expected}"`, safe: false }] : [];
}

function edits(doc: BookDocument, _d: unknown, _id: string, site: SiteContext): Edit[] {
  const m = mismatch(doc.data, site);
  return m ? [{ op: 'set', path: ['description'], value: m.expected }] : [];
}

/** Rewrites the description from the title and the authors' names. */
export const rewriteDescriptionFix: FixProvider = { codes: ['description'], offer, edits };
