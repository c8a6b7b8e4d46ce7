/**
 * A three-way merge of lines (diff3), for the markdown body. jsdiff has no diff3, and
 * node-diff3's LCS has no bound on its cost (every repeat of a blank line is a candidate),
 * so the alignment here sits on jsdiff's Myers diff, capped at MAX_EDIT_LENGTH changes.
 * Lines of theirs are kept byte for byte; lines taken from ours get theirs' line break.
 */
import { diffArrays } from 'diff';
import { MAX_EDIT_LENGTH } from './mergeTree';

/** Lines both sides changed differently, as placed in the merged text. */
export interface LineConflict {
  /** Stable for the same three texts: `body:` and the first base line (0-based). */
  readonly key: string;
  /** First line (0-based) of the conflicting run in the merged text, and how many lines it has there. */
  readonly line: number;
  readonly count: number;
  readonly ours: string;
  readonly theirs: string;
  readonly base: string;
  readonly keptOurs: boolean;
}

/** The merged text, its conflicts, and how many runs of ours' changed lines it holds. */
export interface LineMerge {
  readonly text: string;
  readonly conflicts: LineConflict[];
  readonly applied: number;
}

/** A change of one side: base lines [bs, be) became the side's lines [ss, se). */
interface Hunk {
  readonly bs: number;
  readonly be: number;
  readonly ss: number;
  readonly se: number;
  readonly ours: boolean;
}

/** Pushes lines [from, to) of `lines`: a spread of a few hundred thousand lines would overflow the stack. */
function append(out: string[], lines: readonly string[], from: number, to: number): void {
  for (let k = from; k < to; k++) out.push(lines[k]!);
}

/** Lines with their breaks. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A line as compared: its break written as \n, so a CRLF line equals its LF copy. */
const keyOf = (line: string) => (line.endsWith('\r\n') ? line.slice(0, -2) + '\n' : line);

function hunks(base: string[], side: string[], ours: boolean): Hunk[] {
  const changes = diffArrays(base, side, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return base.length || side.length ? [{ bs: 0, be: base.length, ss: 0, se: side.length, ours }] : [];
  const out: Hunk[] = [];
  let b = 0;
  let s = 0;
  for (const c of changes) {
    if (!c.added && !c.removed) {
      b += c.count;
      s += c.count;
      continue;
    }
    const last = out[out.length - 1];
    const open = last && last.be === b && last.se === s ? out.pop()! : { bs: b, be: b, ss: s, se: s, ours };
    if (c.removed) b += c.count;
    else s += c.count;
    out.push({ ...open, be: b, se: s });
  }
  return out;
}

/** Merges the lines ours changed since `base` into `theirs`; `eol` is theirs' line break. */
export function mergeLines(base: string, ours: string, theirs: string, eol: string, keepOurs: (key: string) => boolean): LineMerge {
  const B = linesOf(base);
  const O = linesOf(ours);
  const T = linesOf(theirs);
  const [kB, kO, kT] = [B, O, T].map((lines) => lines.map(keyOf)) as [string[], string[], string[]];
  const all = [...hunks(kB, kO, true), ...hunks(kB, kT, false)].sort((x, y) => x.bs - y.bs || (x.be - x.bs) - (y.be - y.bs));
  const out: string[] = [];
  const conflicts: LineConflict[] = [];
  let applied = 0;
  let b = 0;
  let o = 0;
  let t = 0;
  const rewrite = (line: string) => (line.endsWith('\n') ? line.replace(/\r?\n$/, eol) : line);
  for (let i = 0; i < all.length; ) {
    // A run of hunks whose base ranges overlap, or insertions at one place.
    const lo = all[i]!.bs;
    let hi = all[i]!.be;
    const run: Hunk[] = [];
    while (i < all.length) {
      const h = all[i]!;
      if (run.length && !(h.bs < hi || (h.bs === h.be && lo === hi && h.bs === lo))) break;
      run.push(h);
      hi = Math.max(hi, h.be);
      i++;
    }
    const same = lo - b;
    append(out, T, t, t + same);
    o += same;
    t += same;
    const grow = (mine: boolean) => run.filter((h) => h.ours === mine).reduce((n, h) => n + (h.se - h.ss) - (h.be - h.bs), hi - lo);
    const oEnd = o + grow(true);
    const tEnd = t + grow(false);
    const oursPart = O.slice(o, oEnd);
    const theirsPart = T.slice(t, tEnd);
    const byOurs = run.some((h) => h.ours);
    const byTheirs = run.some((h) => !h.ours);
    let takeOurs = byOurs && !byTheirs;
    if (byOurs && byTheirs && kO.slice(o, oEnd).join('') !== kT.slice(t, tEnd).join('')) {
      const key = `body:${lo}`;
      takeOurs = keepOurs(key);
      const kept = takeOurs ? oursPart : theirsPart;
      conflicts.push({ key, line: out.length, count: kept.length, ours: oursPart.join(''), theirs: theirsPart.join(''), base: B.slice(lo, hi).join(''), keptOurs: takeOurs });
    }
    if (takeOurs) {
      append(out, oursPart.map(rewrite), 0, oursPart.length);
      applied++;
    } else {
      append(out, theirsPart, 0, theirsPart.length);
    }
    b = hi;
    o = oEnd;
    t = tEnd;
  }
  append(out, T, t, T.length);
  // A last line without a break that now has lines after it takes one.
  for (let k = 0; k < out.length - 1; k++) if (!out[k]!.endsWith('\n')) out[k] += eol;
  return { text: out.join(''), conflicts, applied };
}
