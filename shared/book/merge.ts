/**
 * "Keep both": the editor's changes since it read a book (base → ours) replayed on the
 * text the disk holds now (theirs), through the lossless core. Where both sides changed
 * one node, the disk's version stays unless the user keeps ours there; every such place
 * is reported in words. Pure: no Node, no DOM.
 */
import type { Value } from '../yaml/tree';
import type { Path } from '../yaml/edit';
import { rangeOf } from '../yaml/edit';
import { valueEquals } from '../yaml/value';
import { LineIndex } from './diagnostic';
import { applyEdit, openBook } from './document';
import type { BookDocument } from './document';
import { describePath } from './model';
import { mergeLines } from './lineMerge';
import { MergeCycle, ThreeWay } from './mergeDecide';
import { Aligner, Ids, canon, indexOf, nodeOf, pathOf, settleValues, walk } from './mergeTree';
import type { MergeNode } from './mergeTree';
import { replay } from './mergeReplay';

/** How both sides changed one place. */
export type MergeConflictKind = 'changed' | 'removedOnDisk' | 'removedHere' | 'moved' | 'body' | 'file';

/** One place both sides changed, and which version the merged text holds. */
export interface MergeConflict {
  readonly kind: MergeConflictKind;
  /** Names the conflict in `MergeOptions.preferOurs`; the same for the same three texts whatever is kept. */
  readonly key: string;
  /** Where in the front matter (empty for the body and the whole file). */
  readonly path: Path;
  /** Where, in words: `Thread 3, reply 2: text`, `Body, lines 4–6`, `The whole file`. */
  readonly where: string;
  /** What happened, in words: `changed here and on disk`. */
  readonly what: string;
  /** 1-based line of the merged text where it is (or where its place was). */
  readonly line: number;
  /** Each side's version; undefined where that side removed it. Body and file conflicts hold text. */
  readonly ours: Value | undefined;
  readonly theirs: Value | undefined;
  readonly base: Value | undefined;
  /** The version the merged text holds. */
  readonly kept: 'ours' | 'theirs';
}

/** Which conflicts keep the editor's version: all of them, or those whose keys are listed. */
export interface MergeOptions {
  readonly preferOurs?: boolean | readonly string[];
}

/** The merged text (to review before saving), its conflicts in text order, and how many of ours' changes it holds. */
export interface MergeResult {
  readonly text: string;
  readonly conflicts: readonly MergeConflict[];
  readonly applied: number;
}

const WHAT: Record<MergeConflictKind, string> = {
  changed: 'changed here and on disk',
  removedOnDisk: 'removed on disk, changed here',
  removedHere: 'removed here, changed on disk',
  moved: 'moved here and on disk to different places',
  body: 'changed here and on disk',
  file: 'cannot be merged',
};

/**
 * Replays the changes from `baseText` (what the editor read) to `oursText` (the editor's
 * text) on `theirsText` (the disk's text now). Never throws and never loses either text:
 * when a side cannot be read as a book, the whole file is one conflict.
 */
export function mergeBook(baseText: string, oursText: string, theirsText: string, options: MergeOptions = {}): MergeResult {
  const choice = options.preferOurs;
  const keepOurs = (key: string) => choice === true || (Array.isArray(choice) && choice.includes(key));
  if (oursText === baseText || oursText === theirsText) return { text: theirsText, conflicts: [], applied: 0 };
  const base = openBook(baseText);
  const ours = openBook(oursText);
  const theirs = openBook(theirsText);
  let why = whyUnreadable(base, 'the text you opened') ?? whyUnreadable(ours, 'your text') ?? whyUnreadable(theirs, 'the file on disk');
  let merged: MergeResult | null = null;
  if (!why) {
    try {
      merged = mergeReadable(base, ours, theirs, keepOurs);
    } catch (e) {
      // A value the core cannot write, or a merge that would not read back: nothing is lost, the whole file is the conflict.
      why = e instanceof MergeCycle ? 'both sides moved items into each other' : `the merged text could not be written (${e instanceof Error ? e.message : String(e)})`;
    }
  }
  // The disk did not change: ours stands as it is, whatever its format.
  if (theirsText === baseText) return { text: oursText, conflicts: [], applied: merged?.applied ?? 1 };
  if (merged) return merged;
  const ourText = keepOurs('file');
  return {
    text: ourText ? oursText : theirsText,
    applied: ourText ? 1 : 0,
    conflicts: [{
      kind: 'file', key: 'file', path: [], where: 'The whole file', line: 1,
      what: `${WHAT.file}: ${why}`,
      ours: oursText, theirs: theirsText, base: baseText, kept: ourText ? 'ours' : 'theirs',
    }],
  };
}

function whyUnreadable(doc: BookDocument, what: string): string | null {
  if (doc.tree && doc.tree.root.kind === 'map') return null;
  const error = doc.diagnostics.find((d) => d.severity === 'error');
  return error ? `${what} cannot be read (line ${error.range.startLine}: ${error.message})` : `the front matter of ${what} is not a mapping`;
}

