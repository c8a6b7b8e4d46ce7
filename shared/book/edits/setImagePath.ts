import { bookEdit } from './bookEdit';

/** The book's image paths: the cover and the preview card. */
export interface SetImagePathArgs {
  readonly key: 'cover' | 'image';
  /** The site-relative path of the file just written. */
  readonly value: string;
}

/** Points `cover` or `image` at a file the editor just wrote: one undo step of its own ("Set cover"), never merged with typing. */
export const setImagePath = bookEdit(
  ({ key }: SetImagePathArgs) => (key === 'cover' ? 'Set cover' : 'Set preview image'),
  (_doc, { key, value }) => [{ op: 'set', path: [key], value }],
);
