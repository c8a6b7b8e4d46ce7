import { bookEdit } from './bookEdit';

/** What editThread takes: the thread, which of its fields, and the new text. */
export interface EditThreadArgs {
  readonly thread: number;
  readonly key: 'name' | 'text';
  readonly value: string;
}

/** Sets a thread's name or question text; typing in one field merges into one undo step. */
export const editThread = bookEdit(
  ({ key }: EditThreadArgs) => (key === 'name' ? 'Edit thread name' : 'Edit question'),
  (_doc, { thread, key, value }: EditThreadArgs) => [{ op: 'set', path: ['archive', thread, key], value }],
  ({ thread, key }) => `set:archive.${thread}.${key}`,
);