function mergeReadable(base: BookDocument, ours: BookDocument, theirs: BookDocument, keepOurs: (key: string) => boolean): MergeResult {
  const ids = new Ids();
  const B = nodeOf(base.data!, ids);
  const firstOurs = ids.take();
  const O = nodeOf(ours.data!, ids);
  const firstTheirs = ids.take();
  const T = nodeOf(theirs.data!, ids);
  const toOurs = new Aligner((n) => n.id >= firstOurs);
  toOurs.align(B, O);
  const toTheirs = new Aligner((n) => n.id >= firstTheirs);
  toTheirs.align(B, T);
  const IO = indexOf(O);
  addedOnBothSides(IO, T, (n) => n.id >= firstOurs && n.id < firstTheirs, new Aligner((n) => n.id >= firstTheirs));
  const IB = indexOf(B);
  const IT = indexOf(T);
  const three = new ThreeWay(IB, IO, IT, B.id, keepOurs);
  const M = three.build();
  settleValues(M);
  const IM = indexOf(M);
  const placed = three.conflicts.map((c) => {
    const node = IM.get(c.id) ?? IT.get(c.id) ?? IO.get(c.id) ?? IB.get(c.id)!;
    return { c, path: pathOf(node) };
  });
  let doc = replay(theirs, T, M);
  if (!valueEquals(doc.data, M.value)) throw new Error('the replayed text does not hold the merged value');
  const lines = mergeLines(base.body, ours.body, theirs.body, theirs.split!.eol, keepOurs);
  if (lines.text !== doc.body) doc = applyEdit(doc, { op: 'setBody', value: lines.text });
  const index = new LineIndex(doc.text);
  const conflicts: MergeConflict[] = placed.map(({ c, path }) => ({
    kind: c.kind, key: c.key, path, where: describePath(path), what: WHAT[c.kind], line: lineOf(doc, index, path),
    ours: c.ours, theirs: c.theirs, base: c.base, kept: c.keptOurs ? 'ours' : 'theirs',
  }));
  const bodyLine = index.position(doc.split!.bodyStart).line;
  for (const c of lines.conflicts) {
    const first = bodyLine + c.line;
    conflicts.push({
      kind: 'body', key: c.key, path: [], where: c.count > 1 ? `Body, lines ${first}–${first + c.count - 1}` : `Body, line ${first}`, what: WHAT.body,
      line: first, ours: c.ours, theirs: c.theirs, base: c.base, kept: c.keptOurs ? 'ours' : 'theirs',
    });
  }
  conflicts.sort((a, b) => a.line - b.line);
  return { text: doc.text, conflicts, applied: three.applied + lines.applied };
}

/** Gives items and keys both sides added alike one id, so the same addition on both sides merges as one. */
function addedOnBothSides(IO: Map<number, MergeNode>, T: MergeNode, isOursOwn: (n: MergeNode) => boolean, aligner: Aligner): void {
  walk(T, (t) => {
    const o = IO.get(t.id);
    if (!o || o.kind !== t.kind) return;
    if (t.kind === 'map') {
      for (const [k, tc] of t.keys) {
        const oc = o.keys.get(k);
        if (oc && isOursOwn(oc)) aligner.pair(oc, tc);
      }
    } else if (t.kind === 'list') {
      const fresh = new Map<string, MergeNode[]>();
      for (const oc of o.items) if (isOursOwn(oc)) (fresh.get(canon(oc)) ?? fresh.set(canon(oc), []).get(canon(oc))!).push(oc);
      for (const tc of t.items) {
        const oc = fresh.get(canon(tc))?.shift();
        if (oc) aligner.pair(oc, tc);
      }
    }
  });
}

/** The line where a path is in the merged text, or where its nearest remaining parent is. */
function lineOf(doc: BookDocument, index: LineIndex, path: Path): number {
  for (let n = path.length; n > 0; n--) {
    const range = doc.tree && rangeOf(doc.tree, path.slice(0, n));
    if (range) return index.position(range[0]).line;
  }
  return index.position(doc.split?.start ?? 0).line;
}

/** One line for the UI: `3 of your changes replayed on the file on disk; 1 conflict: Thread 3, reply 2: text (the disk's kept).` */
export function mergeSummary(result: MergeResult): string {
  const file = result.conflicts.find((c) => c.kind === 'file');
  if (file) return `Your changes and the file on disk ${file.what}; ${file.kept === 'ours' ? 'your text is kept whole' : 'the text on disk is kept whole'}.`;
  const n = result.applied;
  if (n === 0 && result.conflicts.length === 0) return 'Nothing of yours to replay: the file on disk already holds your changes.';
  const head = n === 0 ? 'None of your changes replayed on the file on disk' : `${n} of your changes replayed on the file on disk`;
  const k = result.conflicts.length;
  if (k === 0) return `${head}; no conflicts.`;
  const shown = result.conflicts.slice(0, 3).map((c) => `${c.where} (${c.kept === 'ours' ? 'yours' : "the disk's"} kept)`);
  const more = k > 3 ? `, and ${k - 3} more` : '';
  return `${head}; ${k} conflict${k === 1 ? '' : 's'}: ${shown.join('; ')}${more}.`;
}
