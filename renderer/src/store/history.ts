/**
 * Undo as a history of states: each step keeps the document before and after (the
 * objects themselves, so undo never re-parses), a label for the Edit menu, and a group
 * key that lets a burst of typing in one field merge into one step.
 */
import type { BookDocument } from '../../../shared/index';

export interface Step {
  readonly before: BookDocument;
  readonly after: BookDocument;
  readonly label: string;
  /** Steps with the same group within MERGE_MS merge (typing in one field). */
  readonly group: string | null;
  readonly at: number;
}

export interface History {
  readonly undo: readonly Step[];
  readonly redo: readonly Step[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };
/** Typing pauses longer than this start a new undo step (CodeMirror's newGroupDelay). */
export const MERGE_MS = 500;
const LIMIT = 1000;

/** Records a step; merges it into the last one when both belong to the same typing burst. */
export function record(history: History, step: Step): History {
  const last = history.undo[history.undo.length - 1];
  if (last && step.group !== null && last.group === step.group && step.at - last.at <= MERGE_MS && last.after === step.before) {
    const merged: Step = { ...last, after: step.after, at: step.at };
    return { undo: [...history.undo.slice(0, -1), merged], redo: [] };
  }
  const undo = history.undo.length >= LIMIT ? history.undo.slice(1) : history.undo;
  return { undo: [...undo, step], redo: [] };
}

/** Ends the current typing burst, so the next edit starts a new step. */
export function seal(history: History): History {
  const last = history.undo[history.undo.length - 1];
  if (!last || last.group === null) return history;
  return { ...history, undo: [...history.undo.slice(0, -1), { ...last, group: null }] };
}

export const undoLabel = (h: History): string | null => h.undo[h.undo.length - 1]?.label ?? null;
export const redoLabel = (h: History): string | null => h.redo[h.redo.length - 1]?.label ?? null;
