/** A line diff for Review and Compare: which lines are only on disk, only here, or in both (jsdiff's Myers diff over the lines). */
import { diffArrays } from 'diff';

export interface DiffLine {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
  /** 1-based line in the old (disk) text, or the new one for added lines. */
  readonly line: number;
}

/** The lines of both texts in order, split at `\n` (a `\r` stays part of its line, so a changed line ending shows). */
export function lineDiff(oldText: string, newText: string): DiffLine[] {
  const out: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffArrays(oldText.split('\n'), newText.split('\n'))) {
    for (const text of part.value) {
      if (part.added) out.push({ kind: 'added', text, line: newLine++ });
      else if (part.removed) out.push({ kind: 'removed', text, line: oldLine++ });
      else {
        out.push({ kind: 'same', text, line: oldLine++ });
        newLine++;
      }
    }
  }
  return out;
}
