/**
 * How new text is written: each style decision is taken from the neighbours of the path
 * written (the same field in sibling items, a sibling in the same mapping), then from the
 * document's conventions.
 */
import type { CollectionNode, Entry, ScalarNode, ScalarValue, YNode } from './tree';
import { isCollection } from './tree';
import { columnAt } from './text';
import { emitDouble, emitNonString, emitScalar, hintFor, HAND_PLAIN } from './emit';
import type { BlockOptions, EmitContext, StyleHint } from './emit';
import { EditError, findEntry, locate } from './locate';
import type { Path, Tree } from './locate';

// ---------------------------------------------------------------------------------------
// Style: how the neighbours are written

/** Replaces every index in `path` by a wildcard, to find the same field in sibling items. */
export function* matches(tree: Tree, node: YNode, abs: number, pattern: Path, at: number, limit: { n: number }): Generator<{ node: YNode; abs: number; parent: CollectionNode; parentAbs: number; entry: Entry }> {
  if (at >= pattern.length || !isCollection(node)) return;
  const seg = pattern[at]!;
  const candidates = typeof seg === 'number' ? (node.kind === 'seq' ? node.entries.map((_, i) => i) : []) : [findEntry(node, seg)];
  for (const i of candidates) {
    if (i < 0 || limit.n-- <= 0) continue;
    const e = node.entries[i]!;
    const childAbs = abs + e.node.start;
    if (at === pattern.length - 1) yield { node: e.node, abs: childAbs, parent: node, parentAbs: abs, entry: e };
    else yield* matches(tree, e.node, childAbs, pattern, at + 1, limit);
  }
}

export function reference(tree: Tree, path: Path, kind?: YNode['kind']) {
  for (const m of matches(tree, tree.root, tree.base + tree.root.start, path, 0, { n: 400 })) {
    if (!kind || m.node.kind === kind) {
      if (m.node.kind !== 'scalar' || m.node.style !== 'empty') return m;
    }
  }
  return null;
}

export function scalarContext(tree: Tree, node: YNode, abs: number, parent: CollectionNode): EmitContext {
  const column = columnAt(tree.text, abs);
  return { column, indent: parent.flow ? column : parent.column + 2, eol: tree.eol, flow: parent.flow };
}

/** How a new or emptied scalar at `path` should be written, judged from its neighbours. */
export function neighbourHint(tree: Tree, path: Path): StyleHint {
  const ref = reference(tree, path, 'scalar');
  if (ref) return hintFor(ref.node as ScalarNode, tree.text.slice(ref.abs, ref.abs + ref.node.length), scalarContext(tree, ref.node, ref.abs, ref.parent));
  // A sibling scalar in the same mapping.
  const parentPath = path.slice(0, -1);
  try {
    const { node, abs } = locate(tree, parentPath);
    if (isCollection(node)) {
      for (const e of node.entries) {
        if (e.node.kind === 'scalar' && e.node.style !== 'empty' && typeof e.node.value === 'string') {
          const nAbs = abs + e.node.start;
          return hintFor(e.node, tree.text.slice(nAbs, nAbs + e.node.length), scalarContext(tree, e.node, nAbs, node));
        }
      }
    }
  } catch {
    // The parent does not exist yet: fall through to the document's convention.
  }
  return tree.profile.sorted || inArchive(path) ? { kind: 'pyyaml' } : HAND_PLAIN;
}

/**
 * Whether a path lies in the archive. Every archive of the site was pasted from PyYAML's output
 * (`sort_keys=False`: name, text, replies; lists not indented), whatever wrote the rest of the
 * file: with no neighbour to follow, archive items are written that way.
 */
export const inArchive = (path: Path) => path[0] === 'archive';

/** Writes with the neighbours' style; if that does not read back, with quotes that always do. */
export function withFallback(tree: Tree, write: (opts: BlockOptions) => Tree): Tree {
  try {
    return write(optionsFor(tree));
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    return write({ ...optionsFor(tree), scalar: (value) => (typeof value === 'string' ? emitDouble(value) : emitNonString(value)) });
  }
}

/** Writing options that take every style decision from the neighbours of the path written. */
export function optionsFor(tree: Tree): BlockOptions {
  return {
    eol: tree.eol,
    seqIndent: (path: Path) => {
      for (const m of matches(tree, tree.root, tree.base + tree.root.start, path, 0, { n: 400 })) {
        if (m.node.kind === 'seq' && !m.node.flow && m.parent.kind === 'map') return m.node.column - columnAt(tree.text, m.parentAbs + m.entry.start);
      }
      return inArchive(path) ? 0 : tree.profile.seqIndent;
    },
    scalar: (value: ScalarValue, ctx: EmitContext, path: Path) => emitScalar(value, neighbourHint(tree, path), ctx),
    keyOrder: (keys: string[], path: Path) => {
      const ref = reference(tree, path, 'map');
      if (ref && ref.node.kind === 'map') {
        const order = ref.node.entries.map((e) => e.key!);
        const rank = (k: string) => {
          const i = order.indexOf(k);
          return i < 0 ? order.length : i;
        };
        return keys.slice().sort((a, b) => rank(a) - rank(b));
      }
      return tree.profile.sorted && !inArchive(path) ? keys.slice().sort() : keys;
    },
    flowList: (path: Path) => {
      const ref = reference(tree, path, 'seq');
      return !!ref && ref.node.kind === 'seq' && ref.node.flow;
    },
  };
}
