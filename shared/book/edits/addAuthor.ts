import { fieldOf } from '../readers';
import { bookEdit } from './bookEdit';

/** Adds an author (a people id or a free name) at the end of the authors, starting the list when there is none. */
export const addAuthor = bookEdit('Add author', (doc, { author }: { readonly author: string }) => {
  const list = fieldOf(doc.data, 'authors');
  return Array.isArray(list) ? [{ op: 'insert', path: ['authors'], index: list.length, value: author }] : [{ op: 'set', path: ['authors'], value: [author] }];
});
