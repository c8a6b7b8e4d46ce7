// A line diff (Myers, O(ND)) for asserting which lines an edit changed, as git diff shows them.

export interface LineDiff {
  /** Lines only in the old text, with 1-based line numbers. */
  readonly removed: { line: number; text: string }[];
  /** Lines only in the new text, with 1-based line numbers. */
  readonly added: { line: number; text: string }[];
}

export function lineDiff(oldText: string, newText: string): LineDiff {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  // Trim the common head and tail first: edits are local, so this keeps the search small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1)) ? v.get(k + 1) ?? 0 : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  const removed: LineDiff['removed'] = [];
  const added: LineDiff['added'] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1)) ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (x === prevX) added.unshift({ line: head + prevY + 1, text: B[prevY]! });
    else removed.unshift({ line: head + prevX + 1, text: A[prevX]! });
    x = prevX;
    y = prevY;
  }
  return { removed, added };
}
