import { bookEdit } from './bookEdit';

/** Deletes thread `thread` with its replies. */
export const removeThread = bookEdit('Delete thread', (_doc, { thread }: { readonly thread: number }) => [{ op: 'remove', path: ['archive', thread] }]);
