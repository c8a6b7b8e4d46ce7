/**
 * A mistyped key with a "did you mean" (`list:` for `link:`): renamed when the right key
 * is absent or empty, removed when the item already has the right key with the same value.
 */
import type { BookDocument, Edit } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import { didYouMean, knownKeysAt } from '../book/keys';
import type { Path } from '../yaml/edit';
import type { Value } from '../yaml/tree';
import { isPlainObject, valueEquals } from '../yaml/value';
import { valueAt } from './fix';
import type { Fix, FixProvider } from './fix';

interface Stray {
  readonly parent: Path;
  readonly key: string;
  readonly near: string;
  readonly item: { readonly [key: string]: Value };
}

const isEmpty = (v: Value | undefined) => v === undefined || v === null || v === '';

/** The mistyped key a diagnostic is about, with the key it was meant to be. */
function strayOf(doc: BookDocument, d: Diagnostic): Stray | null {
  if (d.keys.length === 0) return null;
  const parent = d.keys.slice(0, -1);
  const item = valueAt(doc.data, parent);
  const known = knownKeysAt(parent);
  if (!isPlainObject(item) || !known) return null;
  if (d.code === 'unknown-key') {
    const key = d.keys[d.keys.length - 1];
    if (typeof key !== 'string' || !(key in item) || known.includes(key)) return null;
    const near = didYouMean(key, known);
    return near ? { parent, key, near, item } : null;
  }
  // A link item without `link`: the key that was meant to be it.
  const wanted = d.keys[d.keys.length - 1];
  if (typeof wanted !== 'string' || !isEmpty(item[wanted])) return null;
  const key = Object.keys(item).find((k) => !known.includes(k) && didYouMean(k, known) === wanted && !isEmpty(item[k]));
  return key ? { parent, key, near: wanted, item } : null;
}

function offer(doc: BookDocument, d: Diagnostic): Fix[] {
  const s = strayOf(doc, d);
  if (!s) return [];
  const { key, near, item } = s;
  if (!(near in item)) return [{ kind: 'edit', id: 'rename-key', label: `Rename "${key}" to "${near}"`, safe: true }];
  if (isEmpty(item[near]) && !isEmpty(item[key])) return [{ kind: 'edit', id: 'rename-key', label: `Move the value of "${key}" to the empty "${near}"`, safe: true }];
  const same = valueEquals(item[near]!, item[key]!);
  return [{ kind: 'edit', id: 'remove-key', label: same ? `Remove "${key}": "${near}" already says the same` : `Remove "${key}" and keep "${near}" as it is`, safe: false }];
}

function edits(doc: BookDocument, d: Diagnostic, id: string): Edit[] {
  const s = strayOf(doc, d);
  if (!s) return [];
  const at = [...s.parent, s.key];
  if (id === 'remove-key') return [{ op: 'remove', path: at }];
  if (!(s.near in s.item)) return [{ op: 'renameKey', path: at, key: s.near }];
  return isEmpty(s.item[s.near]) ? [{ op: 'remove', path: [...s.parent, s.near] }, { op: 'renameKey', path: at, key: s.near }] : [];
}

/** Renames or removes a mistyped key. */
export const renameKeyFix: FixProvider = { codes: ['unknown-key', 'link-missing'], offer, edits };
