/** When the form edits the title or the authors, a description in the site's form follows them. */
import { applyEdits } from '../book/document';
import type { BookDocument, Edit } from '../book/document';
import { expectedDescription, formTail } from '../book/descriptionForm';
import type { SiteContext } from '../book/validate';
import { isPlainObject } from '../yaml/value';

const KEYS = ['title', 'authors'];

/** The root keys an edit writes. */
function keysOf(edit: Edit): string[] {
  const paths = edit.op === 'move' ? [edit.from, edit.to] : edit.op === 'setBody' ? [] : [edit.path];
  return paths.map((p) => String(p[0] ?? '')).concat(edit.op === 'renameKey' && edit.path.length === 1 ? [edit.key] : []);
}

/**
 * `edits`, plus the description's new text when they change the title or the authors and
 * the description was in the site's form ("Book of the Week. <title> by <names>", a
 * sentence after it kept). Unchanged when the edits write the description themselves.
 * Throws the EditError of an edit that cannot apply, as applyEdits would.
 */
export function followDescription(doc: BookDocument, edits: readonly Edit[], site: SiteContext): Edit[] {
  const keys = edits.flatMap(keysOf);
  if (keys.includes('description') || !keys.some((k) => KEYS.includes(k))) return [...edits];
  const before = expectedDescription(doc.data, site.names);
  const description = isPlainObject(doc.data) ? doc.data.description : undefined;
  const tail = before !== null && typeof description === 'string' ? formTail(description, before) : null;
  if (tail === null) return [...edits];
  const after = expectedDescription(applyEdits(doc, edits).data, site.names);
  if (after === null || after + tail === description) return [...edits];
  return [...edits, { op: 'set', path: ['description'], value: after + tail }];
}
