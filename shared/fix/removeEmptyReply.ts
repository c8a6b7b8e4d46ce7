/** A reply with no text → removed. */
import type { BookDocument, Edit } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import type { Path } from '../yaml/edit';
import { isPlainObject } from '../yaml/value';
import { valueAt } from './fix';
import type { Fix, FixProvider } from './fix';

/** The reply an empty-text diagnostic is about, and its name; null for a thread or a reply that has text now. */
function emptyReply(doc: BookDocument, d: Diagnostic): { readonly at: Path; readonly name: string } | null {
  const k = d.keys;
  if (k.length !== 5 || k[0] !== 'archive' || k[2] !== 'replies' || k[4] !== 'text') return null;
  const at = k.slice(0, 4);
  const reply = valueAt(doc.data, at);
  if (!isPlainObject(reply) || !(reply.text === undefined || reply.text === null || reply.text === '')) return null;
  return { at, name: typeof reply.name === 'string' ? reply.name.trim() : '' };
}

function offer(doc: BookDocument, d: Diagnostic): Fix[] {
  const r = emptyReply(doc, d);
  return r ? [{ kind: 'edit', id: 'remove-reply', label: r.name ? `Remove the empty reply of ${r.name}` : 'Remove the empty reply', safe: false }] : [];
}

function edits(doc: BookDocument, d: Diagnostic): Edit[] {
  const r = emptyReply(doc, d);
  return r ? [{ op: 'remove', path: r.at }] : [];
}

/** Removes an empty reply. */
export const removeEmptyReplyFix: FixProvider = { codes: ['empty-text'], offer, edits };
