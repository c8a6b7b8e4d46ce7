/**
 * After a splice: re-reading the spliced part, and rebuilding the path from the root to
 * it with every later offset shifted. Offsets are relative, so only that path changes.
 */
import type { CollectionNode, Entry, Value, YNode } from './tree';
import { parseYaml } from './parse';
import { setOwn } from './value';
import type { Frame, Tree } from './locate';

// ---------------------------------------------------------------------------------------
// Rebuilding the path after a splice

export function shiftNode(node: YNode, d: number): YNode {
  return d === 0 ? node : { ...node, start: node.start + d };
}

export function shiftEntry(e: Entry, d: number): Entry {
  if (d === 0) return e;
  const out: { -readonly [K in keyof Entry]: Entry[K] } = { ...e, start: e.start + d, end: e.end + d, node: shiftNode(e.node, d) };
  if (e.keyEnd !== undefined) out.keyEnd = e.keyEnd + d;
  if (e.colon !== undefined) out.colon = e.colon + d;
  return out;
}

export function withEntries(coll: CollectionNode, entries: Entry[]): CollectionNode {
  let value: CollectionNode['value'];
  if (coll.kind === 'seq') value = entries.map((e) => e.node.value as Value);
  else {
    const obj: { [key: string]: Value } = {};
    for (const e of entries) setOwn(obj, e.key!, e.node.value as Value);
    value = obj;
  }
  const length = coll.flow ? coll.length : entries.length ? entries[entries.length - 1]!.end : 0;
  return { ...coll, entries, value, length };
}

/** Replaces the child at the bottom of `frames` by `child` after a splice of `delta` characters inside it. */
export function rebuild(tree: Tree, frames: readonly Frame[], child: YNode, delta: number, text: string): Tree {
  let node: YNode = child;
  for (let i = frames.length - 1; i >= 0; i--) {
    const { coll, index } = frames[i]!;
    const entries = coll.entries.slice();
    const e = entries[index]!;
    entries[index] = { ...e, end: e.end + delta, node };
    for (let j = index + 1; j < entries.length; j++) entries[j] = shiftEntry(entries[j]!, delta);
    let value: CollectionNode['value'];
    if (coll.kind === 'seq') {
      value = (coll.value as Value[]).slice();
      value[index] = node.value as Value;
    } else {
      value = { ...(coll.value as { [key: string]: Value }) };
      setOwn(value, e.key!, node.value as Value);
    }
    node = { ...coll, entries, value, length: coll.length + delta };
  }
  return { ...tree, text, root: node as CollectionNode };
}

// ---------------------------------------------------------------------------------------
// Reading back what was written

/** Parses `source` as if it started at `column`; the root's offsets count from the source's first byte. */
export function parseAt(source: string, column: number): YNode | null {
  const pad = ' '.repeat(column);
  const { root, problems } = parseYaml(pad + source);
  if (!root || problems.length) return null;
  return shiftNode(root, -column);
}

/** Puts a rebuilt collection back in place: at the root, or under its parent. */
export function finish(tree: Tree, frames: readonly Frame[], node: CollectionNode, delta: number, newText: string): Tree {
  if (frames.length === 0) return { ...tree, text: newText, root: node };
  return rebuild(tree, frames, node, delta, newText);
}
