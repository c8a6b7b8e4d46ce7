/**
 * Writes a merged tree onto theirs' document through the lossless core: only nodes whose
 * merged value differs from the disk's are edited (set, insert, remove, move), so every
 * other byte of the disk's text stays, and ours' changes are written in its style.
 */
import type { Value } from '../yaml/tree';
import { isPlainObject, valueEquals } from '../yaml/value';
import { applyEdit } from './document';
import type { BookDocument, Edit } from './document';
import { commonRuns, pathOf, walk } from './mergeTree';
import type { MergeNode } from './mergeTree';

/** Edits `doc` (theirs; `shadow` is its tree of ids, changed in place) until it holds `merged`. */
export function replay(doc: BookDocument, shadow: MergeNode, merged: MergeNode): BookDocument {
  const r = new Replay(doc, shadow, merged);
  // First pass: items moving elsewhere stay until they are moved; the second removes what is left.
  r.reconcile(shadow, merged, false);
  r.reconcile(shadow, merged, true);
  return r.doc;
}

class Replay {
  private readonly byId = new Map<number, MergeNode>();
  private readonly mergedIds = new Set<number>();
  /** How many edits so far: a list's positions read before the last edit may be stale. */
  private edits = 0;

  constructor(public doc: BookDocument, shadow: MergeNode, merged: MergeNode) {
    walk(shadow, (n) => void this.byId.set(n.id, n));
    walk(merged, (n) => void this.mergedIds.add(n.id));
  }

  reconcile(s: MergeNode, m: MergeNode, final: boolean): void {
    if (s === m) return;
    if (s.kind !== m.kind || m.kind === 'scalar') {
      this.replace(s, m);
      return;
    }
    if (m.kind === 'map') {
      for (const c of [...s.keys.values()]) if (!m.keys.has(c.key!) && (final || !this.movesOut(c))) this.remove(c);
      for (const [k, mc] of m.keys) {
        const sc = s.keys.get(k);
        if (sc) this.reconcile(sc, mc, final);
        else this.add(s, k, mc);
      }
      return;
    }
    const wanted = new Set(m.items.map((c) => c.id));
    this.bringNestedFirst(s, m, wanted);
    const here = new Set(s.items.map((c) => c.id));
    const stay = staying(s.items.map((c) => c.id).filter((x) => wanted.has(x)), m.items.map((c) => c.id).filter((x) => here.has(x)));
    // Where each item is, read afresh only when an edit since may have shifted the list.
    let positions = new Map<number, number>();
    let readAt = -1;
    const find = (id: number) => {
      let at = positions.get(id);
      if (readAt !== this.edits && (at === undefined || s.items[at]?.id !== id)) {
        positions = new Map(s.items.map((c, i) => [c.id, i]));
        readAt = this.edits;
        at = positions.get(id);
      }
      return at ?? -1;
    };
    let cursor = -1;
    for (const mc of m.items) {
      const at = find(mc.id);
      if (at > cursor && (stay.has(mc.id) || at === cursor + 1)) {
        cursor = at;
      } else if (at >= 0) {
        // Within the list: the index counts after the item is taken out.
        cursor = at < cursor ? cursor : cursor + 1;
        this.move(s.items[at]!, s, cursor);
      } else {
        const elsewhere = this.byId.get(mc.id);
        if (elsewhere && elsewhere.parent?.kind === 'list' && !contains(elsewhere, s)) this.move(elsewhere, s, cursor + 1);
        else this.insert(s, cursor + 1, mc);
        cursor++;
      }
      this.reconcile(s.items[cursor]!, mc, final);
      // Its own edits may have moved items out of this list (a thread demoted into a later one).
      cursor = find(mc.id);
    }
    // Removed last, so that items come into a list that is not empty yet (moved as text, as ours did).
    for (let i = s.items.length - 1; i >= 0; i--) {
      const c = s.items[i]!;
      if (!wanted.has(c.id) && (final || !this.movesOut(c))) this.remove(c);
    }
  }

  /**
   * Items of this list that still sit inside another item coming into it (a thread demoted
   * with its replies) come in first, as the demote did: the item then moves as text into a
   * list that is no longer empty, instead of being written afresh with them inside.
   */
  private bringNestedFirst(s: MergeNode, m: MergeNode, wanted: Set<number>): void {
    for (const mc of m.items) {
      const node = this.byId.get(mc.id);
      if (!node || node.parent === s || node.parent?.kind !== 'list' || contains(node, s)) continue;
      let holder = node.parent.parent;
      while (holder && !(wanted.has(holder.id) && holder.parent !== s)) holder = holder.parent;
      if (holder) this.move(node, s, s.items.length);
    }
  }

  /** Whether a node holds an item the merged tree has elsewhere (it moves out before this goes). */
  private movesOut(node: MergeNode): boolean {
    let found = false;
    walk(node, (n) => {
      if (this.mergedIds.has(n.id) && n.parent?.kind === 'list') found = true;
      return !found;
    });
    return found;
  }

  private edit(edit: Edit): void {
    this.doc = applyEdit(this.doc, edit);
    this.edits++;
  }

  private replace(s: MergeNode, m: MergeNode): void {
    const path = pathOf(s);
    if (!valueEquals(valueAt(this.doc.data, path), m.value)) this.edit({ op: 'set', path, value: m.value });
    const p = s.parent!;
    this.forget(s);
    if (s.key !== null) p.keys.set(s.key, m);
    else p.items[p.items.indexOf(s)] = m;
    this.adopt(m, p, s.key);
  }

  private remove(s: MergeNode): void {
    this.edit({ op: 'remove', path: pathOf(s) });
    const p = s.parent!;
    if (s.key !== null) p.keys.delete(s.key);
    else p.items.splice(p.items.indexOf(s), 1);
    this.forget(s);
  }

  private add(s: MergeNode, key: string, m: MergeNode): void {
    this.edit({ op: 'set', path: [...pathOf(s), key], value: m.value });
    s.keys.set(key, m);
    this.adopt(m, s, key);
  }

  private insert(s: MergeNode, index: number, m: MergeNode): void {
    this.edit({ op: 'insert', path: pathOf(s), index, value: m.value });
    s.items.splice(index, 0, m);
    this.adopt(m, s, null);
  }

  private move(item: MergeNode, list: MergeNode, index: number): void {
    this.edit({ op: 'move', from: pathOf(item), to: pathOf(list), index });
    const p = item.parent!;
    p.items.splice(p.items.indexOf(item), 1);
    list.items.splice(index, 0, item);
    item.parent = list;
  }

  private adopt(m: MergeNode, parent: MergeNode, key: string | null): void {
    m.parent = parent;
    m.key = key;
    walk(m, (n) => void this.byId.set(n.id, n));
  }

  private forget(s: MergeNode): void {
    walk(s, (n) => {
      if (this.byId.get(n.id) === n) this.byId.delete(n.id);
    });
  }
}

/** The ids that keep their place: those of the common runs of a sequence diff. */
function staying(from: number[], to: number[]): Set<number> {
  const out = new Set<number>();
  for (const [a, b] of commonRuns(from, to, String) ?? []) if (a.length === b.length && a.every((x, i) => x === b[i])) a.forEach((x) => out.add(x));
  return out;
}

function contains(ancestor: MergeNode, node: MergeNode): boolean {
  for (let n: MergeNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function valueAt(value: Value | null, path: readonly (string | number)[]): Value | undefined {
  let v: Value | undefined = value ?? undefined;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isPlainObject(v) && typeof seg === 'string' && Object.prototype.hasOwnProperty.call(v, seg)) v = v[seg];
    else return undefined;
  }
  return v;
}
