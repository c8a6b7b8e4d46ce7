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

let buffer = new Int32Array(64);

/** Edit distance of `a` and `b`, or `cap + 1` as soon as it must exceed `cap` (a typo check needs no more). */
function levenshtein(a: string, b: string, cap: number): number {
  const n = b.length;
  if (Math.abs(a.length - n) > cap) return cap + 1;
  if (buffer.length <= n) buffer = new Int32Array(n + 1);
  const row = buffer;
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    let diagonal = row[0]!;
    let left = i;
    row[0] = i;
    let least = i;
    for (let j = 1; j <= n; j++) {
      const up = row[j]!;
      let d = diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      if (up + 1 < d) d = up + 1;
      if (left + 1 < d) d = left + 1;
      row[j] = d;
      diagonal = up;
      left = d;
      if (d < least) least = d;
    }
    if (least > cap) return cap + 1;
  }
  return row[n]!;
}

/** How far a key may be from a known one and still be a typo of it. */
const typoReach = (key: string, known: string) => Math.max(1, Math.floor(Math.min(key.length, known.length) / 2));

const charSets = new Map<string, Uint8Array>();

/** How many characters of `a` do not occur in `b` at all: each costs an edit, so the edit distance is at least that. */
function missingChars(a: string, b: string): number {
  let set = charSets.get(b);
  if (!set) {
    set = new Uint8Array(128);
    for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) < 128) set[b.charCodeAt(i)] = 1;
    if (charSets.size < 64) charSets.set(b, set);
  }
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c < 128 ? !set[c] : !b.includes(a[i]!)) missing++;
  }
  return missing;
}

/** The nearest known key, when `key` is probably a typo of it. */
export function didYouMean(key: string, known: readonly string[]): string | null {
  const lower = key.toLowerCase();
  // A distance beyond every known key's reach can only make the answer "none", so it need not be exact.
  let cap = 1;
  for (const k of known) cap = Math.max(cap, typoReach(key, k));
  let best: string | null = null;
  let bestD = cap + 1;
  for (const k of known) {
    if (missingChars(lower, k) >= bestD) continue;
    const d = levenshtein(lower, k, Math.min(cap, bestD - 1));
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= typoReach(key, best) ? best : null;
}
