/** What a review says about a diff: how many lines change, and how many stay as they are. */
import type { DiffLine } from '../diff/lineDiff';

export interface DiffSummary {
  readonly added: number;
  readonly removed: number;
  /** Lines of the file on disk that stay byte for byte. */
  readonly kept: number;
}

/** Counts the lines of a line diff. */
export function summarize(lines: readonly DiffLine[]): DiffSummary {
  let added = 0;
  let removed = 0;
  let kept = 0;
  for (const l of lines) {
    if (l.kind === 'added') added++;
    else if (l.kind === 'removed') removed++;
    else kept++;
  }
  return { added, removed, kept };
}

/** `3 lines changed: +2 −1`, or `No changes`. */
export function summaryText({ added, removed }: DiffSummary): string {
  const n = added + removed;
  return n === 0 ? 'No changes' : `${n} line${n === 1 ? '' : 's'} changed: +${added} −${removed}`;
}
