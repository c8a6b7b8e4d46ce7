/** `end` before `start` → the two swapped. */
import type { BookDocument, Edit } from '../book/document';
import { splitDateTime } from '../book/week';
import { isPlainObject } from '../yaml/value';
import type { Fix, FixProvider } from './fix';

/** Start and end, when both are real date-times and end is before start. */
function reversed(doc: BookDocument): { readonly start: string; readonly end: string } | null {
  const data = doc.data;
  if (!isPlainObject(data) || !splitDateTime(data.start) || !splitDateTime(data.end)) return null;
  const start = data.start as string;
  const end = data.end as string;
  return end < start ? { start, end } : null;
}

function offer(doc: BookDocument): Fix[] {
  return reversed(doc) ? [{ kind: 'edit', id: 'swap-dates', label: 'Swap start and end', safe: true }] : [];
}

function edits(doc: BookDocument): Edit[] {
  const r = reversed(doc);
  return r ? [{ op: 'set', path: ['start'], value: r.end }, { op: 'set', path: ['end'], value: r.start }] : [];
}

/** Swaps start and end. */
export const swapDatesFix: FixProvider = { codes: ['date-order'], offer, edits };
