import { bookEdit } from './bookEdit';

/** Deletes link `index`. */
export const removeLink = bookEdit('Delete link', (_doc, { index }: { readonly index: number }) => [{ op: 'remove', path: ['links', index] }]);
