/**
 * The three-way decisions of a merge, node by node: which side's value a node takes,
 * whether a key or an item stays, in which list an item lives and in what order. Theirs
 * (the disk) wins where both sides changed one node, unless the user keeps ours there.
 */
import { diffArrays } from 'diff';
import type { Value } from '../yaml/tree';
import { MAX_EDIT_LENGTH, canon, newNode, walk } from './mergeTree';
import type { MergeNode } from './mergeTree';

/** How both sides changed one node. */
export type NodeConflictKind = 'changed' | 'removedOnDisk' | 'removedHere' | 'moved';

/** A node both sides changed, before it has a place in words. */
export interface NodeConflict {
  readonly kind: NodeConflictKind;
  /** Stable for the same three texts, whatever the user keeps: how a choice names it. */
  readonly key: string;
  readonly id: number;
  readonly ours: Value | undefined;
  readonly theirs: Value | undefined;
  readonly base: Value | undefined;
  readonly keptOurs: boolean;
}

/** Raised when the two sides moved items into each other: the merge falls back to the whole file. */
export class MergeCycle extends Error {}

type Side = 'o' | 't';

interface Shape {
  readonly kind: MergeNode['kind'];
  readonly from: MergeNode;
}

/** Builds the merged tree of base, ours and theirs (nodes aligned by id). */
export class ThreeWay {
  readonly conflicts: NodeConflict[] = [];
  /** Changes of ours that are in the result. */
  applied = 0;
  private readonly shapes = new Map<number, Shape>();
  private readonly homes = new Map<number, number | null>();
  private readonly kept = new Map<number, boolean>();
  private readonly visiting = new Set<number>();

  constructor(
    private readonly B: Map<number, MergeNode>,
    private readonly O: Map<number, MergeNode>,
    private readonly T: Map<number, MergeNode>,
    private readonly rootId: number,
    private readonly keepOurs: (key: string) => boolean,
  ) {}

  /** The merged tree. */
  build(id = this.rootId, parent: MergeNode | null = null, key: string | null = null): MergeNode {
    const t = this.T.get(id);
    const o = this.O.get(id);
    const b = this.B.get(id);
    // Unchanged on both sides: the disk's node itself, which the replay then skips whole.
    if (t && o && b && id !== this.rootId && canon(t) === canon(b) && canon(o) === canon(b)) return t;
    const shape = this.shape(id);
    const node = newNode(id, shape.kind, shape.from.value, parent, key);
    if (shape.kind === 'map') {
      const children = new Map<string, MergeNode>();
      for (const side of [t, o]) {
        if (side?.kind !== 'map') continue;
        for (const [k, c] of side.keys) if (!children.has(k)) children.set(k, c);
      }
      for (const [k, c] of children) if (this.present(c.id)) node.keys.set(k, this.build(c.id, node, k));
    } else if (shape.kind === 'list') {
      for (const item of this.order(id)) node.items.push(this.build(item, node, null));
    }
    return node;
  }

  private side(s: Side): Map<number, MergeNode> {
    return s === 'o' ? this.O : this.T;
  }

  /** Records a conflict; true when the user keeps ours there. */
  private conflict(kind: NodeConflictKind, id: number): boolean {
    const key = `${kind}:${id}`;
    const keptOurs = this.keepOurs(key);
    this.conflicts.push({ kind, key, id, ours: this.O.get(id)?.value, theirs: this.T.get(id)?.value, base: this.B.get(id)?.value, keptOurs });
    if (keptOurs) this.applied++;
    return keptOurs;
  }

  /** The list an item hangs in on one side, if it is a list item there. */
  private loc(map: Map<number, MergeNode>, id: number): number | undefined {
    const p = map.get(id)?.parent;
    return p && p.kind === 'list' ? p.id : undefined;
  }

  private isListIn(map: Map<number, MergeNode>, id: number): boolean {
    return map.get(id)?.kind === 'list';
  }

