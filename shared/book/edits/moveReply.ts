import { bookEdit } from './bookEdit';

/** What moveReply takes: the reply, and where it lands (positions counted as they are after the move). */
export interface MoveReplyArgs {
  readonly thread: number;
  readonly reply: number;
  readonly toThread: number;
  readonly toIndex: number;
}

/** Moves a reply within its thread or to another thread (nothing when it is there already). */
export const moveReply = bookEdit('Move reply', (_doc, { thread, reply, toThread, toIndex }: MoveReplyArgs) =>
  thread === toThread && reply === toIndex ? [] : [{ op: 'move', from: ['archive', thread, 'replies', reply], to: ['archive', toThread, 'replies'], index: toIndex }],
);
