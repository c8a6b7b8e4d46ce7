/**
 * A book file as the editor holds it: the exact text, the value derived from it, and the
 * syntax tree that lets an edit touch only the bytes it changes.
 */
import { parseYaml } from '../yaml/parse';
import { MAX_DEPTH } from '../yaml/tree';
import type { CollectionNode, Value } from '../yaml/tree';
import { EditError, insertValue, moveItem, pathText, readProfile, removeAt, renameKey, setValue } from '../yaml/edit';
import type { Path, Tree } from '../yaml/edit';
import { isPlainObject } from '../yaml/value';
import { LineIndex } from './diagnostic';
import type { Diagnostic } from './diagnostic';
import { splitFrontMatter } from './frontMatter';
import type { FrontMatterSplit } from './frontMatter';

export interface BookDocument {
  /** The file's text, byte for byte (BOM, line breaks and a missing final newline kept). */
  readonly text: string;
  /** The front matter's value; null when it cannot be read. An empty front matter reads as `{}`, as in Jekyll. */
  readonly data: Value | null;
  /** The markdown after the closing `---` line. */
  readonly body: string;
  /** Problems found while reading, with positions. `validate` adds the book rules. */
  readonly diagnostics: readonly Diagnostic[];
  /** Where the front matter is; null when the file has none. */
  readonly split: FrontMatterSplit | null;
  /** The editable syntax tree; null when the front matter cannot be edited. */
  readonly tree: Tree | null;
}

/** An edit, as plain JSON: what the UI dispatches and undo records. */
export type Edit =
  | { readonly op: 'set'; readonly path: Path; readonly value: Value }
  | { readonly op: 'insert'; readonly path: Path; readonly index: number; readonly value: Value }
  | { readonly op: 'remove'; readonly path: Path }
  | { readonly op: 'move'; readonly from: Path; readonly to: Path; readonly index: number }
  /** Renames the mapping key at `path` to `key`; only the key's bytes change. */
  | { readonly op: 'renameKey'; readonly path: Path; readonly key: string }
  | { readonly op: 'setBody'; readonly value: string };

function diagnostic(index: LineIndex, severity: 'error' | 'warning', code: string, message: string, from: number, to: number): Diagnostic {
  return { severity, code, path: '', keys: [], message, range: index.range(from, to) };
}

/** Reads a book file. Never throws: problems become diagnostics with positions. */
export function openBook(text: string): BookDocument {
  if (typeof text !== 'string') text = String(text ?? '');
  let lines: LineIndex | undefined;
  const index = () => (lines ??= new LineIndex(text));
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return { text, data: null, body: text, split: null, tree: null, diagnostics: [diagnostic(index(), 'error', 'binary', 'The file holds binary data (a NUL byte), not text: it opens in the raw view only.', nul, nul + 1)] };
  }
  const extra: Diagnostic[] = [];
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) extra.push(diagnostic(index(), 'warning', 'encoding', 'The file holds a replacement character (U+FFFD): it may not have been valid UTF-8.', bad, bad + 1));
  const found = splitFrontMatter(text);
  if (found.kind === 'none') {
    return { text, data: null, body: text, split: null, tree: null, diagnostics: [diagnostic(index(), 'error', 'front-matter', 'The file has no front matter: its first line must be ---.', 0, Math.min(text.length, Math.max(0, text.indexOf('\n')))), ...extra] };
  }
  if (found.kind === 'unterminated') {
    return { text, data: null, body: text, split: null, tree: null, diagnostics: [diagnostic(index(), 'error', 'front-matter', 'The front matter is never closed: add a line --- after it.', found.start, found.openerEnd), ...extra] };
  }
  const split = found.split;
  const fm = text.slice(split.start, split.end);
  const body = text.slice(split.bodyStart);
  const { root, problems } = parseYaml(fm);
  const diagnostics: Diagnostic[] = problems.map((p) => diagnostic(index(), p.severity, p.code, p.message, split.start + p.from, split.start + Math.max(p.to, p.from + 1)));
  diagnostics.push(...extra);
  if (problems.some((p) => p.severity === 'error')) return { text, data: null, body, split, tree: null, diagnostics };
  let rootNode: CollectionNode;
  if (root === null) {
    rootNode = { kind: 'map', start: fm.length, length: 0, flow: false, column: 0, entries: [], value: {} };
  } else if (root.kind === 'scalar') {
    return { text, data: root.value, body, split, tree: null, diagnostics };
  } else {
    rootNode = root;
  }
  const tree: Tree = { text, base: split.start, root: rootNode, eol: split.eol, profile: readProfile(text, split.start, rootNode) };
  return { text, data: rootNode.value, body, split, tree, diagnostics };
}

