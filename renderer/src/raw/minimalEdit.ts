/** The one replacement that turns a text into another: what lies between their common start and end. */

export interface TextEdit {
  readonly from: number;
  /** End of the replaced part, in the old text. */
  readonly to: number;
  readonly insert: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The smallest single edit from `a` to `b`; it never splits a `\r\n` or a surrogate pair. Null when equal. */
export function minimalEdit(a: string, b: string): TextEdit | null {
  if (a === b) return null;
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && (a.charCodeAt(p - 1) === 13 || isHigh(a.charCodeAt(p - 1)))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && ((a.charCodeAt(a.length - s) === 10 && a.charCodeAt(a.length - s - 1) === 13) || isLow(a.charCodeAt(a.length - s)))) s--;
  return { from: p, to: a.length - s, insert: b.slice(p, b.length - s) };
}
