/** The deepest value of the front matter at a text offset, as a path of keys and indexes. */
import type { CollectionNode, Entry, Path, PathSegment, Tree, YNode } from '../../../shared/index';

const isCollection = (node: YNode): node is CollectionNode => node.kind !== 'scalar';

/** The entry of `coll` (which starts at absolute `abs`) that holds `offset`, or -1. The indentation before an entry's dash or key counts as the entry's. */
function entryAt(text: string, coll: CollectionNode, abs: number, offset: number): number {
  const rel = offset - abs;
  const entries = coll.entries;
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.start <= rel) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0 && rel < entries[found]!.end) return found;
  const next = found + 1;
  if (next < entries.length && /^[ \t]*$/.test(text.slice(offset, abs + entries[next]!.start))) return next;
  return -1;
}

/** The path of the deepest node whose entry holds `offset` (an empty path outside every entry). */
export function pathAt(tree: Tree, offset: number): Path {
  const path: PathSegment[] = [];
  let node: YNode = tree.root;
  let abs = tree.base + tree.root.start;
  while (isCollection(node)) {
    const i = entryAt(tree.text, node, abs, offset);
    if (i < 0) break;
    const entry: Entry = node.entries[i]!;
    path.push(node.kind === 'seq' ? i : entry.key!);
    abs += entry.node.start;
    node = entry.node;
  }
  return path;
}
