// Where a conflict is: the lines of each side whose changes touch the same lines of the common ancestor.
import { describe, expect, it } from 'vitest';
import { conflictSpans, sayLines } from '../../electron/workspace/git/conflictLines';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
const text = (l: string[]) => `${l.join('\n')}\n`;

describe('conflictSpans', () => {
  it('names the lines of each side in that side\'s own numbering, though other changes moved them', () => {
    const base = lines(20);
    const yours = [...base];
    yours.splice(1, 0, 'mine, early'); // shifts your later lines by one
    yours[10] = 'line 10, mine'; // base line 10 is now your line 11
    const theirs = [...base];
    theirs.splice(15, 0, 'theirs, late'); // after the conflict: shifts nothing before it
    theirs[9] = 'line 10, theirs';
    theirs.splice(3, 2); // removes lines 4–5: their line 8 is base line 10
    expect(conflictSpans(text(base), text(yours), text(theirs))).toEqual([{ yours: { from: 11, to: 11 }, theirs: { from: 8, to: 8 } }]);
  });

  it('finds no conflict when the changes are apart, and one when they touch', () => {
    const base = lines(10);
    const a = [...base];
    a[1] = 'a';
    const b = [...base];
    b[7] = 'b';
    expect(conflictSpans(text(base), text(a), text(b))).toEqual([]);
    const c = [...base];
    c[2] = 'c';
    expect(conflictSpans(text(base), text(a), text(c))).toEqual([{ yours: { from: 2, to: 2 }, theirs: { from: 3, to: 3 } }]);
  });

  it('spans several lines, and an insertion meeting a change', () => {
    const base = lines(10);
    const a = [...base.slice(0, 4), 'x', 'y', 'z', ...base.slice(6)];
    const b = [...base.slice(0, 5), 'inserted', ...base.slice(5)];
    expect(conflictSpans(text(base), text(a), text(b))).toEqual([{ yours: { from: 5, to: 7 }, theirs: { from: 6, to: 6 } }]);
    expect(sayLines({ from: 5, to: 7 })).toBe('lines 5–7');
    expect(sayLines({ from: 6, to: 6 })).toBe('line 6');
  });
});