  /** Which side's kind (and, for a scalar, value) a node takes. */
  private shape(id: number): Shape {
    let s = this.shapes.get(id);
    if (s) return s;
    const o = this.O.get(id);
    const t = this.T.get(id);
    const b = this.B.get(id);
    let from: MergeNode;
    if (o && t) {
      if (o.kind === t.kind && o.kind !== 'scalar') from = t;
      else if (canon(o) === canon(t)) from = t;
      else if (b && canon(o) === canon(b)) from = t;
      else if (b && canon(t) === canon(b)) {
        from = o;
        this.applied++;
      } else from = this.conflict('changed', id) ? o : t;
    } else {
      from = (o ?? t)!;
    }
    s = { kind: from.kind, from };
    this.shapes.set(id, s);
    return s;
  }

  /**
   * Whether `node` (on side `s`) holds a change of that side since the base: a new or
   * changed value anywhere in it, or an item brought into it. Items the other side moved
   * out of it carry their changes along and do not count.
   */
  private changed(node: MergeNode, s: Side): boolean {
    const other = this.side(s === 'o' ? 't' : 'o');
    let found = false;
    walk(node, (m) => {
      if (found) return false;
      const inList = m !== node && m.parent?.kind === 'list';
      if (inList) {
        const away = this.loc(other, m.id);
        if (away !== undefined && away !== this.loc(this.B, m.id)) return false;
      }
      const b = this.B.get(m.id);
      if (!b || b.kind !== m.kind || (m.kind === 'scalar' && canon(b) !== canon(m)) || (inList && this.loc(this.B, m.id) !== m.parent!.id)) found = true;
      return !found;
    });
    return found;
  }

  /** Whether a mapping's key stays, once its mapping is in the result. */
  private keyStays(id: number): boolean {
    const o = this.O.get(id);
    const t = this.T.get(id);
    if (o && t) return true;
    if (!o && !t) return false;
    const parent = (o ?? t)!.parent!.id;
    const inB = this.B.has(id);
    if (o) {
      // The disk has no such mapping (ours' mapping is in the result whole), or ours added the key.
      if (this.T.get(parent)?.kind !== 'map') return true;
      if (!inB) {
        if (this.B.get(parent)?.kind === 'map') this.applied++;
        return true;
      }
      if (!this.changed(o, 'o')) return false;
      return this.conflict('removedOnDisk', id);
    }
    if (this.O.get(parent)?.kind !== 'map') return true;
    if (!inB) return true;
    if (!this.changed(t!, 't')) {
      this.applied++;
      return false;
    }
    return !this.conflict('removedHere', id);
  }

  /** The list an item goes to (before checking that list is in the result), or null when it goes. */
  private home(id: number): number | null {
    const lo = this.loc(this.O, id);
    const lt = this.loc(this.T, id);
    const lb = this.loc(this.B, id);
    if (lo !== undefined && lt !== undefined) {
      if (lo === lt || lo === lb) return lt;
      if (lt === lb) {
        this.applied++;
        return lo;
      }
      return this.conflict('moved', id) ? lo : lt;
    }
    if (lo !== undefined) {
      if (lb === undefined) {
        if (this.B.has(lo)) this.applied++;
        return lo;
      }
      // The disk removed the whole list it was in: it follows its list's fate.
      if (lo === lb && !this.isListIn(this.T, lb)) return lo;
      if (lo === lb && !this.changed(this.O.get(id)!, 'o')) return null;
      return this.conflict('removedOnDisk', id) ? lo : null;
    }
    if (lt !== undefined) {
      if (lb === undefined) return lt;
      if (lt === lb && !this.isListIn(this.O, lb)) return lt;
      if (lt === lb && !this.changed(this.T.get(id)!, 't')) {
        this.applied++;
        return null;
      }
      return this.conflict('removedHere', id) ? null : lt;
    }
    return null;
  }

