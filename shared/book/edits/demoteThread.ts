import { EditError } from '../../yaml/edit';
import type { Edit } from '../document';
import { isObj } from '../readers';
import { repliesAt, threadAt } from './checks';
import { bookEdit } from './bookEdit';

/** What demoteThread takes: the thread, the thread it joins, and its place among that one's replies (default: the end). */
export interface DemoteThreadArgs {
  readonly thread: number;
  readonly target: number;
  readonly index?: number;
}

/** Turns a thread into a reply of another thread; the thread's own replies follow it. */
export const demoteThread = bookEdit('Demote thread to reply', (doc, { thread, target, index }: DemoteThreadArgs) => {
  if (thread === target) throw new EditError('A thread cannot become a reply of itself.');
  const own = repliesAt(doc, thread).length;
  const at = index ?? repliesAt(doc, target).length;
  const edits: Edit[] = [];
  // Move the thread's replies first (they land after the thread's own place), then the thread.
  for (let i = 0; i < own; i++) edits.push({ op: 'move', from: ['archive', thread, 'replies', 0], to: ['archive', target, 'replies'], index: at + i });
  const value = threadAt(doc, thread);
  if (isObj(value) && 'replies' in value) edits.push({ op: 'remove', path: ['archive', thread, 'replies'] });
  edits.push({ op: 'move', from: ['archive', thread], to: ['archive', target, 'replies'], index: at });
  return edits;
});
