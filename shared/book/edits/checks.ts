/** Checks the edits share: that the thread or reply an edit names exists. */
import { EditError } from '../../yaml/edit';
import type { Value } from '../../yaml/tree';
import type { BookDocument } from '../document';
import { isObj, repliesOf, threadsOf } from '../readers';

/** Thread `t`, or an EditError when there is none. */
export function threadAt(doc: BookDocument, t: number): Value {
  const thread = threadsOf(doc.data)[t];
  if (!isObj(thread)) throw new EditError(`There is no thread ${t + 1}.`);
  return thread;
}

/** The replies of thread `t`, or an EditError when there is no such thread. */
export const repliesAt = (doc: BookDocument, t: number): readonly Value[] => repliesOf(threadAt(doc, t));
