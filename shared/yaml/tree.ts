/**
 * The lossless syntax tree the editor works on. It does not hold text: it holds where
 * each value lives in the text, so an edit can splice exactly the bytes it changes.
 *
 * Offsets are relative, so that an edit updates only the path from the root to the
 * changed node: a node's `start` counts from its parent collection's `start` (the root's
 * from the front matter's first byte); an entry's offsets count from its collection's
 * `start`. Columns are absolute (an edit never changes the text before a collection on
 * its own line).
 */

/** A JSON-like value as YAML's core schema reads it. */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type ScalarValue = string | number | boolean | null;

/** How a scalar is written. `empty` is a key or dash followed by nothing (null). */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded' | 'empty';

export interface ScalarNode {
  readonly kind: 'scalar';
  /** Offset from the parent collection's start. */
  readonly start: number;
  /** Length of the scalar's source, quotes and block header included, comments excluded. */
  readonly length: number;
  readonly style: ScalarStyle;
  readonly value: ScalarValue;
}

/** One item of a sequence or one pair of a mapping. Offsets from the collection's start. */
export interface Entry {
  /** The dash of a block sequence item, the first character of a key, or a flow item. */
  readonly start: number;
  /** Block collections: after the newline that ends the entry's last line. Flow: end of the item. */
  readonly end: number;
  /** Mapping pairs only: the key, its end offset, and the offset of the `:`. */
  readonly key?: string;
  readonly keyEnd?: number;
  readonly colon?: number;
  readonly node: YNode;
}

export interface CollectionNode {
  readonly kind: 'map' | 'seq';
  readonly start: number;
  readonly length: number;
  readonly flow: boolean;
  /** Column of the first entry of a block collection (flow collections: 0, unused). */
  readonly column: number;
  readonly entries: readonly Entry[];
  readonly value: Value[] | { [key: string]: Value };
}

export type YNode = ScalarNode | CollectionNode;

/** How deep collections may nest in a front matter the editor reads or writes (a book needs five levels). */
export const MAX_DEPTH = 64;

export function isCollection(node: YNode): node is CollectionNode {
  return node.kind !== 'scalar';
}

/** Where a reading problem is, as offsets into the parsed source. */
export interface YamlProblem {
  readonly from: number;
  readonly to: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly code: string;
}
