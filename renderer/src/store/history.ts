/**
 * Undo as CodeMirror's history keeps it: each step holds the change of the text (the one
 * replacement that made it, and its inverse), not the documents around it, so 200 steps
 * on a 2 MB book cost the bytes they changed. With each change goes whether the text on
 * either side read cleanly, so undo and redo re-read only the entries the change touched
 * (shared/book/changeText.ts). A label for the Edit menu, and a group that merges a burst
 * of typing in one place into one step. The history is bounded by steps and by bytes.
 */
import { minimalEdit, detached } from '../../../shared/book/textEdit';
import type { TextEdit } from '../../../shared/book/textEdit';
import { readsCleanly } from '../../../shared/book/changeText';
import type { BookDocument } from '../../../shared/index';

export interface Step {
  /** The change from the text before the step to the text after it. */
  readonly redo: TextEdit;
  /** Its inverse: from the text after the step back to the text before. */
  readonly undo: TextEdit;
  readonly label: string;
  /** Steps of one group merge while the typing does not pause (typing in one field, in the raw view). */
  readonly group: string | null;
  /** When the step's last change was made. */
  readonly at: number;
  /** Whether the text before the step, and the text after it, read cleanly (then going back to it re-reads only what changed). */
  readonly cleanBefore: boolean;
  readonly cleanAfter: boolean;
  /** The step also renamed the book on disk (Rename to match the week, Reschedule…): undo renames it back first, redo again. */
  readonly rename?: BookRename;
}

/** A rename of the book's file (and its image folder) that a step made. */
export interface BookRename {
  readonly from: string;
  readonly to: string;
}

export interface History {
  readonly undo: readonly Step[];
  readonly redo: readonly Step[];
  /** The document the last step made, while it is the current one: a change of the same group made on it may merge. */
  readonly tip: BookDocument | null;
}

/** What a change records besides the two documents. */
export interface Record {
  readonly label: string;
  readonly group: string | null;
  /** When the change was made. */
  readonly at: number;
  /** How long the typing had paused before the change, when the caller knows better than `at` (the raw view commits typing in batches). */
  readonly pause?: number;
  /** The book was renamed on disk with this change (never merged with another step). */
  readonly rename?: BookRename;
}

export const EMPTY_HISTORY: History = { undo: [], redo: [], tip: null };
/** Typing pauses longer than this start a new undo step (CodeMirror's newGroupDelay). */
export const MERGE_MS = 500;
/** At most this many steps are kept… */
export const MAX_STEPS = 1000;
/** …and at most about this many bytes of changed text (the oldest steps go first; the latest always stays). */
export const MAX_BYTES = 32 * 1024 * 1024;

/** The bytes a step holds: its texts, two bytes a character, and a little for the objects. */
export const stepBytes = (s: Step): number => 2 * (s.redo.insert.length + s.undo.insert.length) + 160;

/** The change that turns `before` into `after`, and its inverse, owning their texts. */
function changeOf(before: string, after: string): { redo: TextEdit; undo: TextEdit } | null {
  const e = minimalEdit(before, after);
  if (!e) return null;
  const redo = { from: e.from, to: e.to, insert: detached(e.insert) };
  const undo = { from: e.from, to: e.from + e.insert.length, insert: detached(before.slice(e.from, e.to)) };
  return { redo, undo };
}

/**
 * `last` followed by `next` as one step: one replacement covering both (the texts are the
 * one before `next`, and the one after it).
 */
function merged(last: Step, next: { redo: TextEdit; undo: TextEdit }, middle: string, after: string): Step {
  const r1 = last.redo;
  const end1 = r1.from + r1.insert.length; // where the first change ends in `middle`
  const from = Math.min(r1.from, next.redo.from);
  const end = Math.max(end1, next.redo.to); // in `middle`
  const delta1 = r1.insert.length - (r1.to - r1.from);
  const delta2 = next.redo.insert.length - (next.redo.to - next.redo.from);
  const before = middle.slice(from, r1.from) + last.undo.insert + middle.slice(end1, end);
  const now = after.slice(from, end + delta2);
  return {
    ...last,
    redo: { from, to: end - delta1, insert: detached(now) },
    undo: { from, to: end + delta2, insert: detached(before) },
  };
}

/** Drops the oldest steps beyond the limits. */
function bounded(undo: Step[]): Step[] {
  let bytes = 0;
  let keep = undo.length;
  for (let i = undo.length - 1; i >= 0; i--) {
    bytes += stepBytes(undo[i]!);
    if (undo.length - i > MAX_STEPS || (bytes > MAX_BYTES && i < undo.length - 1)) break;
    keep = i;
  }
  return keep === 0 ? undo : undo.slice(keep);
}

/** Records the change from `before` to `after`; merges it into the last step when both belong to the same burst of typing. */
export function record(history: History, before: BookDocument, after: BookDocument, r: Record): History {
  // A rename that changes no byte of the text is still a step: undo renames the file back.
  const change = changeOf(before.text, after.text) ?? (r.rename ? { redo: { from: 0, to: 0, insert: '' }, undo: { from: 0, to: 0, insert: '' } } : null);
  if (!change) return history;
  const last = history.undo[history.undo.length - 1];
  const pause = r.pause ?? (last ? r.at - last.at : Infinity);
  if (last && !r.rename && !last.rename && r.group !== null && last.group === r.group && pause <= MERGE_MS && history.tip === before) {
    const step = { ...merged(last, change, before.text, after.text), at: r.at, cleanAfter: readsCleanly(after) };
    return { undo: [...history.undo.slice(0, -1), step], redo: [], tip: after };
  }
  const step: Step = { ...change, label: r.label, group: r.group, at: r.at, cleanBefore: readsCleanly(before), cleanAfter: readsCleanly(after), ...(r.rename ? { rename: r.rename } : {}) };
  return { undo: bounded([...history.undo, step]), redo: [], tip: after };
}

/** Ends the current typing burst, so the next edit starts a new step. */
export function seal(history: History): History {
  return history.tip === null ? history : { ...history, tip: null };
}

export const undoLabel = (h: History): string | null => h.undo[h.undo.length - 1]?.label ?? null;
/** The rename the next undo (or redo) would take back (or make again), if any. */
export const undoRename = (h: History): BookRename | null => h.undo[h.undo.length - 1]?.rename ?? null;
export const redoRename = (h: History): BookRename | null => h.redo[h.redo.length - 1]?.rename ?? null;
export const redoLabel = (h: History): string | null => h.redo[h.redo.length - 1]?.label ?? null;
