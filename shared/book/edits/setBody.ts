import { bookEdit } from './bookEdit';

/** What setBody takes: the whole markdown after the front matter. */
export interface SetBodyArgs {
  readonly value: string;
}

/** Replaces the body (the markdown after the front matter) and nothing else; typing in it merges into one undo step. */
export const setBody = bookEdit(
  () => 'Edit body',
  (_doc, { value }: SetBodyArgs) => [{ op: 'setBody', value }],
  () => 'set:body',
);
