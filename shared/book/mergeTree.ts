/**
 * The value trees a merge works on: every node of the base, ours and theirs gets an id,
 * and a node of ours or theirs takes the id of the base node it is (the same key of the
 * same mapping, or the list item it was edited or moved from). List items are aligned
 * with jsdiff's sequence diff, not by index, so an insertion on one side and an edit on
 * the other land on the same item.
 */
import { diffArrays } from 'diff';
import type { Value } from '../yaml/tree';
import type { PathSegment } from '../yaml/edit';
import { isPlainObject, setOwn } from '../yaml/value';

/** One node of a value, with its id and where it hangs. */
export interface MergeNode {
  id: number;
  readonly kind: 'map' | 'list' | 'scalar';
  /** The node's value as read (for a merged node: the merged value). */
  value: Value;
  readonly items: MergeNode[];
  readonly keys: Map<string, MergeNode>;
  parent: MergeNode | null;
  /** The key in a parent mapping; null for list items and the root. */
  key: string | null;
  /** The value as a string, once `canon` has written it. */
  canon?: string;
}

/** Hands out ids; a side's fresh ids never collide with another side's. */
export class Ids {
  private next = 0;
  take(): number {
    return this.next++;
  }
}

/** Past this many differences a list or the body is taken as replaced whole: the cost stays linear in its size. */
export const MAX_EDIT_LENGTH = 2000;

const NO_ITEMS: MergeNode[] = Object.freeze([]) as unknown as MergeNode[];
const NO_KEYS = new Map<string, MergeNode>();

/** A node without children yet; only a list gets an items array and only a mapping a keys map of its own. */
export function newNode(id: number, kind: MergeNode['kind'], value: Value, parent: MergeNode | null, key: string | null): MergeNode {
  return { id, kind, value, items: kind === 'list' ? [] : NO_ITEMS, keys: kind === 'map' ? new Map() : NO_KEYS, parent, key };
}

/** The node tree of a value, every node with a fresh id. */
export function nodeOf(value: Value, ids: Ids, parent: MergeNode | null = null, key: string | null = null): MergeNode {
  const kind = Array.isArray(value) ? 'list' : isPlainObject(value) ? 'map' : 'scalar';
  const node = newNode(ids.take(), kind, value, parent, key);
  if (Array.isArray(value)) for (const v of value) node.items.push(nodeOf(v, ids, node));
  else if (isPlainObject(value)) for (const k of Object.keys(value)) node.keys.set(k, nodeOf(value[k]!, ids, node, k));
  return node;
}

/** Every list item of a tree, in document order. */
function listItems(root: MergeNode): MergeNode[] {
  const out: MergeNode[] = [];
  walk(root, (n) => void (n.parent?.kind === 'list' && out.push(n)));
  return out;
}

/** Every node of a tree by id. */
export function indexOf(root: MergeNode): Map<number, MergeNode> {
  const byId = new Map<number, MergeNode>();
  walk(root, (n) => void byId.set(n.id, n));
  return byId;
}

/** Visits a tree depth first; a visitor returning false skips the node's children. */
export function walk(node: MergeNode, visit: (n: MergeNode) => boolean | void): void {
  if (visit(node) === false) return;
  for (const c of node.items) walk(c, visit);
  for (const c of node.keys.values()) walk(c, visit);
}

/** The path of a node from its root. */
export function pathOf(node: MergeNode): PathSegment[] {
  const path: PathSegment[] = [];
  for (let n = node; n.parent; n = n.parent) path.push(n.key ?? n.parent.items.indexOf(n));
  return path.reverse();
}

/** Sets the value of every collection of a built tree from its children; returns the root's. */
export function settleValues(node: MergeNode): Value {
  if (node.kind === 'list') node.value = node.items.map(settleValues);
  else if (node.kind === 'map') {
    const out: { [key: string]: Value } = {};
    for (const [k, c] of node.keys) setOwn(out, k, settleValues(c));
    node.value = out;
  }
  return node.value;
}

/** A string equal for equal values, cached per node. Keys count in their order: a reordered mapping reads as changed. */
export function canon(node: MergeNode): string {
  let c = node.canon;
  if (c !== undefined) return c;
  if (node.kind === 'list') {
    c = '[';
    for (const item of node.items) c += canon(item) + ',';
    c += ']';
  } else if (node.kind === 'map') {
    c = '{';
    for (const [k, v] of node.keys) c += JSON.stringify(k) + ':' + canon(v) + ',';
    c += '}';
  } else {
    // Not JSON's null for NaN and the infinities: they are values of their own.
    c = typeof node.value === 'number' && !Number.isFinite(node.value) ? `#${node.value}` : JSON.stringify(node.value);
  }
  node.canon = c;
  return c;
}

/** The scalar fields of a mapping, when it has a non-empty one: two items agreeing on all of them are one item. */
function scalarSignature(node: MergeNode): string | null {
  if (node.kind !== 'map') return null;
  const fields = [...node.keys].filter(([, v]) => v.kind === 'scalar').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!fields.some(([, v]) => v.value !== null && v.value !== '')) return null;
  return fields.map(([k, v]) => `${JSON.stringify(k)}:${canon(v)}`).join(',');
}

/** A mapping's longest text field: an item renamed, and moved, keeps its text. */
function contentSignature(node: MergeNode): string | null {
  let best: [string, string] | null = null;
  for (const [k, v] of node.keys) if (typeof v.value === 'string' && v.value.length > (best?.[1].length ?? 0)) best = [k, v.value];
  return best && `${JSON.stringify(best[0])}:${JSON.stringify(best[1])}`;
}

