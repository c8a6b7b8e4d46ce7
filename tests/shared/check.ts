// Shared assertions for edit tests: the result reads back as the model says, the
// incremental tree equals a fresh read, and an independent reader agrees.
import { expect } from 'vitest';
import * as jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { applyEdit, openBook } from '../../shared/index';
import type { BookDocument, Edit, Value } from '../../shared/index';
import { modelEdit } from '../model';
import { fastParse } from '../../shared/yaml/fastParse';
import { parseYamlSlow } from '../../shared/yaml/parse';

/** Applies `edit` and checks everything that must hold after any edit. */
export function checkedEdit(doc: BookDocument, edit: Edit): BookDocument {
  const next = applyEdit(doc, edit);
  const expected = modelEdit(doc.data as Value, edit);
  expect(next.data).toEqual(expected);
  const fresh = openBook(next.text);
  expect(fresh.diagnostics).toEqual([]);
  expect(fresh.data).toEqual(expected);
  // The tree kept up incrementally is the tree a fresh read builds.
  expect(next.tree!.root).toEqual(fresh.tree!.root);
  expect(next.split).toEqual(fresh.split);
  expect(next.body).toBe(fresh.body);
  const fm = next.text.slice(next.split!.start, next.split!.end);
  expectFastAgrees(fm);
  expect(jsyaml.load(fm, { schema: jsyaml.CORE_SCHEMA }) ?? {}).toEqual(expected);
  expect(parseDocument(fm, { schema: 'core' }).toJS() ?? {}).toEqual(expected);
  return next;
}

/** The fast reader either declines or builds exactly the tree the yaml package's reader builds. */
export function expectFastAgrees(fm: string): void {
  const fast = fastParse(fm);
  if (fast) expect(fast.root).toEqual(parseYamlSlow(fm).root);
}

/** The old text's bytes all survive around one changed region: returns [prefix, oldEnd, newEnd]. */
export function changedRegion(oldText: string, newText: string): [number, number, number] {
  let p = 0;
  const max = Math.min(oldText.length, newText.length);
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  return [p, oldText.length - s, newText.length - s];
}
