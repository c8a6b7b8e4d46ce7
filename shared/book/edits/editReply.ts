import { bookEdit } from './bookEdit';

/** What editReply takes: the reply, which of its fields, and the new text. */
export interface EditReplyArgs {
  readonly thread: number;
  readonly reply: number;
  readonly key: 'name' | 'text';
  readonly value: string;
}

/** Sets a reply's name or text; typing in one field merges into one undo step. */
export const editReply = bookEdit(
  ({ key }: EditReplyArgs) => `Edit reply ${key}`,
  (_doc, { thread, reply, key, value }: EditReplyArgs) => [{ op: 'set', path: ['archive', thread, 'replies', reply, key], value }],
  ({ thread, reply, key }) => `set:archive.${thread}.replies.${reply}.${key}`,
);
