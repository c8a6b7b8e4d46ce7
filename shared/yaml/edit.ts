/**
 * Edits on the lossless tree: each one splices the text where the changed node lives,
 * re-reads only the spliced part, and rebuilds the path from the root to it. Every byte
 * outside the edited node stays as it was.
 */
import type { CollectionNode, Entry, ScalarNode, ScalarValue, Value } from './tree';
import { isCollection } from './tree';
import { columnAt, lineEndAfter, lineStartOf, startsLine } from './text';
import { emitBlockMap, emitBlockSeq, emitDouble, emitNonString, emitScalar, emitValueAfterIndicator, hintFor } from './emit';
import type { BlockOptions, EmitContext } from './emit';
import { isPlainObject, setOwn, valueEquals } from './value';
import { coreReadsAsString, yaml11ReadsAsString, yaml11Timestamp } from './scalarRules';
import { keepBreaks, pyyamlAllows, pyyamlBreaks, pyyamlScalar } from './pyyaml';
import { EditError, describe, findEntry, hasPath, locate, pathText } from './locate';
import type { Frame, Located, Path, PathSegment, Tree } from './locate';
import { finish, parseAt, rebuild, shiftEntry, shiftNode, withEntries } from './rebuild';
import { parseYaml } from './parse';
import { neighbourHint, withFallback } from './neighbours';

export { EditError, hasPath, pathText, rangeOf, readProfile } from './locate';
export type { Path, PathSegment, Profile, Tree } from './locate';

// ---------------------------------------------------------------------------------------
// Operations

/** Sets the value at `path`, adding a missing last key to its mapping. */
export function setValue(tree: Tree, path: Path, value: Value): Tree {
  if (path.length === 0) throw new EditError('Setting the whole front matter is not an edit; replace the text instead.');
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1]!;
  const parent = locate(tree, parentPath, path);
  if (!isCollection(parent.node)) throw new EditError(`No value at ${pathText(path)}: ${pathText(parentPath)} is ${describe(parent.node)}.`);
  const index = findEntry(parent.node, last);
  if (index < 0) {
    if (parent.node.kind === 'map' && typeof last === 'string') return insertPair(tree, parent, parentPath, last, value);
    throw new EditError(`No value at ${pathText(path)}: ${pathText(parentPath)} is ${describe(parent.node)}.`);
  }
  const frames = [...parent.frames, { coll: parent.node, abs: parent.abs, index }];
  const entry = parent.node.entries[index]!;
  const node = entry.node;
  const abs = parent.abs + node.start;
  if (valueEquals(node.value, value)) return tree;
  if (node.kind === 'scalar' && !Array.isArray(value) && !isPlainObject(value)) return setScalar(tree, frames, node, abs, path, value);
  // Both mappings: set key by key, so unchanged keys keep their bytes.
  if (node.kind === 'map' && !node.flow && isPlainObject(value) && Object.keys(value).length > 0) {
    let t = tree;
    const current = node.value as { [key: string]: Value };
    for (const k of Object.keys(current)) if (!Object.prototype.hasOwnProperty.call(value, k)) t = removeAt(t, [...path, k]);
    for (const k of Object.keys(value)) t = setValue(t, [...path, k], value[k]!);
    return t;
  }
  // Both lists of the same length: set item by item.
  if (node.kind === 'seq' && Array.isArray(value) && value.length === node.entries.length && value.length > 0) {
    let t = tree;
    value.forEach((v, i) => (t = setValue(t, [...path, i], v)));
    return t;
  }
  return replaceEntryValue(tree, frames, path, value);
}

function isTimestampField(path: Path, node: ScalarNode): boolean {
  const key = path[path.length - 1];
  return key === 'start' || key === 'end' || (node.style === 'plain' && typeof node.value === 'string' && yaml11Timestamp.test(node.value));
}

