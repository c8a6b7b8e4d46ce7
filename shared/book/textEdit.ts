/**
 * One replacement in a text — the unit of change of the raw view and of undo, as a
 * CodeMirror change is: [from, to) of the old text replaced by `insert`.
 */

import { flat } from '../yaml/text';

/** [from, to) of the old text replaced by `insert`. */
export interface TextEdit {
  readonly from: number;
  /** End of the replaced part, in the old text. */
  readonly to: number;
  readonly insert: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Length of the common start of `a` and `b`, compared a block at a time (a 2 MB text in a millisecond or two). */
function commonStart(a: string, b: string, max: number): number {
  let p = 0;
  for (let step = 1024; p < max; ) {
    const n = Math.min(step, max - p);
    if (a.slice(p, p + n) === b.slice(p, p + n)) {
      p += n;
      step *= 2;
    } else if (n > 16) step = n >> 1;
    else break;
  }
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common end of `a` and `b`, at most `max`. */
function commonEnd(a: string, b: string, max: number): number {
  let s = 0;
  for (let step = 1024; s < max; ) {
    const n = Math.min(step, max - s);
    if (a.slice(a.length - s - n, a.length - s) === b.slice(b.length - s - n, b.length - s)) {
      s += n;
      step *= 2;
    } else if (n > 16) step = n >> 1;
    else break;
  }
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/** The smallest single edit from `a` to `b`; it never splits a `\r\n` or a surrogate pair. Null when equal. */
export function minimalEdit(a: string, b: string): TextEdit | null {
  if (a === b) return null;
  // Both are compared in slices below: a text made by splicing would be copied whole for each slice.
  flat(a);
  flat(b);
  const max = Math.min(a.length, b.length);
  let p = commonStart(a, b, max);
  if (p > 0 && (a.charCodeAt(p - 1) === 13 || isHigh(a.charCodeAt(p - 1)))) p--;
  let s = commonEnd(a, b, max - p);
  if (s > 0 && ((a.charCodeAt(a.length - s) === 10 && a.charCodeAt(a.length - s - 1) === 13) || isLow(a.charCodeAt(a.length - s)))) s--;
  return { from: p, to: a.length - s, insert: b.slice(p, b.length - s) };
}

/** How far an insertion or deletion is slid along equal text to find a line start. */
const SLIDE = 4096;

/**
 * The same edit placed at the start of a line when it can be: an insertion or deletion next
 * to equal text could be made in several places (`- b\n` inserted after `- a\n` is also
 * `\n- b` inserted before its line break), and the one at a line start is whole entries,
 * not the end of one entry and the start of the next. The last such place is taken.
 */
export function lineAligned(text: string, e: TextEdit): TextEdit {
  const atLineStart = (p: number) => p === 0 || text.charCodeAt(p - 1) === 10;
  if (e.from === e.to && e.insert !== '' && e.insert.length <= 65_536) {
    let from = e.from;
    let insert = e.insert;
    for (let n = 0; n < SLIDE && from > 0 && text.charCodeAt(from - 1) === insert.charCodeAt(insert.length - 1); n++) {
      insert = text[from - 1] + insert.slice(0, -1);
      from--;
    }
    let best: TextEdit | null = atLineStart(from) ? { from, to: from, insert } : null;
    for (let n = 0; n < 2 * SLIDE && from < text.length && text.charCodeAt(from) === insert.charCodeAt(0); n++) {
      insert = insert.slice(1) + text[from];
      from++;
      if (atLineStart(from)) best = { from, to: from, insert };
    }
    return best ?? e;
  }
  if (e.insert === '' && e.from < e.to) {
    let { from, to } = e;
    for (let n = 0; n < SLIDE && from > 0 && text.charCodeAt(from - 1) === text.charCodeAt(to - 1); n++) {
      from--;
      to--;
    }
    let best: TextEdit | null = atLineStart(from) ? { from, to, insert: '' } : null;
    for (let n = 0; n < 2 * SLIDE && to < text.length && text.charCodeAt(from) === text.charCodeAt(to); n++) {
      from++;
      to++;
      if (atLineStart(from)) best = { from, to, insert: '' };
    }
    return best ?? e;
  }
  return e;
}

/** The text after an edit. */
export const applyTextEdit = (text: string, e: TextEdit): string => text.slice(0, e.from) + e.insert + text.slice(e.to);

/** A copy of a string that shares no memory with the text it was cut from (a slice can keep a whole 2 MB text alive; V8 copies slices shorter than 13 characters anyway). */
export const detached = (s: string): string => (s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string));
