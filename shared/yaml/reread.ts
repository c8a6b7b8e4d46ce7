/**
 * The tree after a change of its text, re-reading only the entries that hold the change:
 * what undo and redo need to go back to a text that is known to read cleanly without
 * reading the whole front matter again (a 2 MB book reads in 100 ms; one thread in well
 * under one). It descends through the block collections that hold the change, re-reads
 * the run of entries the change touches at the deepest level where they read back as the
 * same kind of collection, and rebuilds the path to the root as an edit does. Null when no
 * level reads back cleanly: the caller then reads the whole text.
 */
import type { CollectionNode, Entry } from './tree';
import { isCollection } from './tree';
import type { Frame, Tree } from './locate';
import { readProfile } from './locate';
import { parseAt, rebuild, shiftEntry, withEntries } from './rebuild';

interface Level {
  /** The path from the root to `coll`. */
  readonly frames: readonly Frame[];
  readonly coll: CollectionNode;
  /** Absolute offset of `coll`'s start. */
  readonly abs: number;
}

/** The last entry of `coll` that starts at or before `offset` (relative to the collection), or -1. */
function entryAtOrBefore(coll: CollectionNode, offset: number): number {
  let lo = 0;
  let hi = coll.entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (coll.entries[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The block collections that hold [from, to], from the root down. */
function levels(tree: Tree, from: number, to: number): Level[] {
  const out: Level[] = [{ frames: [], coll: tree.root, abs: tree.base + tree.root.start }];
  for (;;) {
    const { frames, coll, abs } = out[out.length - 1]!;
    const index = entryAtOrBefore(coll, from - abs);
    const node = index >= 0 ? coll.entries[index]!.node : null;
    if (!node || !isCollection(node) || node.flow) return out;
    const start = abs + node.start;
    if (start > from || to > start + node.length) return out;
    out.push({ frames: [...frames, { coll, abs, index }], coll: node, abs: start });
  }
}

/** Re-reads the entries of one level that hold the change; null when they do not read back as that collection's entries. */
function rereadAt(tree: Tree, level: Level, from: number, to: number, text: string, delta: number): Tree | null {
  const { coll, abs, frames } = level;
  if (coll.flow) return null;
  const entries = coll.entries;
  let i = entryAtOrBefore(coll, from - abs);
  if (i < 0) return null;
  // A change at an entry's first character may belong to the entry before (its end, the indentation of the next line): take that one too.
  if (i > 0 && from <= abs + entries[i]!.start) i--;
  let j = i;
  while (j < entries.length && abs + entries[j]!.end < to) j++;
  if (j >= entries.length) return null;
  // A change that ends where an entry ends may have taken the start of the next one with it: take that one too.
  if (j + 1 < entries.length && to >= abs + entries[j]!.end) j++;
  const start = abs + entries[i]!.start;
  const source = text.slice(start, abs + entries[j]!.end + delta);
  const read = parseAt(source.endsWith('\n') ? source : source + '\n', coll.column);
  if (!read || !isCollection(read) || read.kind !== coll.kind || read.flow || read.start !== 0 || read.length !== source.length || read.column !== coll.column || !read.entries.length) return null;
  if (coll.kind === 'map') {
    // A key the run now shares with an entry outside it would be a duplicate, which a whole reading reports.
    const outside = new Set([...entries.slice(0, i), ...entries.slice(j + 1)].map((e) => e.key));
    if (read.entries.some((e) => outside.has(e.key))) return null;
  }
  const shift = entries[i]!.start;
  const next: Entry[] = [...entries.slice(0, i), ...read.entries.map((e) => shiftEntry(e, shift)), ...entries.slice(j + 1).map((e) => shiftEntry(e, delta))];
  const node = withEntries(coll, next);
  const root = frames.length === 0 ? node : rebuild(tree, frames, node, delta, text).root;
  return { ...tree, text, root, profile: readProfile(text, tree.base, root) };
}

/**
 * The tree of `tree.text` with [from, to) replaced by `insert`, re-reading only the entries
 * that hold the change; null when that cannot be done (the caller reads the whole text).
 * Only for a result known to read cleanly as a whole (an undo or redo target).
 */
export function rereadChange(tree: Tree, from: number, to: number, insert: string): Tree | null {
  const text = tree.text.slice(0, from) + insert + tree.text.slice(to);
  const delta = insert.length - (to - from);
  const path = levels(tree, from, to);
  for (let l = path.length - 1; l >= 0; l--) {
    const done = rereadAt(tree, path[l]!, from, to, text, delta);
    if (done) return done;
  }
  return null;
}
