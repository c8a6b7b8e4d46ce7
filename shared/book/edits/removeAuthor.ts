import { bookEdit } from './bookEdit';

/** Removes author `index`. */
export const removeAuthor = bookEdit('Remove author', (_doc, { index }: { readonly index: number }) => [{ op: 'remove', path: ['authors', index] }]);