function setScalar(tree: Tree, frames: Frame[], node: ScalarNode, abs: number, path: Path, value: ScalarValue): Tree {
  const { text, eol } = tree;
  const parent = frames[frames.length - 1]!;
  const empty = node.style === 'empty';
  const from = abs;
  let to = abs + node.length;
  if (empty) {
    // After `key:` or `-`: take any trailing spaces, write one space and the value.
    while (text.charCodeAt(to) === 32) to++;
  }
  const column = columnAt(text, from) + (empty ? 1 : 0);
  const ctx: EmitContext = { column, indent: parent.coll.flow ? column : parent.coll.column + 2, eol, flow: parent.coll.flow, timestamp: isTimestampField(path, node) };
  // A folded scalar keeps its line breaks where it can; otherwise the value is written afresh.
  let out = foldedLike(node, text.slice(from, to), value, ctx);
  let parsed = out === null ? null : readScalarBack(out, column, value, eol);
  if (!parsed) {
    out = emitScalar(value, empty ? neighbourHint(tree, path) : hintFor(node, text.slice(from, to), ctx), ctx);
    parsed = readScalarBack(out, column, value, eol);
  }
  if (!parsed || out === null) {
    out = typeof value === 'string' ? emitDouble(value) : emitNonString(value);
    parsed = readScalarBack(out, column, value, eol);
    if (!parsed) throw new EditError(`Cannot write the value at ${pathText(path)} so that it reads back the same.`);
  }
  const oldBlock = node.style === 'literal' || node.style === 'folded';
  const newBlock = out.endsWith('\n');
  if (newBlock && !oldBlock) to = lineEndAfter(text, to);
  if (!newBlock && oldBlock) out += eol;
  const lead = empty ? ' ' : '';
  const insert = lead + out;
  const newText = text.slice(0, from) + insert + text.slice(to);
  const collAbs = parent.abs;
  const newNode: ScalarNode = { ...parsed, start: from + lead.length - collAbs, length: newBlock ? out.length : parsed.length };
  return rebuild(tree, frames, newNode, insert.length - (to - from), newText);
}

/**
 * A folded scalar rewritten PyYAML's way but keeping the line breaks of its unchanged
 * parts, so a changed word changes its own line (or a few), not the rest of the paragraph.
 */
function foldedLike(node: ScalarNode, source: string, value: ScalarValue, ctx: EmitContext): string | null {
  if (typeof value !== 'string' || typeof node.value !== 'string' || !source.includes('\n')) return null;
  if (node.style !== 'plain' && node.style !== 'single' && node.style !== 'double') return null;
  // Keep the scalar's quoting where PyYAML's rules allow it for the new text.
  if (!pyyamlAllows(value, node.style)) return null;
  const breaks = pyyamlBreaks(source, node.style);
  if (!breaks) return null;
  return pyyamlScalar(value, ctx, node.style, keepBreaks(node.value, value, breaks));
}

function readScalarBack(out: string, column: number, value: ScalarValue, eol: string): ScalarNode | null {
  const source = out.endsWith('\n') ? out : out + eol;
  const node = parseAt(source, column);
  if (!node || node.kind !== 'scalar' || !valueEquals(node.value, value)) return null;
  if (node.length !== (out.endsWith('\n') ? out.length : out.length)) return null;
  return node;
}

/** Replaces the whole value of an entry (a pair's value or an item) with freshly written text. */
function replaceEntryValue(tree: Tree, frames: Frame[], path: Path, value: Value): Tree {
  const { text } = tree;
  const parent = frames[frames.length - 1]!;
  const coll = parent.coll;
  const entry = coll.entries[parent.index]!;
  if (coll.flow) {
    // Inside a flow collection: write JSON, which is valid flow YAML, and re-read the collection.
    const abs = parent.abs + entry.node.start;
    return replaceFlowCollection(tree, frames.slice(0, -1), coll, parent.abs, text.slice(0, abs) + JSON.stringify(value) + text.slice(abs + entry.node.length));
  }
  const entryAbs = parent.abs + entry.start;
  const indicator = coll.kind === 'map' ? parent.abs + entry.colon! : entryAbs;
  const from = indicator + 1;
  let to = parent.abs + entry.end;
  if (text.charCodeAt(to - 1) === 10) to -= text.charCodeAt(to - 2) === 13 ? 2 : 1;
  const column = columnAt(text, entryAbs);
  return withFallback(tree, (opts) => {
    const insert = emitValueAfterIndicator(value, columnAt(text, indicator) + 1, column, coll.kind === 'seq', opts, path, coll.kind === 'map' ? entry.key : undefined);
    const newText = text.slice(0, from) + insert + text.slice(to);
    const delta = insert.length - (to - from);
    const entrySource = newText.slice(entryAbs, parent.abs + entry.end + delta);
    const reread = parseAt(entrySource, column);
    if (!reread || !isCollection(reread) || reread.entries.length !== 1 || !valueEquals(reread.entries[0]!.node.value, value)) {
      throw new EditError(`Cannot write the value at ${pathText(path)} so that it reads back the same.`);
    }
    const newNode = shiftNode(reread.entries[0]!.node, entry.start);
    return rebuild(tree, frames, newNode, delta, newText);
  });
}

