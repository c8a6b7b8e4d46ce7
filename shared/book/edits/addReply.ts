import type { Reply } from '../model';
import { repliesAt } from './checks';
import { bookEdit } from './bookEdit';

/** Adds a reply to thread `thread` at `index` among its replies (default: at the end). */
export const addReply = bookEdit('Add reply', (doc, { thread, reply, index }: { readonly thread: number; readonly reply: Reply; readonly index?: number }) => [
  { op: 'insert', path: ['archive', thread, 'replies'], index: index ?? repliesAt(doc, thread).length, value: { name: reply.name, text: reply.text } },
]);
