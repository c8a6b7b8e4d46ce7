/**
 * A port of PyYAML's scalar emitter (emitter.py: analyze_scalar, choose_scalar_style,
 * write_plain, write_single_quoted, write_double_quoted) with its defaults: width 80,
 * indent 2, allow_unicode off. Half of the book files were written by PyYAML; writing a
 * changed value exactly as PyYAML would keeps the git diff to the lines that changed.
 */
import { coreReadsAsString, yaml11ReadsAsString } from './scalarRules';

const BEST_WIDTH = 80;
const BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE = '\0 \t\r\n\x85\u2028\u2029';

interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowFlowPlain: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

function analyze(chars: string[], allowUnicode = false): Analysis {
  if (chars.length === 0) return { empty: true, multiline: false, allowFlowPlain: false, allowBlockPlain: true, allowSingleQuoted: true };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  const text = chars.join('');
  if (text.startsWith('---') || text.startsWith('...')) blockIndicators = flowIndicators = true;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || WHITESPACE.includes(chars[1]!);
  let previousSpace = false;
  let previousBreak = false;
  for (let index = 0; index < chars.length; index++) {
    const ch = chars[index]!;
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) flowIndicators = blockIndicators = true;
      if ('?:'.includes(ch)) {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) flowIndicators = blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    const cp = ch.codePointAt(0)!;
    if (!(ch === '\n' || (cp >= 0x20 && cp <= 0x7e))) {
      // Printable non-ASCII is "unicode"; without allow_unicode it is special as well.
      const unicode = (cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp < 0x10ffff)) && cp !== 0xfeff;
      if (!unicode || !allowUnicode) special = true;
    }
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = WHITESPACE.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || WHITESPACE.includes(chars[index + 2]!);
  }
  let allowFlowPlain = true;
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowFlowPlain = allowBlockPlain = false;
  if (breakSpace) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowFlowPlain = allowBlockPlain = false;
  if (flowIndicators) allowFlowPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowFlowPlain, allowBlockPlain, allowSingleQuoted };
}

/** Where the scalar starts and how continuation lines are indented. */
export interface PyYamlContext {
  /** Column at which the scalar's first character goes (after `key: ` or `- `). */
  readonly column: number;
  /** Indentation of continuation lines (the parent mapping's or sequence's indent + 2). */
  readonly indent: number;
  readonly eol: string;
}

export type PyYamlStyle = 'plain' | 'single' | 'double';

/** The style PyYAML picks for a string in block context. */
export function pyyamlStyle(text: string): PyYamlStyle {
  const a = analyze(Array.from(text));
  // PyYAML asks only its YAML 1.1 resolver; we also ask YAML 1.2's core schema, which reads
  // a plain `0o17` or `1e3` as a number, so such texts get quotes.
  if (yaml11ReadsAsString(text) && coreReadsAsString(text) && a.allowBlockPlain && !a.empty) return 'plain';
  if (a.allowSingleQuoted) return 'single';
  return 'double';
}

/** Whether PyYAML's rules allow writing `text` in `style` (double quotes hold anything). */
export function pyyamlAllows(text: string, style: PyYamlStyle): boolean {
  const chosen = pyyamlStyle(text);
  return style === 'double' || chosen === style || (style === 'single' && chosen === 'plain');
}

class Writer {
  out = '';
  column: number;
  whitespace = true;
  indention = true;
  constructor(private ctx: PyYamlContext) {
    this.column = ctx.column;
  }
  write(data: string, width = Array.from(data).length): void {
    this.out += data;
    this.column += width;
  }
  lineBreak(data = this.ctx.eol): void {
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
    this.out += data === '\n' ? this.ctx.eol : data;
  }
  indent(): void {
    const indent = this.ctx.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.lineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(' '.repeat(indent - this.column));
    }
  }
}