function replaceFlowCollection(tree: Tree, frames: Frame[], coll: CollectionNode, collAbs: number, newText: string): Tree {
  const delta = newText.length - tree.text.length;
  const source = newText.slice(collAbs, collAbs + coll.length + delta);
  const reread = parseAt(source, columnAt(newText, collAbs));
  if (!reread || reread.kind !== coll.kind || reread.length !== source.length) throw new EditError('Cannot rewrite the flow collection so that it reads back.');
  const node = { ...reread, start: coll.start } as CollectionNode;
  if (frames.length === 0) return { ...tree, text: newText, root: node };
  return rebuild(tree, frames, node, delta, newText);
}

/** Adds `key: value` to the mapping at `parent` (at the end, or in sorted position in a sorted file). */
function insertPair(tree: Tree, parent: Located, parentPath: Path, key: string, value: Value): Tree {
  const map = parent.node as CollectionNode;
  if (map.flow) {
    const obj = { ...(map.value as { [key: string]: Value }) };
    setOwn(obj, key, value);
    return replaceFlowCollection(tree, parent.frames, map, parent.abs, tree.text.slice(0, parent.abs) + JSON.stringify(obj) + tree.text.slice(parent.abs + map.length));
  }
  let index = map.entries.length;
  // The archive goes last, as the site's files have it: it was pasted after the rest.
  const sortable = tree.profile.sorted && parentPath.length === 0 && key !== 'archive';
  if (sortable) {
    const i = map.entries.findIndex((e) => e.key !== 'archive' && e.key! > key);
    if (i >= 0) index = i;
    else {
      const archive = map.entries.findIndex((e) => e.key === 'archive');
      if (archive >= 0 && key !== 'archive') index = archive;
    }
  }
  // A new archive at the end keeps the blank lines that end the front matter before it, as the site's files have them.
  const pastBlankLines = parentPath.length === 0 && key === 'archive' && index === map.entries.length;
  const write = (opts: BlockOptions) => insertEntryText(tree, parent, index, emitBlockMap({ [key]: value }, map.column, opts, parentPath), [...parentPath, key], value, pastBlankLines);
  return withFallback(tree, write);
}

const BLANK_LINES = /(?:[ \t]*\r?\n)+/y;

/** The blank lines that separate the items of a block sequence, when they are consistent. */
function separator(text: string, coll: CollectionNode, collAbs: number): string {
  if (coll.kind !== 'seq' || coll.entries.length < 2) return '';
  const a = collAbs + coll.entries[0]!.end;
  const b = lineStartOf(text, collAbs + coll.entries[1]!.start);
  const gap = text.slice(a, b);
  return /^(?:[ \t]*\r?\n)+$/.test(gap) ? gap.replace(/[ \t]+/g, '') : '';
}

/**
 * Inserts full entry lines (`lines`: indented at the collection's column, each ending
 * with a line break) before entry `index` of the block collection at `at`; at the end,
 * after any blank lines that follow the last entry when `pastBlankLines` is set.
 */
