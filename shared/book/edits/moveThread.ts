import { bookEdit } from './bookEdit';

/** Moves thread `thread` so that it lands at `to` among the threads (nothing when it is there already). */
export const moveThread = bookEdit('Move thread', (_doc, { thread, to }: { readonly thread: number; readonly to: number }) =>
  thread === to ? [] : [{ op: 'move', from: ['archive', thread], to: ['archive'], index: to }],
);
