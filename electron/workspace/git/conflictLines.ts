/**
 * Where a conflict is, in lines a person can find: given the common ancestor of a file
 * and the two versions that changed it, the lines of each version whose changes touch
 * the same part of the ancestor (as git's merge decides, changes that overlap or touch
 * conflict). The line diffs are jsdiff's.
 */
import { diffLines } from 'diff';
import type { LineSpan } from '../../../shared/api';

/** A changed part: lines [from, to) of the ancestor became lines [sideFrom, sideTo) of one side. */
interface Change {
  readonly from: number;
  readonly to: number;
  readonly sideFrom: number;
  readonly sideTo: number;
}

/** The changed parts of `side` against `base`, in base order. */
function changesOf(base: string, side: string): Change[] {
  const out: Change[] = [];
  let b = 0;
  let s = 0;
  let open: { from: number; sideFrom: number } | null = null;
  const close = () => {
    if (open) out.push({ from: open.from, to: b, sideFrom: open.sideFrom, sideTo: s });
    open = null;
  };
  for (const part of diffLines(base, side)) {
    const n = part.count;
    if (!part.added && !part.removed) {
      close();
      b += n;
      s += n;
      continue;
    }
    open ??= { from: b, sideFrom: s };
    if (part.removed) b += n;
    else s += n;
  }
  close();
  return out;
}

/** Lines [from, to) of a side as a 1-based span; an empty range (lines deleted) names the line where they were. */
const spanOf = (from: number, to: number): LineSpan => ({ from: from + 1, to: Math.max(from + 1, to) });

/** The conflicting parts of a file: each as the spans of `yours` and `theirs` that change the same lines of `base`. */
export function conflictSpans(base: string, yours: string, theirs: string): { yours: LineSpan; theirs: LineSpan }[] {
  const all = [...changesOf(base, yours).map((c) => ({ ...c, mine: true })), ...changesOf(base, theirs).map((c) => ({ ...c, mine: false }))].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: { yours: LineSpan; theirs: LineSpan }[] = [];
  for (let i = 0; i < all.length; ) {
    // A group: changes that overlap or touch, as far as they chain.
    let to = all[i]!.to;
    let k = i + 1;
    while (k < all.length && all[k]!.from <= to) to = Math.max(to, all[k++]!.to);
    const group = all.slice(i, k);
    const mine = group.filter((c) => c.mine);
    const other = group.filter((c) => !c.mine);
    if (mine.length && other.length) {
      const span = (side: typeof group) => spanOf(Math.min(...side.map((c) => c.sideFrom)), Math.max(...side.map((c) => c.sideTo)));
      out.push({ yours: span(mine), theirs: span(other) });
    }
    i = k;
  }
  return out;
}

/** A span in words: "line 12" or "lines 12–14". */
export function sayLines(span: LineSpan): string {
  return span.from === span.to ? `line ${span.from}` : `lines ${span.from}–${span.to}`;
}
