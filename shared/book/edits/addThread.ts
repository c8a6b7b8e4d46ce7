import type { Thread } from '../model';
import { threadCount } from '../readers';
import { bookEdit } from './bookEdit';

/** Adds a thread at `index` among the threads (default: at the end), empty unless given. */
export const addThread = bookEdit('Add thread', (doc, { index, thread }: { readonly index?: number; readonly thread?: Partial<Thread> }) => [
  {
    op: 'insert',
    path: ['archive'],
    index: index ?? threadCount(doc.data),
    value: { name: thread?.name ?? '', text: thread?.text ?? '', replies: (thread?.replies ?? []).map((r) => ({ name: r.name, text: r.text })) },
  },
]);
