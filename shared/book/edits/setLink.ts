import { bookEdit } from './bookEdit';

/** What setLink takes: the link, which of its fields, and the new text. */
export interface SetLinkArgs {
  readonly index: number;
  readonly key: 'text' | 'link';
  readonly value: string;
}

/** Sets a link's text or URL; typing in one field merges into one undo step. */
export const setLink = bookEdit(
  ({ key }: SetLinkArgs) => (key === 'link' ? 'Edit link address' : 'Edit link text'),
  (_doc, { index, key, value }: SetLinkArgs) => [{ op: 'set', path: ['links', index, key], value }],
  ({ index, key }) => `set:links.${index}.${key}`,
);