/** Applies one edit. Pure: returns a new document. Throws an EditError for an edit that cannot apply. */
export function applyEdit(doc: BookDocument, edit: Edit): BookDocument {
  checkEdit(edit);
  if (edit.op === 'setBody') {
    if (!doc.split) return openBook(edit.value);
    const text = doc.text.slice(0, doc.split.bodyStart) + edit.value;
    // The tree holds the whole text: an edit after this one splices the new body's text.
    return { ...doc, text, body: edit.value, tree: doc.tree && { ...doc.tree, text } };
  }
  if (!doc.tree) {
    const why = doc.diagnostics.find((d) => d.severity === 'error');
    throw new EditError(`The front matter cannot be edited: ${why ? `${why.message} (line ${why.range.startLine}, column ${why.range.startColumn})` : 'it is not a mapping or a list.'}`);
  }
  let tree: Tree;
  switch (edit.op) {
    case 'set':
      tree = setValue(doc.tree, edit.path, edit.value);
      break;
    case 'insert':
      tree = insertValue(doc.tree, edit.path, edit.index, edit.value);
      break;
    case 'remove':
      tree = removeAt(doc.tree, edit.path);
      break;
    case 'move':
      tree = moveItem(doc.tree, edit.from, edit.to, edit.index);
      break;
    case 'renameKey':
      tree = renameKey(doc.tree, edit.path, edit.key);
      break;
  }
  if (tree === doc.tree) return doc;
  // An edit of the root's keys (renamed, added, removed, moved) may change what a fresh read
  // makes of the file's style (sorted keys, the indentation of lists): read it again, as a reopen would.
  if (touchesRoot(edit)) tree = { ...tree, profile: readProfile(tree.text, tree.base, tree.root) };
  // Reading diagnostics hold positions; after an edit, read them afresh (they are rare).
  if (doc.diagnostics.length > 0) return openBook(tree.text);
  const delta = tree.text.length - doc.text.length;
  const split = doc.split!;
  return {
    text: tree.text,
    data: tree.root.value,
    body: doc.body,
    diagnostics: doc.diagnostics,
    split: { ...split, end: split.end + delta, bodyStart: split.bodyStart + delta },
    tree,
  };
}

/** Whether an edit adds, removes, renames, moves or replaces an entry of the root. */
function touchesRoot(edit: Edit): boolean {
  switch (edit.op) {
    case 'move':
      return edit.from.length <= 1 || edit.to.length === 0;
    case 'insert':
      return edit.path.length === 0;
    case 'setBody':
      return false;
    default:
      return edit.path.length <= 1;
  }
}

/** Applies edits in order. */
export function applyEdits(doc: BookDocument, edits: readonly Edit[]): BookDocument {
  return edits.reduce(applyEdit, doc);
}

function checkPath(path: unknown, what: string): asserts path is Path {
  if (!Array.isArray(path) || !path.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0))) {
    throw new EditError(`${what} must be a list of keys and non-negative integer indexes, got ${JSON.stringify(path)}.`);
  }
}

/** Throws an EditError unless `v` is a JSON value (what YAML can hold and the edit log can record). */
export function checkValue(v: unknown, where: string, depth = 0): asserts v is Value {
  if (depth > MAX_DEPTH) throw new EditError(`The value for ${where} is nested too deeply.`);
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new EditError(`The value for ${where} is not a finite number.`);
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => checkValue(x, `${where}[${i}]`, depth + 1));
    return;
  }
  if (isPlainObject(v) && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v)) checkValue(x, `${where}.${k}`, depth + 1);
    return;
  }
  throw new EditError(`The value for ${where} is not plain data (${Object.prototype.toString.call(v)}).`);
}

/** Validates the shape of an edit that may come from outside (IPC, a file, a test). */
export function checkEdit(edit: unknown): asserts edit is Edit {
  if (!isPlainObject(edit)) throw new EditError('An edit must be an object with an "op".');
  const e = edit as Record<string, unknown>;
  switch (e.op) {
    case 'set':
      checkPath(e.path, 'path');
      checkValue(e.value, pathText(e.path));
      return;
    case 'insert':
      checkPath(e.path, 'path');
      if (typeof e.index !== 'number' || !Number.isInteger(e.index) || e.index < 0) throw new EditError(`index must be a non-negative integer, got ${JSON.stringify(e.index)}.`);
      checkValue(e.value, pathText(e.path));
      return;
    case 'remove':
      checkPath(e.path, 'path');
      return;
    case 'move':
      checkPath(e.from, 'from');
      checkPath(e.to, 'to');
      if (typeof e.index !== 'number' || !Number.isInteger(e.index) || e.index < 0) throw new EditError(`index must be a non-negative integer, got ${JSON.stringify(e.index)}.`);
      return;
    case 'renameKey':
      checkPath(e.path, 'path');
      if (typeof e.key !== 'string' || !e.key || e.key.length > 200) throw new EditError(`key must be a non-empty text of at most 200 characters, got ${JSON.stringify(e.key)}.`);
      return;
    case 'setBody':
      if (typeof e.value !== 'string') throw new EditError('setBody needs a string value.');
      return;
    default:
      throw new EditError(`Unknown edit op ${JSON.stringify(e.op)}.`);
  }
}
