/**
 * Aligns two versions of a list (threads, replies, links) as a person would read the
 * change: items kept, items moved, items edited in place, items added and removed. The
 * alignment itself is jsdiff's `diffArrays` (Myers' sequence diff); moves and edits are
 * read from what it leaves unmatched.
 */
import { diffArrays } from 'diff';

/** A place where the lists differ: indices of removed (old list) and added (new list) items. */
export interface Hunk {
  readonly removed: number[];
  readonly added: number[];
}

/** How two lists line up, by index. */
export interface Alignment {
  /** Items unchanged and in the same order: [old, new]. */
  readonly kept: [number, number][];
  /** The places where the lists differ, in order; moves and edits are taken out of them. */
  readonly hunks: Hunk[];
}

/** Aligns `before` and `after` on `same` (items equal for the reader, e.g. same name and text). */
export function alignLists<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean): Alignment {
  const kept: [number, number][] = [];
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  for (const part of diffArrays([...before], [...after], { comparator: same })) {
    const n = part.count;
    if (!part.added && !part.removed) {
      for (let k = 0; k < n; k++) kept.push([i + k, j + k]);
      i += n;
      j += n;
      open = null;
      continue;
    }
    if (!open) hunks.push((open = { removed: [], added: [] }));
    for (let k = 0; k < n; k++) (part.removed ? open.removed : open.added).push(part.removed ? i + k : j + k);
    if (part.removed) i += n;
    else j += n;
  }
  return { kept, hunks };
}

/**
 * Pairs removed and added items that hold the same thing (`keyOf` equal): moves. Takes
 * the pairs out of the hunks and returns them as [old, new]. `removed` and `added` may
 * come from several alignments (a reply moved to another thread), so items are opaque.
 */
export function takeMoves<R, A>(removed: R[], added: A[], keyOfRemoved: (r: R) => string, keyOfAdded: (a: A) => string): [R, A][] {
  const waiting = new Map<string, R[]>();
  for (const r of removed) {
    const key = keyOfRemoved(r);
    const list = waiting.get(key);
    if (list) list.push(r);
    else waiting.set(key, [r]);
  }
  const pairs: [R, A][] = [];
  for (const a of added) {
    const r = waiting.get(keyOfAdded(a))?.shift();
    if (r !== undefined) pairs.push([r, a]);
  }
  const movedFrom = new Set<R>(pairs.map((p) => p[0]));
  const movedTo = new Set<A>(pairs.map((p) => p[1]));
  removed.splice(0, removed.length, ...removed.filter((r) => !movedFrom.has(r)));
  added.splice(0, added.length, ...added.filter((a) => !movedTo.has(a)));
  return pairs;
}

/** Pairs, within one hunk, removed and added items that are the same item edited (`near`), in order; takes them out of the hunk. */
export function takeEdits(hunk: Hunk, near: (removed: number, added: number) => boolean): [number, number][] {
  const pairs: [number, number][] = [];
  let from = 0;
  for (const r of [...hunk.removed]) {
    const at = hunk.added.findIndex((a, k) => k >= from && near(r, a));
    if (at < 0) continue;
    pairs.push([r, hunk.added[at]!]);
    hunk.removed.splice(hunk.removed.indexOf(r), 1);
    hunk.added.splice(at, 1);
    from = at;
  }
  return pairs;
}
