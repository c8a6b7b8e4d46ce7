import { EditError } from '../../yaml/edit';
import type { Edit } from '../document';
import { isObj, nameOf, textOf, threadsOf } from '../readers';
import { repliesAt } from './checks';
import { demoteThread } from './demoteThread';
import { bookEdit } from './bookEdit';

/**
 * Merges thread `from` into thread `into`: when both were asked by the same person, the
 * question texts join (a blank line between); otherwise `from`'s question becomes a reply.
 * `from`'s replies follow, and `from` is removed.
 */
export const mergeThreads = bookEdit('Merge threads', (doc, { into, from }: { readonly into: number; readonly from: number }) => {
  if (into === from) throw new EditError('A thread cannot be merged into itself.');
  const a = threadsOf(doc.data)[into];
  const b = threadsOf(doc.data)[from];
  if (!isObj(a) || !isObj(b)) throw new EditError('Both threads must exist to merge them.');
  if (nameOf(a) !== nameOf(b)) return demoteThread(doc, { thread: from, target: into });
  const edits: Edit[] = [{ op: 'set', path: ['archive', into, 'text'], value: [textOf(a), textOf(b)].filter(Boolean).join('\n\n') }];
  const n = repliesAt(doc, into).length;
  const own = repliesAt(doc, from).length;
  for (let i = 0; i < own; i++) edits.push({ op: 'move', from: ['archive', from, 'replies', 0], to: ['archive', into, 'replies'], index: n + i });
  edits.push({ op: 'remove', path: ['archive', from] });
  return edits;
});
