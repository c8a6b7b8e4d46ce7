/**
 * A named edit of the book: a pure function from the document and the edit's arguments to
 * the plain edits that make it (document.ts applies them), with the label the undo menu
 * shows. Edits that follow typing name a group, so a burst of typing merges into one step.
 */
import type { BookDocument, Edit } from '../document';
import { applyEdits } from '../document';

/** `(doc, args) => Edit[]`, with its label (and, for typing, its group). */
export type BookEdit<A> = ((doc: BookDocument, args: A) => Edit[]) & {
  /** What the undo menu says: `Undo Move reply`. */
  readonly label: string | ((args: A) => string);
  /** Edits of one group in a burst of typing merge into one undo step. */
  readonly group?: (args: A) => string;
};

/** Names an edit: its label and the function that builds it. */
export function bookEdit<A>(label: BookEdit<A>['label'], build: (doc: BookDocument, args: A) => Edit[], group?: (args: A) => string): BookEdit<A> {
  return Object.assign(build, group ? { label, group } : { label });
}

/** The undo label of an edit with these arguments. */
export const labelOf = <A>(edit: BookEdit<A>, args: A): string => (typeof edit.label === 'string' ? edit.label : edit.label(args));

/** Applies a named edit (throws the core's EditError when it cannot apply). */
export const applyBookEdit = <A>(doc: BookDocument, edit: BookEdit<A>, args: A): BookDocument => applyEdits(doc, edit(doc, args));
