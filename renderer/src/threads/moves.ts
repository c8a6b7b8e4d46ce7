/** Edits that move replies and threads, with positions counted as they are after the move. */
import type { BookDocument, Edit } from '../../../shared/index';
import { repliesOf, threadsOf } from './threadValue';

/** Moves reply `r` of thread `t` to thread `toThread`, landing at `toIndex` there. */
export function moveReplyEdits(doc: BookDocument, t: number, r: number, toThread: number, toIndex: number): Edit[] {
  if (t === toThread && r === toIndex) return [];
  return [{ op: 'move', from: ['archive', t, 'replies', r], to: ['archive', toThread, 'replies'], index: toIndex }];
}

/** Moves thread `t` so that it lands at `toIndex` among the threads. */
export function moveThreadEdits(_doc: BookDocument, t: number, toIndex: number): Edit[] {
  if (t === toIndex) return [];
  return [{ op: 'move', from: ['archive', t], to: ['archive'], index: toIndex }];
}

/** Where an item lands when dropped before or after item `over` of a list it may already be in (at `from`, or -1). */
export function landingIndex(from: number, over: number, after: boolean): number {
  const index = after ? over + 1 : over;
  return from >= 0 && from < index ? index - 1 : index;
}

/** How many replies thread `t` has. */
export const replyCount = (doc: BookDocument, t: number): number => repliesOf(threadsOf(doc.data)[t]).length;
