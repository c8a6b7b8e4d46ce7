import { bookEdit } from './bookEdit';

/** Moves author `from` to position `to`. */
export const moveAuthor = bookEdit('Move author', (_doc, { from, to }: { readonly from: number; readonly to: number }) => [{ op: 'move', from: ['authors', from], to: ['authors'], index: to }]);
