/**
 * A fast reader for the YAML that book files are made of: block mappings and sequences,
 * plain, single- and double-quoted scalars (folded over lines or not), one-line flow
 * lists of scalars, comments and blank lines. It builds the same tree as parse.ts, about
 * five times faster. On anything else (block scalars, anchors, tags, numbers, odd
 * indentation, any error) it gives up and returns null, and the `yaml` package reads the
 * source instead: this reader may decline, but never reads differently.
 */
import { MAX_DEPTH } from './tree';
import type { Entry, ScalarNode, ScalarStyle, Value, YNode } from './tree';
import { setOwn } from './value';

class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

const SP = 32;
const TAB = 9;
const NL = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;

// Plain scalars the core schema reads as numbers: leave them to the yaml package.
const NUMBERISH = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// Characters whose reading differs between YAML versions or parsers, and tabs (whose rules are subtle): leave them to the yaml package.
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const UNUSUAL = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]|\r(?!\n)/;

/** `value` without trailing spaces and tabs. */
function trimEnd(value: string): string {
  let end = value.length;
  while (end > 0 && (value.charCodeAt(end - 1) === SP || value.charCodeAt(end - 1) === TAB)) end--;
  return end === value.length ? value : value.slice(0, end);
}
/** A letter or `_`: how a key (or a plain flow item) may start. */
const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** A character of a key: a letter, a digit, `_`, `.` or `-`. */
const isKeyChar = (c: number) => isWordStart(c) || (c >= 48 && c <= 57) || c === 46 || c === DASH;

function resolvePlain(s: string): string | boolean | null {
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (NUMBERISH.test(s)) decline();
  return s;
}

/** Reads `src`; returns null when it holds anything this reader does not handle. */
export function fastParse(src: string): { root: YNode | null } | null {
  if (UNUSUAL.test(src)) return null;
  try {
    return { root: new Reader(src).document() };
  } catch (e) {
    if (e instanceof Decline) return null;
    throw e;
  }
}

interface Built {
  node: YNode;
  /** Absolute end of the node's last character. */
  end: number;
}

