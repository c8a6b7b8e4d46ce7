import { bookEdit } from './bookEdit';

/** Deletes reply `reply` of thread `thread`. */
export const removeReply = bookEdit('Delete reply', (_doc, { thread, reply }: { readonly thread: number; readonly reply: number }) => [{ op: 'remove', path: ['archive', thread, 'replies', reply] }]);