/**
 * Where lines break, by index (in code points) into the text: true breaks there, false
 * never, null leaves it to PyYAML's width rule. Lets a changed text keep the line breaks
 * its unchanged parts had, so that only the lines around a change differ.
 */
export type BreakPlan = (index: number) => boolean | null;

function decide(plan: BreakPlan | undefined, index: number, auto: boolean): boolean {
  const d = plan ? plan(index) : null;
  return d === null ? auto : d;
}

/** Writes `text` as PyYAML would in block context, starting at `ctx.column`. */
export function pyyamlScalar(text: string, ctx: PyYamlContext, style: PyYamlStyle = pyyamlStyle(text), plan?: BreakPlan): string {
  const chars = Array.from(text);
  const w = new Writer(ctx);
  if (style === 'plain') writePlain(w, chars, plan);
  else if (style === 'single') writeSingle(w, chars, plan);
  else writeDouble(w, chars, plan);
  return w.out;
}

function writePlain(w: Writer, text: string[], plan?: BreakPlan): void {
  if (text.length === 0) return;
  w.whitespace = false;
  w.indention = false;
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= text.length; end++) {
    const ch = end < text.length ? text[end]! : null;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && decide(plan, start, w.column > BEST_WIDTH)) {
          w.indent();
          w.whitespace = false;
          w.indention = false;
        } else {
          w.write(text.slice(start, end).join(''), end - start);
        }
        start = end;
      }
    } else if (breaks) {
      if (ch === null || !BREAKS.includes(ch)) {
        if (text[start] === '\n') w.lineBreak();
        for (const br of text.slice(start, end)) w.lineBreak(br);
        w.indent();
        w.whitespace = false;
        w.indention = false;
        start = end;
      }
    } else if (ch === null || ' \n\x85\u2028\u2029'.includes(ch)) {
      w.write(text.slice(start, end).join(''), end - start);
      start = end;
    }
    if (ch !== null) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
}

function writeSingle(w: Writer, text: string[], plan?: BreakPlan): void {
  w.write("'");
  w.whitespace = false;
  w.indention = false;
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= text.length; end++) {
    const ch = end < text.length ? text[end]! : null;
    if (spaces) {
      if (ch === null || ch !== ' ') {
        if (start + 1 === end && start !== 0 && end !== text.length && decide(plan, start, w.column > BEST_WIDTH)) {
          w.indent();
        } else {
          w.write(text.slice(start, end).join(''), end - start);
        }
        start = end;
      }
    } else if (breaks) {
      if (ch === null || !BREAKS.includes(ch)) {
        if (text[start] === '\n') w.lineBreak();
        for (const br of text.slice(start, end)) w.lineBreak(br);
        w.indent();
        start = end;
      }
    } else if (ch === null || ' \n\x85\u2028\u2029'.includes(ch) || ch === "'") {
      if (start < end) {
        w.write(text.slice(start, end).join(''), end - start);
        start = end;
      }
    }
    if (ch === "'") {
      w.write("''");
      start = end + 1;
    }
    if (ch !== null) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
  w.write("'");
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\x08': 'b', '\x09': 't', '\x0A': 'n', '\x0B': 'v', '\x0C': 'f', '\x0D': 'r', '\x1B': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xA0': '_', '\u2028': 'L', '\u2029': 'P',
};

function hex(cp: number, digits: number): string {
  return cp.toString(16).toUpperCase().padStart(digits, '0');
}

