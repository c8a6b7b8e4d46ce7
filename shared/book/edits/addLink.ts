import { fieldOf } from '../readers';
import { bookEdit } from './bookEdit';

/** Adds an empty link at the end of the links, starting the list when there is none. */
export const addLink = bookEdit('Add link', (doc, _args: undefined) => {
  const list = fieldOf(doc.data, 'links');
  const link = { text: '', link: '' };
  return Array.isArray(list) ? [{ op: 'insert', path: ['links'], index: list.length, value: link }] : [{ op: 'set', path: ['links'], value: [link] }];
});
