/**
 * Offsets in the book's text and positions in a Monaco model of it. Monaco drops a BOM
 * from the model and holds one kind of line break, so lines and columns (1-based, UTF-16,
 * line breaks excluded) are the common ground: they mean the same place in both texts.
 */

/** A place in the model: 1-based line and column. */
export interface ModelPosition {
  readonly lineNumber: number;
  readonly column: number;
}

const bomOf = (text: string): number => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

/** Where line `line` (1-based) starts in `text`, and where its content ends (before `\r\n` or `\n`). */
function lineBounds(text: string, line: number): [number, number] {
  let start = bomOf(text);
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  else if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return [start, end];
}

/** The offset in `text` of a model position (clamped to the line's content). */
export function offsetOf(text: string, position: ModelPosition): number {
  const [start, end] = lineBounds(text, position.lineNumber);
  return Math.min(end, start + Math.max(0, position.column - 1));
}

/** The model position of an offset in `text` (an offset inside a line break counts as the line's end). */
export function positionOf(text: string, offset: number): ModelPosition {
  const o = Math.max(0, Math.min(offset, text.length));
  const bom = bomOf(text);
  let line = 1;
  let start = bom;
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < o; nl = text.indexOf('\n', start)) {
    line++;
    start = nl + 1;
  }
  let at = Math.max(o, start);
  if (at > start && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10) at--;
  return { lineNumber: line, column: at - start + 1 };
}