class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  document(): YNode | null {
    this.skipBlank();
    if (this.pos >= this.src.length) return null;
    const col = this.indentAt(this.pos);
    const first = this.pos + col;
    let root: Built;
    if (this.isDash(first)) root = this.seq(col, first, 0, false, 0);
    else if (this.looksLikeKey(first)) root = this.map(col, first, 0, 0);
    else {
      // A scalar (or one-line flow list) alone: what an edit reads back to check what it wrote.
      // Its continuation lines may start at any column (a root node's parent is at -1).
      root = this.inlineValue(first, -1, 0);
      this.pos = this.endOfLine(root.end);
    }
    this.skipBlank();
    if (this.pos < this.src.length) decline();
    return root.node;
  }

  /** Moves past blank and comment lines; leaves `pos` at the start of the next content line (or the end). */
  skipBlank(): void {
    const s = this.src;
    let p = this.pos;
    while (p < s.length) {
      let q = p;
      while (q < s.length && s.charCodeAt(q) === SP) q++;
      const c = s.charCodeAt(q);
      if (q >= s.length) {
        p = q;
        break;
      }
      if (c === NL) p = q + 1;
      else if (c === CR && s.charCodeAt(q + 1) === NL) p = q + 2;
      else if (c === HASH) {
        const nl = s.indexOf('\n', q);
        p = nl < 0 ? s.length : nl + 1;
      } else if (c === TAB) decline();
      else break;
    }
    this.pos = p;
  }

  /** Spaces at the start of the line starting at `lineStart`. */
  indentAt(lineStart: number): number {
    const s = this.src;
    let q = lineStart;
    while (s.charCodeAt(q) === SP) q++;
    if (s.charCodeAt(q) === TAB) decline();
    return q - lineStart;
  }

  isDash(p: number): boolean {
    if (this.src.charCodeAt(p) !== DASH) return false;
    const c = this.src.charCodeAt(p + 1);
    return c === SP || c === NL || c === CR || Number.isNaN(c);
  }

  /** After a value ending at `p`: allow spaces and a comment; return the offset after the line break. */
  endOfLine(p: number): number {
    const s = this.src;
    while (s.charCodeAt(p) === SP) p++;
    const c = s.charCodeAt(p);
    if (c === HASH) {
      if (s.charCodeAt(p - 1) !== SP) decline();
      const nl = s.indexOf('\n', p);
      return nl < 0 ? s.length : nl + 1;
    }
    if (c === CR && s.charCodeAt(p + 1) === NL) return p + 2;
    if (c === NL) return p + 1;
    if (p >= s.length) return p;
    return decline();
  }

  /** The next content line's start and indentation, without moving; null at the end. */
  peekLine(): { start: number; col: number } | null {
    const save = this.pos;
    this.skipBlank();
    const start = this.pos;
    this.pos = save;
    if (start >= this.src.length) return null;
    return { start, col: this.indentAt(start) };
  }

  /** A block mapping whose first key is at `first`, keys at column `col`. */
  map(col: number, first: number, base: number, depth: number): Built {
    if (depth > MAX_DEPTH) decline();
    const s = this.src;
    const entries: Entry[] = [];
    const value: { [k: string]: Value } = {};
    let keyStart = first;
    for (;;) {
      let p = keyStart;
      if (!isWordStart(s.charCodeAt(p))) decline();
      while (isKeyChar(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) !== COLON) decline();
      const key = s.slice(keyStart, p);
      // A key met before is already an own property of the value: no set of keys beside it.
      if (Object.prototype.hasOwnProperty.call(value, key) || resolvePlain(key) !== key) decline();
      const colon = p;
      const after = s.charCodeAt(colon + 1);
      let child: YNode;
      let entryEnd: number;
      if (after === SP || after === NL || after === CR || Number.isNaN(after)) {
        let q = colon + 1;
        while (s.charCodeAt(q) === SP) q++;
        const c = s.charCodeAt(q);
        if (c === NL || c === CR || c === HASH || q >= s.length) {
          // The value starts on a later line, or is empty.
          this.pos = this.endOfLine(q);
          const next = this.peekLine();
          if (next && next.col > col) {
            this.skipBlank();
            const at = next.start + next.col;
            const built = this.isDash(at) ? this.seq(next.col, at, first, false, depth + 1) : this.map(next.col, at, first, depth + 1);
            child = built.node;
            entryEnd = this.pos;
          } else if (next && next.col === col && this.isDash(next.start + col)) {
            this.skipBlank();
            child = this.seq(col, next.start + col, first, true, depth + 1).node;
            entryEnd = this.pos;
          } else {
            child = { kind: 'scalar', start: colon + 1 - first, length: 0, style: 'empty', value: null };
            entryEnd = this.pos;
          }
        } else {
          const built = this.inlineValue(q, col, first);
          child = built.node;
          this.pos = this.endOfLine(built.end);
          entryEnd = this.pos;
        }
      } else {
        return decline();
      }
      entries.push({ start: keyStart - first, end: entryEnd - first, key, keyEnd: colon - first, colon: colon - first, node: child });
      setOwn(value, key, child.value as Value);
      const next = this.peekLine();
      if (!next || next.col < col) break;
      if (next.col > col) decline();
      this.skipBlank();
      keyStart = next.start + col;
    }
    const length = entries[entries.length - 1]!.end;
    return { node: { kind: 'map', start: first - base, length, flow: false, column: col, entries, value }, end: first + length };
  }

  /** A block sequence whose first dash is at `first`, dashes at column `col` (the key's, when `indentless`). */
  seq(col: number, first: number, base: number, indentless: boolean, depth: number): Built {
    if (depth > MAX_DEPTH) decline();
    const s = this.src;
    const entries: Entry[] = [];
    const value: Value[] = [];
    let dash = first;
    for (;;) {
      let q = dash + 1;
      while (s.charCodeAt(q) === SP) q++;
      const c = s.charCodeAt(q);
      let child: YNode;
      if (c === NL || c === CR || c === HASH || q >= s.length) {
        this.pos = this.endOfLine(q);
        const next = this.peekLine();
        if (next && next.col > col) {
          this.skipBlank();
          const at = next.start + next.col;
          child = (this.isDash(at) ? this.seq(next.col, at, first, false, depth + 1) : this.map(next.col, at, first, depth + 1)).node;
        } else {
          child = { kind: 'scalar', start: dash + 1 - first, length: 0, style: 'empty', value: null };
        }
      } else if (this.isDash(q)) {
        return decline();
      } else if (this.looksLikeKey(q)) {
        child = this.map(q - this.lineStart(q), q, first, depth + 1).node;
      } else {
        const built = this.inlineValue(q, col, first);
        child = built.node;
        this.pos = this.endOfLine(built.end);
      }
      entries.push({ start: dash - first, end: this.pos - first, node: child });
      value.push(child.value as Value);
      const next = this.peekLine();
      if (!next || next.col < col) break;
      if (next.col > col || !this.isDash(next.start + col)) {
        // A key at this column ends an indentless sequence; anything else is not ours.
        if (indentless && next.col === col) break;
        decline();
      }
      this.skipBlank();
      dash = next.start + col;
    }
    const length = entries[entries.length - 1]!.end;
    return { node: { kind: 'seq', start: first - base, length, flow: false, column: col, entries, value }, end: first + length };
  }

  lineStart(p: number): number {
    return this.src.lastIndexOf('\n', p - 1) + 1;
  }

  /** `key:` followed by a space or the end of the line. */
  looksLikeKey(p: number): boolean {
    const s = this.src;
    if (!isWordStart(s.charCodeAt(p))) return false;
    while (isKeyChar(s.charCodeAt(p))) p++;
    if (s.charCodeAt(p) !== COLON) return false;
    const c = s.charCodeAt(p + 1);
    return c === SP || c === NL || c === CR || Number.isNaN(c);
  }

  /** A value that starts on the line of its key or dash; `parentCol` bounds continuation lines. */
  inlineValue(p: number, parentCol: number, base: number): Built {
    const c = this.src[p]!;
    if (c === '"') return this.doubleQuoted(p, parentCol, base);
    if (c === "'") return this.singleQuoted(p, parentCol, base);
    if (c === '[') return this.flowSeq(p, base);
    if (c === '{') {
      if (this.src[p + 1] !== '}') decline();
      return { node: { kind: 'map', start: p - base, length: 2, flow: true, column: 0, entries: [], value: {} }, end: p + 2 };
    }
    if ('|>&*!%@`?:-,]}#'.includes(c)) decline();
    return this.plain(p, parentCol, base);
  }

  /** Content of one line from `from`: [start of content, end before spaces, comment and line break]. */
  plainLine(from: number, first: boolean): [number, number, number] {
    const s = this.src;
    let p = from;
    const nl = s.indexOf('\n', p);
    const lineEnd = nl < 0 ? s.length : nl;
    let end = lineEnd;
    for (let i = p; i < lineEnd; i++) {
      const ch = s.charCodeAt(i);
      if (ch === COLON) {
        const n = s.charCodeAt(i + 1);
        if (n === SP || n === TAB || i + 1 >= lineEnd || n === CR) decline();
      } else if (ch === HASH && (s.charCodeAt(i - 1) === SP || s.charCodeAt(i - 1) === TAB)) {
        end = i;
        break;
      } else if (ch === TAB && !first) {
        decline();
      }
    }
    while (end > p && (s.charCodeAt(end - 1) === SP || s.charCodeAt(end - 1) === CR || s.charCodeAt(end - 1) === TAB)) end--;
    if (end < lineEnd && s.charCodeAt(end) === CR && end + 1 !== lineEnd) decline();
    while (p < end && s.charCodeAt(p) === SP) p++;
    return [p, end, nl < 0 ? s.length : nl + 1];
  }

  plain(p: number, parentCol: number, base: number): Built {
    const s = this.src;
    const [, firstEnd, next] = this.plainLine(p, true);
    let end = firstEnd;
    if (s.slice(end, next).includes('#')) return this.finishPlain(p, end, s.slice(p, end), base);
    let value = s.slice(p, end);
    let breaks = 0;
    // Continuation lines: more indented than the parent, not comments.
    for (let line = next; line < s.length; ) {
      let q = line;
      while (s.charCodeAt(q) === SP) q++;
      const c = s.charCodeAt(q);
      if (c === NL || (c === CR && s.charCodeAt(q + 1) === NL)) {
        breaks++;
        line = s.indexOf('\n', q) + 1;
        continue;
      }
      if (q >= s.length) break;
      if (q - line <= parentCol || c === HASH) break;
      if (c === TAB) decline();
      // A continuation line may start with "- ": inside a plain scalar it is text, not an item.
      if (q - line === 0 && (s.startsWith('---', q) || s.startsWith('...', q))) decline();
      const [from, to, after] = this.plainLine(q, false);
      const hadComment = s.slice(to, after).includes('#');
      value += breaks ? '\n'.repeat(breaks) : ' ';
      value += s.slice(from, to);
      end = to;
      breaks = 0;
      line = after;
      if (hadComment) break;
    }
    return this.finishPlain(p, end, value, base);
  }

  finishPlain(p: number, end: number, text: string, base: number): Built {
    const value = resolvePlain(text);
    return { node: { kind: 'scalar', start: p - base, length: end - p, style: 'plain', value }, end };
  }

  /** Checks a continuation line of a quoted scalar is indented past the parent. */
  continuation(lineStart: number, parentCol: number): void {
    const s = this.src;
    let q = lineStart;
    while (s.charCodeAt(q) === SP) q++;
    const c = s.charCodeAt(q);
    if (c === NL || c === CR || q >= s.length) return;
    if (q - lineStart <= parentCol) decline();
    if (q - lineStart === 0 && (s.startsWith('---', q) || s.startsWith('...', q))) decline();
  }

  // Quoted scalars collect their text in parts and trim only the line being folded, so that
  // a scalar of many lines costs its length, not its length times its lines.

  singleQuoted(p: number, parentCol: number, base: number): Built {
    const s = this.src;
    const parts: string[] = [];
    let i = p + 1;
    let run = i;
    for (;;) {
      if (i >= s.length) decline();
      const ch = s.charCodeAt(i);
      if (ch === 39) {
        if (s.charCodeAt(i + 1) === 39) {
          parts.push(s.slice(run, i + 1));
          i += 2;
          run = i;
          continue;
        }
        parts.push(s.slice(run, i));
        break;
      }
      if (ch === NL || ch === CR) {
        parts.push(trimEnd(s.slice(run, i)));
        i = this.fold(i, parentCol, parts);
        run = i;
        continue;
      }
      i++;
    }
    return { node: { kind: 'scalar', start: p - base, length: i + 1 - p, style: 'single' as ScalarStyle, value: parts.join('') }, end: i + 1 };
  }

  /**
   * Folds a line break inside a quoted scalar at `i`: counts blank lines, skips the next
   * line's indentation, and adds the break's text (a space, or a newline per blank line)
   * to `parts`. Returns where content resumes.
   */
  fold(i: number, parentCol: number, parts: string[]): number {
    const s = this.src;
    let breaks = 0;
    let p = i;
    for (;;) {
      if (s.charCodeAt(p) === CR) p++;
      if (s.charCodeAt(p) !== NL) decline();
      p++;
      this.continuation(p, parentCol);
      let q = p;
      while (s.charCodeAt(q) === SP || s.charCodeAt(q) === TAB) q++;
      const c = s.charCodeAt(q);
      if (c === NL || c === CR) {
        breaks++;
        p = q;
        continue;
      }
      if (q >= s.length) decline();
      p = q;
      break;
    }
    parts.push(breaks ? '\n'.repeat(breaks) : ' ');
    return p;
  }

  doubleQuoted(p: number, parentCol: number, base: number): Built {
    const s = this.src;
    const parts: string[] = [];
    let i = p + 1;
    // The raw text since the last escape or fold: only its spaces before a line break are trimmed.
    let run = i;
    for (;;) {
      if (i >= s.length) decline();
      const ch = s.charCodeAt(i);
      if (ch === 34) break;
      if (ch === 92) {
        parts.push(s.slice(run, i));
        const e = s[i + 1];
        if (e === '\n' || (e === '\r' && s[i + 2] === '\n')) {
          // An escaped line break joins the lines without a space.
          let q = i + (e === '\r' ? 3 : 2);
          this.continuation(q, parentCol);
          while (s.charCodeAt(q) === SP || s.charCodeAt(q) === TAB) q++;
          if (s.charCodeAt(q) === NL || s.charCodeAt(q) === CR) decline();
          i = run = q;
          continue;
        }
        const [text, len] = unescape(s, i);
        parts.push(text);
        i = run = i + len;
        continue;
      }
      if (ch === NL || ch === CR) {
        parts.push(trimEnd(s.slice(run, i)));
        i = run = this.fold(i, parentCol, parts);
        continue;
      }
      i++;
    }
    parts.push(s.slice(run, i));
    return { node: { kind: 'scalar', start: p - base, length: i + 1 - p, style: 'double', value: parts.join('') }, end: i + 1 };
  }

  /** `[a, 'b', "c"]` on one line. */
  flowSeq(p: number, base: number): Built {
    const s = this.src;
    const entries: Entry[] = [];
    const value: Value[] = [];
    let i = p + 1;
    const skip = () => {
      while (s.charCodeAt(i) === SP) i++;
    };
    skip();
    if (s[i] === ']') return { node: { kind: 'seq', start: p - base, length: i + 1 - p, flow: true, column: 0, entries, value }, end: i + 1 };
    for (;;) {
      skip();
      const start = i;
      let node: ScalarNode;
      const c = s[i];
      if (c === '"' || c === "'") {
        const close = s.indexOf(c, i + 1);
        if (close < 0) decline();
        const raw = s.slice(i + 1, close);
        if (raw.includes('\n') || raw.includes('\\') || (c === "'" && s[close + 1] === "'")) decline();
        i = close + 1;
        node = { kind: 'scalar', start: start - p, length: i - start, style: c === '"' ? 'double' : 'single', value: raw };
      } else {
        // Plain items that start like a word (people ids and names); anything else is left to the yaml package.
        if (!/[A-Za-z_]/.test(s[i] ?? '')) decline();
        while (i < s.length && !',]\n\r#'.includes(s[i]!)) {
          if (s[i] === ':' || s[i] === '[' || s[i] === '{' || s[i] === '}') decline();
          i++;
        }
        let end = i;
        while (end > start && s.charCodeAt(end - 1) === SP) end--;
        if (end === start) decline();
        const text = s.slice(start, end);
        node = { kind: 'scalar', start: start - p, length: end - start, style: 'plain', value: resolvePlain(text) };
      }
      entries.push({ start: node.start, end: node.start + node.length, node });
      value.push(node.value);
      skip();
      if (s[i] === ',') {
        i++;
        skip();
        if (s[i] === ']') decline();
        continue;
      }
      if (s[i] === ']') break;
      decline();
    }
    return { node: { kind: 'seq', start: p - base, length: i + 1 - p, flow: true, column: 0, entries, value }, end: i + 1 };
  }
}

const SIMPLE: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** One escape of a double-quoted scalar at `i` (the backslash): its text and length. */
function unescape(s: string, i: number): [string, number] {
  const e = s[i + 1] ?? '';
  const simple = SIMPLE[e];
  if (simple !== undefined) return [simple, 2];
  const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (!digits) return decline();
  const hex = s.slice(i + 2, i + 2 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) decline();
  const cp = parseInt(hex, 16);
  if (cp > 0x10ffff) decline();
  return [e === 'U' ? String.fromCodePoint(cp) : String.fromCharCode(cp), 2 + digits];
}

