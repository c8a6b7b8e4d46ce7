/** One author item holding several, separated by commas (`- markryan,lucamassaron`) → one item each. */
import type { BookDocument, Edit } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import type { Value } from '../yaml/tree';
import { valueAt } from './fix';
import type { Fix, FixProvider, Report } from './fix';

/** What may follow a comma inside one person's name ("Martin Luther King, Jr."). */
const NAME_SUFFIX = /^(?:jr|sr|phd|ph\.d|md|mba|ii|iii|iv)\.?$/i;

/** The authors an item holds, when it holds more than one. */
function partsOf(author: Value | undefined): string[] | null {
  if (typeof author !== 'string' || !author.includes(',')) return null;
  const parts = author.split(',').map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => !p || NAME_SUFFIX.test(p))) return null;
  return parts;
}

/** Warns for each author item that holds several authors. */
export function checkAuthorLists(authors: readonly Value[], report: Report): void {
  authors.forEach((a, i) => {
    const parts = partsOf(a);
    if (parts) report('warning', 'author-list', ['authors', i], `Author ${i + 1}: "${a as string}" holds ${parts.length} authors separated by commas; each needs its own item.`);
  });
}

function offer(doc: BookDocument, d: Diagnostic): Fix[] {
  const parts = partsOf(valueAt(doc.data, d.keys));
  return parts ? [{ kind: 'edit', id: 'split-authors', label: `Split into ${parts.length} authors: ${parts.join(', ')}`, safe: true }] : [];
}

function edits(doc: BookDocument, d: Diagnostic): Edit[] {
  const parts = partsOf(valueAt(doc.data, d.keys));
  const i = d.keys[1];
  if (!parts || d.keys.length !== 2 || typeof i !== 'number') return [];
  return [{ op: 'set', path: d.keys, value: parts[0]! }, ...parts.slice(1).map((p, k): Edit => ({ op: 'insert', path: ['authors'], index: i + 1 + k, value: p }))];
}

/** Splits an author item holding several authors. */
export const splitAuthorsFix: FixProvider = { codes: ['author-list'], offer, edits };
