// Which lines an edit changed, as git diff shows them: the editor's own line diff, grouped.
import { lineDiff as diffLines } from '../renderer/src/diff/lineDiff';

export interface LineDiff {
  /** Lines only in the old text, with 1-based line numbers. */
  readonly removed: { line: number; text: string }[];
  /** Lines only in the new text, with 1-based line numbers. */
  readonly added: { line: number; text: string }[];
}

export function lineDiff(oldText: string, newText: string): LineDiff {
  const lines = diffLines(oldText, newText);
  const pick = (kind: 'removed' | 'added') => lines.filter((l) => l.kind === kind).map(({ line, text }) => ({ line, text }));
  return { removed: pick('removed'), added: pick('added') };
}
