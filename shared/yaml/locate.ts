/**
 * Paths into the lossless tree: the editable state, finding the node at a path, and
 * where a path is in the text.
 */
import type { CollectionNode, ScalarNode, YNode } from './tree';
import { isCollection } from './tree';
import { columnAt } from './text';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Conventions read once from a document, used where no neighbour says how to write. */
export interface Profile {
  /** Root keys are sorted (the file was dumped by PyYAML). */
  readonly sorted: boolean;
  /** Dash column of a block sequence under a key, minus the key's column. */
  readonly seqIndent: number;
}

/** The editable state: the whole text and the tree of its front matter. */
export interface Tree {
  readonly text: string;
  /** Offset of the front matter's first byte; the root's `start` counts from it. */
  readonly base: number;
  readonly root: CollectionNode;
  readonly eol: string;
  readonly profile: Profile;
}

/** An edit that cannot apply (a path that does not exist, a wrong kind of node). */
export class EditError extends Error {
  override name = 'EditError';
}

/** `archive[3].replies[1].text` */
export function pathText(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(front matter)';
}

export interface Frame {
  readonly coll: CollectionNode;
  /** Absolute offset of `coll`'s start. */
  readonly abs: number;
  readonly index: number;
}

export interface Located {
  readonly frames: Frame[];
  readonly node: YNode;
  readonly abs: number;
}

/** Mappings at least this long are searched through an index of their keys, built once per node. */
const INDEXED = 16;
const keyIndexes = new WeakMap<CollectionNode, Map<string, number>>();

function keyIndexOf(coll: CollectionNode): Map<string, number> {
  let index = keyIndexes.get(coll);
  if (!index) {
    index = new Map();
    // The last of equal keys wins, as YAML readers that allow them keep the last.
    coll.entries.forEach((e, i) => index!.set(e.key!, i));
    keyIndexes.set(coll, index);
  }
  return index;
}

/** The index of the entry `seg` names in `coll` (a key of a mapping, an index of a list); -1 when none. Nodes never change, so a long mapping's key index is kept with it. */
export function findEntry(coll: CollectionNode, seg: PathSegment): number {
  if (coll.kind === 'seq') {
    if (typeof seg !== 'number' || !Number.isInteger(seg)) return -1;
    return seg >= 0 && seg < coll.entries.length ? seg : -1;
  }
  const key = String(seg);
  if (coll.entries.length >= INDEXED) return keyIndexOf(coll).get(key) ?? -1;
  for (let i = coll.entries.length - 1; i >= 0; i--) if (coll.entries[i]!.key === key) return i;
  return -1;
}

export function describe(node: YNode): string {
  if (node.kind === 'seq') return `a list of ${node.entries.length}`;
  if (node.kind === 'map') return 'a mapping';
  return (node as ScalarNode).style === 'empty' ? 'empty' : `the ${typeof node.value} ${JSON.stringify(node.value)}`.slice(0, 60);
}

/** Finds the node at `path`; throws an EditError naming the first missing step. */
export function locate(tree: Tree, path: Path, whole: Path = path): Located {
  const frames: Frame[] = [];
  let node: YNode = tree.root;
  let abs = tree.base + tree.root.start;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (!isCollection(node)) throw new EditError(`No value at ${pathText(whole)}: ${pathText(path.slice(0, i))} is ${describe(node)}.`);
    const index = findEntry(node, seg);
    if (index < 0) throw new EditError(`No value at ${pathText(whole)}: ${pathText(path.slice(0, i)) === '(front matter)' ? 'the front matter' : pathText(path.slice(0, i))} ${node.kind === 'seq' ? `is a list of ${node.entries.length}` : `has no key "${String(seg)}"`}.`);
    frames.push({ coll: node, abs, index });
    const child: YNode = node.entries[index]!.node;
    abs = abs + child.start;
    node = child;
  }
  return { frames, node, abs };
}

/** The value at `path`, or undefined. */
export function hasPath(tree: Tree, path: Path): boolean {
  try {
    locate(tree, path);
    return true;
  } catch {
    return false;
  }
}

/** Absolute [from, to) of the node at `path` (its key, for a mapping pair when `key` is set). */
export function rangeOf(tree: Tree, path: Path, key = false): [number, number] | null {
  try {
    const { frames, node, abs } = locate(tree, path);
    const f = frames[frames.length - 1];
    if (key && f && f.coll.kind === 'map') {
      const e = f.coll.entries[f.index]!;
      return [f.abs + e.start, f.abs + e.keyEnd!];
    }
    return [abs, abs + node.length];
  } catch {
    return null;
  }
}

/** The profile of a freshly read tree. */
export function readProfile(text: string, base: number, root: CollectionNode): Profile {
  const keys = root.kind === 'map' ? root.entries.map((e) => e.key!).filter((k) => k !== 'archive') : [];
  const sorted = keys.length >= 3 && keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
  let seqIndent = sorted ? 0 : 2;
  if (root.kind === 'map') {
    const rootAbs = base + root.start;
    for (const e of root.entries) {
      if (e.node.kind === 'seq' && !e.node.flow) {
        seqIndent = columnAt(text, rootAbs + e.node.start) - root.column;
        break;
      }
    }
  }
  return { sorted, seqIndent };
}
