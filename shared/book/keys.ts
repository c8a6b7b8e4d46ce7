/** The keys a book file knows at each place, and the nearest of them to a mistyped key. */
import type { Path } from '../yaml/edit';
import { BOOK_KEYS } from './model';

/** Keys of the front matter. */
export const ROOT_KEYS: readonly string[] = BOOK_KEYS;
/** Keys of a link item. */
export const LINK_KEYS = ['text', 'link'];
/** Keys of a thread. */
export const THREAD_KEYS = ['name', 'text', 'replies'];
/** Keys of a reply. */
export const REPLY_KEYS = ['name', 'text'];

/** The keys known in the mapping at `path` (`[]`, `links[i]`, `archive[t]`, `archive[t].replies[r]`); null elsewhere. */
export function knownKeysAt(path: Path): readonly string[] | null {
  if (path.length === 0) return ROOT_KEYS;
  if (path.length === 2 && path[0] === 'links' && typeof path[1] === 'number') return LINK_KEYS;
  if (path.length === 2 && path[0] === 'archive' && typeof path[1] === 'number') return THREAD_KEYS;
  if (path.length === 4 && path[0] === 'archive' && path[2] === 'replies' && typeof path[3] === 'number') return REPLY_KEYS;
  return null;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The nearest known key, when `key` is probably a typo of it. */
export function didYouMean(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = levenshtein(key.toLowerCase(), k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(Math.min(key.length, best.length) / 2)) ? best : null;
}
