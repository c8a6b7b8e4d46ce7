import { EditError } from '../../yaml/edit';
import { repliesAt } from './checks';
import { bookEdit } from './bookEdit';

/** Turns reply `reply` of thread `thread` into its own thread, placed right after that thread. */
export const promoteReply = bookEdit('Promote reply to thread', (doc, { thread, reply }: { readonly thread: number; readonly reply: number }) => {
  if (reply < 0 || reply >= repliesAt(doc, thread).length) throw new EditError(`Thread ${thread + 1} has no reply ${reply + 1}.`);
  return [{ op: 'move', from: ['archive', thread, 'replies', reply], to: ['archive'], index: thread + 1 }];
});