/** Whether two items in the same changed run are one item edited: mappings sharing a non-empty field. */
function sameItem(a: MergeNode, b: MergeNode): boolean {
  if (a.kind !== 'map' || b.kind !== 'map') return false;
  for (const [k, v] of a.keys) {
    const w = b.keys.get(k);
    if (v.kind === 'scalar' && w && w.kind === 'scalar' && v.value !== null && v.value !== '' && v.value === w.value) return true;
  }
  return false;
}

/** Matched runs of two lists: [old, new] pairs in order, or null past MAX_EDIT_LENGTH differences. */
export function commonRuns<T>(a: T[], b: T[], key: (x: T) => string): [T[], T[]][] | null {
  const changes = diffArrays(a, b, { comparator: (x, y) => key(x) === key(y), maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return null;
  const runs: [T[], T[]][] = [];
  let i = 0;
  let j = 0;
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    if (removed.length || added.length) runs.push([removed, added]);
    removed = [];
    added = [];
  };
  for (const c of changes) {
    if (c.removed) {
      for (let k = 0; k < c.count; k++) removed.push(a[i++]!);
    } else if (c.added) {
      for (let k = 0; k < c.count; k++) added.push(b[j++]!);
    } else {
      flush();
      runs.push([a.slice(i, i + c.count), b.slice(j, j + c.count)]);
      i += c.count;
      j += c.count;
    }
  }
  flush();
  return runs;
}

/**
 * Gives the nodes of a side the ids of the `from` nodes they are, where `from` is the base
 * (or, for additions made on both sides, ours). Each `from` id is given once.
 */
export class Aligner {
  private readonly claimed = new Set<number>();
  /** Changed runs of aligned lists, [removed, added], whose items may be edited copies of each other. */
  private runs: [MergeNode[], MergeNode[]][] = [];

  constructor(private readonly isFresh: (n: MergeNode) => boolean) {}

  /**
   * Aligns two trees: the same keys and equal runs of lists first; then items left over on
   * both sides anywhere, paired when they hold the same value (moved), the same scalar
   * fields (moved with changed children, a thread demoted to a reply) or the same longest
   * text (moved and renamed); last, inside each changed run, items sharing a field (edited
   * in place). Repeats while pairs free the items inside them.
   */
  align(from: MergeNode, to: MergeNode): void {
    this.pair(from, to);
    const fromItems = listItems(from);
    const toItems = listItems(to);
    for (let round = 0; round < 8; round++) {
      let paired = 0;
      for (const signature of [canon, scalarSignature, contentSignature]) paired += this.pairAcross(fromItems, toItems, signature);
      if (paired + this.pairEdited() === 0) break;
    }
  }

  /** Makes `to` the node `from` is, with its keys and equal runs of items, unless either is taken already. */
  pair(from: MergeNode, to: MergeNode): void {
    if (this.claimed.has(from.id) || !this.isFresh(to)) return;
    this.claimed.add(from.id);
    to.id = from.id;
    if (canon(from) === canon(to)) {
      // Equal values: the same shape, child for child.
      from.items.forEach((f, i) => this.pair(f, to.items[i]!));
      for (const [k, f] of from.keys) this.pair(f, to.keys.get(k)!);
    } else if (from.kind === 'map' && to.kind === 'map') {
      for (const [k, c] of to.keys) {
        const f = from.keys.get(k);
        if (f) this.pair(f, c);
      }
    } else if (from.kind === 'list' && to.kind === 'list') {
      for (const [removed, added] of commonRuns(from.items, to.items, canon) ?? [[from.items, to.items]]) {
        if (removed.length === added.length && removed.every((r, i) => canon(r) === canon(added[i]!))) removed.forEach((r, i) => this.pair(r, added[i]!));
        else this.runs.push([removed, added]);
      }
    }
  }

  /** Pairs left-over list items anywhere in the trees with the same signature; returns how many. */
  private pairAcross(fromItems: MergeNode[], toItems: MergeNode[], signature: (n: MergeNode) => string | null): number {
    const left = new Map<string, MergeNode[]>();
    for (const n of fromItems) {
      if (this.claimed.has(n.id)) continue;
      const s = signature(n);
      if (s !== null) (left.get(s) ?? left.set(s, []).get(s)!).push(n);
    }
    let paired = 0;
    for (const n of toItems) {
      if (!this.isFresh(n)) continue;
      const s = signature(n);
      const f = s === null ? undefined : left.get(s)?.shift();
      if (!f) continue;
      this.pair(f, n);
      paired++;
    }
    return paired;
  }

  /**
   * Inside each changed run: an item of each side with a field in common, or scalars (authors)
   * replaced one for one, are one item edited. A mapping with no field left in common is a
   * new item: a thread deleted and another written in its place is not the same thread.
   */
  private pairEdited(): number {
    let paired = 0;
    const runs = this.runs;
    this.runs = [];
    for (const [allRemoved, allAdded] of runs) {
      const removed = allRemoved.filter((r) => !this.claimed.has(r.id));
      const added = allAdded.filter((a) => this.isFresh(a));
      const oneForOne = removed.length === added.length;
      let next = 0;
      removed.forEach((r, i) => {
        for (let k = next; k < added.length; k++) {
          const a = added[k]!;
          if (sameItem(r, a) || (oneForOne && k === i && r.kind === 'scalar' && a.kind === 'scalar')) {
            this.pair(r, a);
            paired++;
            next = k + 1;
            return;
          }
        }
      });
    }
    return paired;
  }
}