  /** Whether a node is in the result (its parent is, and it stays there). */
  private present(id: number): boolean {
    if (id === this.rootId) return true;
    const known = this.kept.get(id);
    if (known !== undefined) return known;
    if (this.visiting.has(id)) throw new MergeCycle('Both sides moved items into each other.');
    this.visiting.add(id);
    let result: boolean;
    const node = (this.O.get(id) ?? this.T.get(id))!;
    if (node.parent?.kind === 'list') {
      let h = this.home(id);
      if (h !== null && !this.isMergedList(h)) {
        // Its list is gone from the result: it stays where the other side has it, if that list is there.
        const lo = this.loc(this.O, id);
        const alt = h === lo ? this.loc(this.T, id) : lo;
        h = alt !== undefined && alt !== h && this.isMergedList(alt) ? alt : null;
      }
      this.homes.set(id, h);
      result = h !== null;
    } else {
      const parent = node.parent!.id;
      result = this.present(parent) && this.shape(parent).kind === 'map' && this.keyStays(id);
    }
    this.visiting.delete(id);
    this.kept.set(id, result);
    return result;
  }

  private isMergedList(id: number): boolean {
    return this.present(id) && this.shape(id).kind === 'list';
  }

  /**
   * The items of a merged list in order: theirs' order, with the items ours placed (added,
   * brought in, or moved within the list) put after the item that precedes them in ours.
   */
  private order(id: number): number[] {
    const seq = (map: Map<number, MergeNode>) => (map.get(id)?.kind === 'list' ? map.get(id)!.items.map((n) => n.id) : []);
    const seqB = seq(this.B);
    const members = new Set<number>();
    for (const x of [...seq(this.T), ...seq(this.O)]) if (this.present(x) && this.homes.get(x) === id) members.add(x);
    const seqO = seq(this.O).filter((x) => members.has(x));
    const seqT = seq(this.T).filter((x) => members.has(x));
    const inO = new Set(seqO);
    const inT = new Set(seqT);
    const common = seqB.filter((x) => inO.has(x) && inT.has(x));
    const inC = new Set(common);
    const movedO = moved(common, seqO.filter((x) => inC.has(x)));
    const movedT = moved(common, seqT.filter((x) => inC.has(x)));
    const ours = new Set<number>();
    for (const x of seqO) {
      if (!inT.has(x)) ours.add(x);
      else if (inC.has(x) && movedO.has(x)) {
        if (!movedT.has(x)) {
          ours.add(x);
          this.applied++;
        } else if (this.conflict('moved', x)) ours.add(x);
      }
    }
    const placed = new Set(seqT.filter((x) => !ours.has(x)));
    const after = new Map<number | null, number[]>();
    let anchor: number | null = null;
    for (const x of seqO) {
      if (ours.has(x)) {
        (after.get(anchor) ?? after.set(anchor, []).get(anchor)!).push(x);
        placed.add(x);
      }
      if (placed.has(x)) anchor = x;
    }
    // Each item, then what ours put after it (and after those), without recursion: a run of
    // thousands of new items is a chain thousands deep.
    const out: number[] = [];
    const stack: (number | null)[] = [];
    const emit = (first: number | null) => {
      stack.push(first);
      while (stack.length) {
        const x = stack.pop()!;
        if (x !== null) out.push(x);
        const next = after.get(x);
        if (next) for (let k = next.length - 1; k >= 0; k--) stack.push(next[k]!);
      }
    };
    emit(null);
    for (const x of seqT) if (!ours.has(x)) emit(x);
    return out;
  }
}

/** The items a sequence diff shows as moved between two orders of the same items. */
function moved(from: number[], to: number[]): Set<number> {
  const out = new Set<number>();
  if (from.length === 0) return out;
  const changes = diffArrays(from, to, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return new Set(to.filter((x, i) => from[i] !== x));
  let j = 0;
  for (const c of changes) {
    if (c.added) for (let k = 0; k < c.count; k++) out.add(to[j + k]!);
    if (!c.removed) j += c.count;
  }
  return out;
}