function insertEntryText(tree: Tree, at: Located, index: number, lines: string, path: Path, expected?: Value, pastBlankLines = false): Tree {
  const { text, eol } = tree;
  const coll = at.node as CollectionNode;
  const n = coll.entries.length;
  const sep = separator(text, coll, at.abs);
  let pos: number;
  let insert: string;
  let entryOffset: number; // where the new entry's dash or key lands, from the insertion point
  if (n === 0) {
    pos = at.abs;
    insert = lines;
    entryOffset = coll.column;
    if (pos > 0 && text.charCodeAt(pos - 1) !== 10) {
      insert = eol + insert;
      entryOffset += eol.length;
    }
    // An empty root: the collection starts at its first entry.
  } else if (index < n) {
    const e = coll.entries[index]!;
    const eAbs = at.abs + e.start;
    if (startsLine(text, eAbs)) {
      pos = eAbs - columnAt(text, eAbs);
      insert = lines + sep;
      entryOffset = coll.column;
    } else {
      pos = eAbs;
      insert = lines.slice(coll.column) + sep + ' '.repeat(columnAt(text, eAbs));
      entryOffset = 0;
    }
  } else {
    pos = at.abs + coll.entries[n - 1]!.end;
    if (pastBlankLines && text.charCodeAt(pos - 1) === 10) {
      BLANK_LINES.lastIndex = pos;
      if (BLANK_LINES.exec(text)) pos = BLANK_LINES.lastIndex;
    }
    insert = sep + lines;
    entryOffset = sep.length + coll.column;
    if (text.charCodeAt(pos - 1) !== 10) {
      insert = eol + insert;
      entryOffset += eol.length;
    }
  }
  const newText = text.slice(0, pos) + insert + text.slice(pos);
  const entryAbs = pos + entryOffset;
  const entryLines = lines.slice(coll.column);
  const reread = parseAt(entryLines, coll.column);
  if (!reread || !isCollection(reread) || reread.kind !== coll.kind || reread.entries.length !== 1 || (expected !== undefined && !valueEquals(reread.entries[0]!.node.value, expected))) {
    throw new EditError(`Cannot insert at ${pathText(path)}: the new text does not read back.`);
  }
  const collStart = n === 0 ? entryAbs : at.abs;
  const rel = entryAbs - collStart;
  const newEntry = shiftEntry(reread.entries[0]!, rel);
  const delta = insert.length;
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const e = coll.entries[i]!;
    entries.push(i < index ? e : shiftEntry(e, delta));
  }
  entries.splice(index, 0, newEntry);
  let node = withEntries(coll, entries);
  if (n === 0) node = { ...node, start: node.start + (entryAbs - at.abs) };
  return finish(tree, at.frames, node, delta, newText);
}

/** Inserts `value` into the list at `path`, creating the list when the key is missing or empty. */
export function insertValue(tree: Tree, path: Path, index: number, value: Value): Tree {
  let at: Located;
  try {
    at = locate(tree, path);
  } catch (e) {
    // A missing last key of an existing mapping: create the list.
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    if (path.length > 0 && typeof last === 'string' && hasPath(tree, parentPath)) {
      const parent = locate(tree, parentPath);
      if (parent.node.kind === 'map') {
        if (index !== 0) throw new EditError(`Cannot insert at index ${index} of ${pathText(path)}: the list does not exist yet.`);
        return setValue(tree, path, [value]);
      }
    }
    throw e;
  }
  const node = at.node;
  if (node.kind === 'scalar' && node.value === null) {
    if (index !== 0) throw new EditError(`Cannot insert at index ${index} of ${pathText(path)}: the list is empty.`);
    return setValue(tree, path, [value]);
  }
  if (node.kind !== 'seq') throw new EditError(`Cannot insert into ${pathText(path)}: it is ${describe(node)}, not a list.`);
  if (!Number.isInteger(index) || index < 0 || index > node.entries.length) throw new EditError(`Cannot insert at index ${index} of ${pathText(path)}: it has ${node.entries.length} items.`);
  if (node.flow) {
    if (node.entries.length === 0 && (Array.isArray(value) || isPlainObject(value))) return setValue(tree, path, [value]);
    return insertFlow(tree, at, index, value, path);
  }
  return withFallback(tree, (opts) => insertEntryText(tree, at, index, emitBlockSeq([value], node.column, opts, path), [...path, index], value));
}

