/** What the form components may do to the book: a set (typing, merged per field) or a list of edits. */
import type { BookDocument, Edit, Path, Value } from '../../../shared/index';

export interface FormActions {
  /** Sets one value; bursts of typing in the same field merge into one undo step. */
  set(path: Path, value: Value, label: string): void;
  /** Runs edits built from the current document as one undo step. Returns whether they applied. */
  run(label: string, edits: (doc: BookDocument) => readonly Edit[]): boolean;
  /** Moves keyboard focus to a field once it has rendered. */
  focus(path: string): void;
}
