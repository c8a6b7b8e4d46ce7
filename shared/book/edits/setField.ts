import { bookEdit } from './bookEdit';

/** The book's text fields: what setField sets. */
export type TextField = 'title' | 'description' | 'cover' | 'image' | 'start' | 'end';

/** Sets one of the book's text fields (adding the key when it is missing); typing in one field merges into one undo step. */
export const setField = bookEdit(
  ({ key }: { readonly key: TextField; readonly value: string }) => `Edit ${key}`,
  (_doc, { key, value }) => [{ op: 'set', path: [key], value }],
  ({ key }) => `set:${key}`,
);