/** PyYAML's escape for one character of a double-quoted scalar, or null when written as is. */
function escapeChar(ch: string): string | null {
  const cp = ch.codePointAt(0)!;
  if (!('"\\\x85\u2028\u2029\uFEFF'.includes(ch)) && cp >= 0x20 && cp <= 0x7e) return null;
  const named = ESCAPES[ch];
  if (named) return '\\' + named;
  if (cp <= 0xff) return '\\x' + hex(cp, 2);
  if (cp <= 0xffff) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function writeDouble(w: Writer, text: string[], plan?: BreakPlan): void {
  w.write('"');
  w.whitespace = false;
  w.indention = false;
  let start = 0;
  for (let end = 0; end <= text.length; end++) {
    const ch = end < text.length ? text[end]! : null;
    const escaped = ch === null ? '' : escapeChar(ch);
    if (ch === null || escaped !== null) {
      if (start < end) {
        w.write(text.slice(start, end).join(''), end - start);
        start = end;
      }
      if (ch !== null) {
        w.write(escaped!);
        start = end + 1;
      }
    }
    if (end > 0 && end < text.length - 1 && (ch === ' ' || start >= end) && decide(plan, end, w.column + (end - start) > BEST_WIDTH)) {
      const data = text.slice(start, end).join('') + '\\';
      if (start < end) start = end;
      w.write(data);
      w.indent();
      w.whitespace = false;
      w.indention = false;
      if (text[start] === ' ') w.write('\\');
    }
  }
  w.write('"');
}

/** True when `text` may be written as a plain scalar in block (or flow) context by PyYAML's rules. */
export function plainAllowed(text: string, flow: boolean): boolean {
  const a = analyze(Array.from(text), true);
  if (a.empty || a.multiline) return false;
  return flow ? a.allowFlowPlain : a.allowBlockPlain;
}

/**
 * The line breaks of a folded scalar as PyYAML writes it, as indexes (code points) into its
 * value: where a single line break stands for a space (plain, single-quoted) or where an
 * escaped line break joins two parts (double-quoted). Null when the source is not in that form.
 */
export function pyyamlBreaks(source: string, style: PyYamlStyle): number[] | null {
  const lines = source.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const breaks: number[] = [];
  let length = 0;
  if (style === 'double') {
    if (!lines[0]!.startsWith('"')) return null;
    for (let i = 0; i < lines.length; i++) {
      let line = i === 0 ? lines[i]!.slice(1) : lines[i]!.replace(/^[ \t]+/, '');
      const last = i === lines.length - 1;
      if (last) {
        if (!line.endsWith('"')) return null;
        line = line.slice(0, -1);
      } else {
        const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
        // Only escaped line breaks (an odd run of backslashes) are PyYAML's.
        if (trailing % 2 === 0) return null;
        line = line.slice(0, -1);
      }
      length += decodedLength(line);
      if (!last) breaks.push(length);
    }
    return breaks;
  }
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = i === 0 ? lines[i]!.trimEnd() : lines[i]!.trim();
    if (style === 'single') {
      if (i === 0) {
        if (!line.startsWith("'")) return null;
        line = line.slice(1);
      }
      if (i === lines.length - 1) {
        if (!line.endsWith("'")) return null;
        line = line.slice(0, -1);
      }
      line = line.replace(/''/g, "'");
    }
    if (line === '' && i > 0 && i < lines.length - 1) {
      blanks++;
      continue;
    }
    if (i > 0) {
      if (blanks === 0) breaks.push(length);
      length += blanks || 1;
      blanks = 0;
    }
    length += Array.from(line).length;
  }
  return breaks;
}

/** Code points a double-quoted fragment decodes to (each escape is one). */
function decodedLength(fragment: string): number {
  let n = 0;
  for (let i = 0; i < fragment.length; ) {
    if (fragment[i] === '\\') {
      const e = fragment[i + 1];
      i += e === 'x' ? 4 : e === 'u' ? 6 : e === 'U' ? 10 : 2;
    } else {
      const cp = fragment.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
    }
    n++;
  }
  return n;
}

/** A plan that keeps `breaks` (of `before`) wherever the text is unchanged in `after`. */
export function keepBreaks(before: string, after: string, breaks: readonly number[]): BreakPlan {
  const a = Array.from(before);
  const b = Array.from(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  const set = new Set(breaks);
  const shift = b.length - a.length;
  return (i) => (i < p ? set.has(i) : i >= b.length - q ? set.has(i - shift) : null);
}