function insertFlow(tree: Tree, at: Located, index: number, value: Value, path: Path): Tree {
  const { text } = tree;
  const coll = at.node as CollectionNode;
  const column = columnAt(text, at.abs);
  const written = Array.isArray(value) || isPlainObject(value)
    ? JSON.stringify(value)
    : emitScalar(value, neighbourHint(tree, [...path, index]), { column, indent: column, eol: tree.eol, flow: true });
  let pos: number;
  let insert: string;
  if (coll.entries.length === 0) {
    pos = at.abs + 1;
    insert = written;
  } else if (index < coll.entries.length) {
    pos = at.abs + coll.entries[index]!.start;
    insert = written + ', ';
  } else {
    pos = at.abs + coll.entries[coll.entries.length - 1]!.end;
    insert = ', ' + written;
  }
  return replaceFlowCollection(tree, at.frames, coll, at.abs, text.slice(0, pos) + insert + text.slice(pos));
}

/** Removes the value at `path` (a list item or a mapping pair). */
export function removeAt(tree: Tree, path: Path): Tree {
  if (path.length === 0) throw new EditError('Cannot remove the whole front matter.');
  const parentPath = path.slice(0, -1);
  const at = locate(tree, parentPath, path);
  const coll = at.node;
  if (!isCollection(coll)) throw new EditError(`No value at ${pathText(path)}: ${pathText(parentPath)} is ${describe(coll)}.`);
  const index = findEntry(coll, path[path.length - 1]!);
  if (index < 0) locate(tree, path); // throws the precise message
  const { text } = tree;
  const n = coll.entries.length;
  if (coll.flow) {
    const e = coll.entries[index]!;
    let from = at.abs + e.start;
    let to = at.abs + e.end;
    if (index < n - 1) to = at.abs + coll.entries[index + 1]!.start;
    else if (index > 0) from = at.abs + coll.entries[index - 1]!.end;
    return replaceFlowCollection(tree, at.frames, coll, at.abs, text.slice(0, from) + text.slice(to));
  }
  if (n === 1) {
    if (at.frames.length === 0) {
      // The last key of the front matter: leave it empty.
      const from = lineStartOf(text, at.abs + coll.entries[0]!.start);
      const to = at.abs + coll.entries[0]!.end;
      const newText = text.slice(0, from) + text.slice(to);
      return { ...tree, text: newText, root: { ...coll, start: from - tree.base, length: 0, entries: [], value: coll.kind === 'seq' ? [] : {} } };
    }
    return replaceEntryValue(tree, at.frames, parentPath, coll.kind === 'seq' ? [] : {});
  }
  const e = coll.entries[index]!;
  let from: number;
  let to: number;
  if (index < n - 1) {
    const eAbs = at.abs + e.start;
    const next = at.abs + coll.entries[index + 1]!.start;
    if (startsLine(text, eAbs)) {
      from = lineStartOf(text, eAbs);
      to = lineStartOf(text, next);
    } else {
      from = eAbs;
      to = next;
    }
  } else {
    from = at.abs + coll.entries[index - 1]!.end;
    to = at.abs + e.end;
  }
  const delta = from - to;
  const newText = text.slice(0, from) + text.slice(to);
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    if (i < index) entries.push(coll.entries[i]!);
    else if (i > index) entries.push(shiftEntry(coll.entries[i]!, delta));
  }
  return finish(tree, at.frames, withEntries(coll, entries), delta, newText);
}

/** The exact block text of a list item, re-indented to `column`, or null if it cannot be moved as text. */
function itemText(tree: Tree, at: Located, index: number, column: number): string | null {
  const coll = at.node as CollectionNode;
  if (coll.flow) return null;
  const e = coll.entries[index]!;
  const eAbs = at.abs + e.start;
  if (!startsLine(tree.text, eAbs)) return null;
  const source = tree.text.slice(eAbs, at.abs + e.end);
  const delta = column - coll.column;
  if (delta === 0) return ' '.repeat(column) + source;
  const lines = source.split('\n');
  const out = lines.map((line, i) => {
    if (i === 0) return line;
    if (line.length === 0 || line === '\r') return line;
    if (delta > 0) return ' '.repeat(delta) + line;
    let k = 0;
    while (k < -delta && line.charCodeAt(k) === 32) k++;
    return line.slice(k);
  });
  return ' '.repeat(column) + out.join('\n');
}

/**
 * Moves the list item at `from` into the list at `to`, at `index` counted after the item
 * was taken out. `to` names the list as it is before the move. The item's text moves as
 * it is, re-indented only when the target list is indented differently.
 */
