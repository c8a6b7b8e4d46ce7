/**
 * Names for a thread's or reply's Name field: first the names already used in this book
 * (the askers are rarely in `_people/`), most used first, then people by name.
 */
import type { Value } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';
import { cleanName } from '../book/descriptionForm';

/** Folds case and accents, so "jose" finds "José". */
const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Suggested names matching `query` (a case- and accent-insensitive part of the name; ""
 * for all), the book's own first, without duplicates, at most `limit`.
 */
export function nameSuggestions(data: Value | null, people: readonly { readonly name: string }[], query = '', limit = 20): string[] {
  const counts = new Map<string, number>();
  const count = (entry: Value | undefined) => {
    const name = isPlainObject(entry) && typeof entry.name === 'string' ? cleanName(entry.name) : '';
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  const archive = isPlainObject(data) && Array.isArray(data.archive) ? data.archive : [];
  for (const t of archive) {
    count(t);
    if (isPlainObject(t) && Array.isArray(t.replies)) for (const r of t.replies) count(r);
  }
  const q = fold(query.trim());
  const matches = (name: string) => !q || fold(name).includes(q);
  const book = [...counts].filter(([n]) => matches(n)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n);
  const seen = new Set(book);
  const others = people.map((p) => cleanName(p.name)).filter((n) => n && !seen.has(n) && matches(n)).sort((a, b) => a.localeCompare(b));
  const out = [...book];
  for (const n of others) {
    if (out.length >= limit) break;
    if (!seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out.slice(0, limit);
}
