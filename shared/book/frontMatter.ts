/**
 * Finds the front matter as Jekyll does: the file (after an optional BOM) starts with a
 * `---` line, and the front matter runs to the next line that is `---` or `...`.
 */

export interface FrontMatterSplit {
  /** Length of the BOM (0 or 1). */
  readonly bom: number;
  /** Offset of the first byte of the YAML, after the opening line. */
  readonly start: number;
  /** Offset just past the YAML: the start of the closing line. */
  readonly end: number;
  /** Offset of the body: just after the closing line's line break. */
  readonly bodyStart: number;
  /** The line break of the opening line. */
  readonly eol: '\n' | '\r\n';
}

export type SplitResult =
  | { readonly kind: 'ok'; readonly split: FrontMatterSplit }
  | { readonly kind: 'none' }
  | { readonly kind: 'unterminated'; readonly start: number; readonly openerEnd: number };

const OPENER = /^---[ \t]*(\r?\n)/;
const CLOSER_LINE = /^(?:---|\.\.\.)[ \t]*\r?$/;

/** The first `---` or `...` line at or after `from` (a line start): [start, end after its break]. */
function findCloser(text: string, from: number): [number, number] | null {
  // Only \n ends a line here, as in Jekyll (a JS regex with the m flag would also split at U+2028).
  for (let at = from; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (CLOSER_LINE.test(text.slice(at, end))) return [at, nl < 0 ? end : nl + 1];
    if (nl < 0) return null;
    at = nl + 1;
  }
  return null;
}

export function splitFrontMatter(text: string): SplitResult {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opener = OPENER.exec(bom ? text.slice(1) : text);
  if (!opener) return { kind: 'none' };
  const start = bom + opener[0].length;
  const closer = findCloser(text, start);
  if (!closer) return { kind: 'unterminated', start: bom, openerEnd: start };
  return { kind: 'ok', split: { bom, start, end: closer[0], bodyStart: closer[1], eol: opener[1] === '\r\n' ? '\r\n' : '\n' } };
}
