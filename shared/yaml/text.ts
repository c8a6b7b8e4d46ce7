/** Small helpers on source text shared by the parser and the editor. */

/** Column (0-based, UTF-16 units) of `offset` in `text`. */
export function columnAt(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The offset just after the newline that ends the line holding `offset`, or the end of
 * the text. When `offset` already starts a line (the character before it is a newline),
 * it is returned unchanged.
 */
export function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text.charCodeAt(offset - 1) === 10) return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** True when only spaces precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32) return false;
  }
  return true;
}

/** Replaces [from, to) of `text` with `insert`. */
export function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/**
 * `s` itself, stored as one flat piece of memory. A text made by splicing (`a.slice(0, i) +
 * x + a.slice(j)`) is a tree of pieces in V8, and each later slice or comparison of it copies
 * the whole text again, until it is flattened once; converting a string to a number flattens
 * it in place (an engine detail: elsewhere this costs a scan of the first characters and does nothing).
 */
export function flat(s: string): string {
  void Number(s);
  return s;
}