export function moveItem(tree: Tree, from: Path, to: Path, index: number): Tree {
  if (from.length === 0 || typeof from[from.length - 1] !== 'number') throw new EditError(`Cannot move ${pathText(from)}: only list items move.`);
  const fromList = from.slice(0, -1);
  const fromIndex = from[from.length - 1] as number;
  const item = locate(tree, from);
  if (to.length >= from.length && from.every((s, i) => to[i] === s)) throw new EditError(`Cannot move ${pathText(from)} into itself.`);
  // Where the target list is once the item is out: an index after the item shifts down by one.
  const target: PathSegment[] = [...to];
  if (target.length > fromList.length && fromList.every((s, i) => target[i] === s)) {
    const j = target[fromList.length];
    if (typeof j === 'number' && j > fromIndex) target[fromList.length] = j - 1;
  }
  const source = locate(tree, fromList);
  const value = (item.node.value ?? null) as Value;
  let targetNode: Located | null;
  try {
    targetNode = locate(tree, to);
  } catch {
    targetNode = null;
  }
  let text: string | null = null;
  if (targetNode && targetNode.node.kind === 'seq' && !targetNode.node.flow && targetNode.node.entries.length > 0) {
    text = itemText(tree, source, fromIndex, targetNode.node.column);
  }
  const removed = removeAt(tree, from);
  if (text !== null) {
    const at = locate(removed, target);
    if (at.node.kind === 'seq' && !at.node.flow && at.node.entries.length > 0) {
      if (!Number.isInteger(index) || index < 0 || index > at.node.entries.length) throw new EditError(`Cannot move to index ${index} of ${pathText(to)}: it has ${at.node.entries.length} items.`);
      try {
        const moved = insertEntryText(removed, at, index, text, [...target, index]);
        if (valueEquals(locate(moved, [...target, index]).node.value, value)) return moved;
      } catch {
        // Fall back to writing the value afresh.
      }
    }
  }
  return insertValue(removed, target, index, value);
}

/** A mapping key as written: plain when both YAML readers take it as that text, else double-quoted. */
function keyText(key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_ -]*$/.test(key) && !key.endsWith(' ') && coreReadsAsString(key) && yaml11ReadsAsString(key)) return key;
  return emitDouble(key);
}

/**
 * Renames the mapping key at `path` to `key`, splicing only the key's bytes: its value,
 * its place among the other keys and every other byte stay. Refused when the mapping
 * already has `key`.
 */
export function renameKey(tree: Tree, path: Path, key: string): Tree {
  const last = path[path.length - 1];
  if (typeof last !== 'string') throw new EditError(`Cannot rename ${pathText(path)}: only mapping keys are renamed.`);
  const parentPath = path.slice(0, -1);
  const at = locate(tree, parentPath, path);
  const map = at.node;
  if (map.kind !== 'map') throw new EditError(`Cannot rename ${pathText(path)}: ${pathText(parentPath)} is ${describe(map)}.`);
  const index = findEntry(map, last);
  if (index < 0) locate(tree, path); // throws the precise message
  if (key === last) return tree;
  if (findEntry(map, key) >= 0) throw new EditError(`Cannot rename ${pathText(path)} to "${key}": ${pathText(parentPath)} already has that key.`);
  const written = keyText(key);
  const probe = parseYaml(`${written}: 0\n`).root;
  if (!probe || probe.kind !== 'map' || probe.entries.length !== 1 || probe.entries[0]!.key !== key) throw new EditError(`Cannot write the key "${key}" so that it reads back the same.`);
  const e = map.entries[index]!;
  const from = at.abs + e.start;
  const to = at.abs + e.keyEnd!;
  const delta = written.length - (to - from);
  const newText = tree.text.slice(0, from) + written + tree.text.slice(to);
  const renamed: Entry = { ...e, key, keyEnd: e.keyEnd! + delta, colon: e.colon! + delta, end: e.end + delta, node: shiftNode(e.node, delta) };
  const entries = map.entries.map((x, i) => (i < index ? x : i === index ? renamed : shiftEntry(x, delta)));
  const node = withEntries(map, entries);
  return finish(tree, at.frames, map.flow ? { ...node, length: map.length + delta } : node, delta, newText);
}
