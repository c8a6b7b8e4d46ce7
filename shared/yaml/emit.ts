/**
 * Writes new values as YAML text in the style of their neighbours: PyYAML's style where
 * the neighbours were written by PyYAML, the hand-written quote style otherwise. The
 * caller re-reads what is written and falls back to `emitSafe` if it does not read back
 * to the intended value, so a style rule can be wrong without corrupting a file.
 */
import type { ScalarNode, ScalarStyle, ScalarValue, Value } from './tree';
import { plainAllowed, pyyamlScalar } from './pyyaml';
import { coreReadsAsString, isPrintable, yaml11ReadsAsString, yaml11Timestamp } from './scalarRules';
import { isPlainObject } from './value';

/** How to write a scalar: as PyYAML would, or keeping a hand-written style. */
export type StyleHint = { readonly kind: 'pyyaml' } | { readonly kind: 'hand'; readonly style: ScalarStyle };

export interface EmitContext {
  /** Column where the scalar's first character goes. */
  readonly column: number;
  /** Indentation of continuation and block lines. */
  readonly indent: number;
  readonly eol: string;
  readonly flow: boolean;
  /** Allow a plain `YYYY-MM-DD HH:MM:SS` (the `start` and `end` convention). */
  readonly timestamp?: boolean;
}

export const HAND_PLAIN: StyleHint = { kind: 'hand', style: 'plain' };

/** Writes a scalar value. Block styles end with a line break; the others do not. */
export function emitScalar(value: ScalarValue, hint: StyleHint, ctx: EmitContext): string {
  if (typeof value !== 'string') return emitNonString(value);
  if (ctx.timestamp && yaml11Timestamp.test(value) && (hint.kind === 'pyyaml' || hint.style === 'plain' || hint.style === 'empty')) return value;
  if (hint.kind === 'pyyaml' && !ctx.flow) return pyyamlScalar(value, ctx);
  const style = hint.kind === 'pyyaml' ? 'plain' : hint.style;
  switch (style) {
    case 'plain':
    case 'empty':
      return plainOk(value, ctx) ? value : emitDouble(value);
    case 'single':
      return singleOk(value) ? `'${value.replace(/'/g, "''")}'` : emitDouble(value);
    case 'literal':
    case 'folded':
      return !ctx.flow && literalOk(value) ? emitLiteral(value, ctx) : emitDouble(value);
    default:
      return emitDouble(value);
  }
}

export function emitNonString(value: number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  return String(value);
}

/** A plain scalar both YAML 1.2 and YAML 1.1 read back as this same string. */
export function plainOk(value: string, ctx: Pick<EmitContext, 'flow' | 'timestamp'>): boolean {
  return plainAllowed(value, ctx.flow) && coreReadsAsString(value) && yaml11ReadsAsString(value, ctx.timestamp);
}

function singleOk(value: string): boolean {
  if (value.includes('\n') || value.includes('\r')) return false;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp === 9 || !isPrintable(cp)) return false;
  }
  return true;
}

function literalOk(value: string): boolean {
  if (value.length === 0 || /[\r\u2028\u2029\x85]/.test(value) || /[ \t]$/.test(value)) return false;
  for (const ch of value) if (!isPrintable(ch.codePointAt(0)!)) return false;
  return /[^\n]/.test(value);
}

function emitLiteral(value: string, ctx: EmitContext): string {
  const trailing = /\n*$/.exec(value)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? value : value.slice(0, value.length - (chomp === '+' ? 0 : 1));
  const lines = body.split('\n');
  if (chomp === '+') lines.pop();
  const firstContent = lines.find((l) => l.length > 0) ?? '';
  const indicator = firstContent.startsWith(' ') ? '2' : '';
  const pad = ' '.repeat(ctx.indent);
  return `|${indicator}${chomp}${ctx.eol}${lines.map((l) => (l.length ? pad + l : '')).join(ctx.eol)}${ctx.eol}`;
}

/** A double-quoted scalar on one line that keeps printable Unicode as is. */
export function emitDouble(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp === 0) out += '\\0';
    else if (cp >= 0x20 && cp !== 0x7f && cp !== 0x85 && cp !== 0x2028 && cp !== 0x2029 && isPrintable(cp)) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += '\\U' + cp.toString(16).toUpperCase().padStart(8, '0');
  }
  return out + '"';
}

/** The style hint that reproduces how an existing scalar is written. */
export function hintFor(node: ScalarNode, source: string, ctx: EmitContext): StyleHint {
  if (node.style === 'empty') return HAND_PLAIN;
  if (typeof node.value === 'string' && (node.style === 'plain' || node.style === 'single' || node.style === 'double')) {
    // Folded over several lines, or exactly as PyYAML writes it: write it the PyYAML way.
    if (source.includes('\n') || pyyamlScalar(node.value, ctx) === source) return { kind: 'pyyaml' };
  }
  return { kind: 'hand', style: node.style };
}

/** Options for writing a whole value (a mapping or sequence) as block YAML. */
export interface BlockOptions {
  readonly eol: string;
  /** Indent of the block sequence at `path` under its key, relative to the key (0 like PyYAML, or 2). */
  readonly seqIndent: (path: readonly (string | number)[]) => number;
  /** Writes a scalar; defaults to the neighbour-free style. */
  readonly scalar: (value: ScalarValue, ctx: EmitContext, path: readonly (string | number)[]) => string;
  /** Orders the keys of a mapping being written. */
  readonly keyOrder: (keys: string[], path: readonly (string | number)[]) => string[];
  /** Whether a list of scalars is written in flow style (`[a, b]`). */
  readonly flowList: (path: readonly (string | number)[]) => boolean;
}

/**
 * Writes `value` as the text that follows a key's `:` or a sequence dash: ` scalar`,
 * ` []`, or a line break and indented block lines. `column` is where the indicator
 * (key or dash) starts; `inSeq` says the value follows a dash.
 */
export function emitValueAfterIndicator(value: Value, indicatorEnd: number, parentColumn: number, inSeq: boolean, opts: BlockOptions, path: readonly (string | number)[], key?: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    if (value.every((v) => !Array.isArray(v) && !isPlainObject(v)) && opts.flowList(path)) return ' ' + emitFlowList(value as ScalarValue[], opts, indicatorEnd + 1);
    if (inSeq) return ' ' + emitBlockSeq(value, indicatorEnd + 1, opts, path).trimStart().replace(/\r?\n$/, '');
    return opts.eol + emitBlockSeq(value, parentColumn + opts.seqIndent(path), opts, path).replace(/\r?\n$/, '');
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return ' {}';
    if (inSeq) return ' ' + emitBlockMap(value, indicatorEnd + 1, opts, path).trimStart().replace(/\r?\n$/, '');
    return opts.eol + emitBlockMap(value, parentColumn + 2, opts, path).replace(/\r?\n$/, '');
  }
  const ctx: EmitContext = { column: indicatorEnd + 1, indent: parentColumn + 2, eol: opts.eol, flow: false, timestamp: key === 'start' || key === 'end' };
  const text = opts.scalar(value, ctx, path);
  return ' ' + (text.endsWith(opts.eol) ? text.slice(0, -opts.eol.length) : text);
}

function emitFlowList(values: ScalarValue[], opts: BlockOptions, column: number): string {
  return '[' + values.map((v) => emitScalar(v, HAND_PLAIN, { column, indent: column, eol: opts.eol, flow: true })).join(', ') + ']';
}

/** Block sequence lines at `column`, each ending with a line break. */
export function emitBlockSeq(values: Value[], column: number, opts: BlockOptions, path: readonly (string | number)[]): string {
  const pad = ' '.repeat(column);
  return values.map((v, i) => pad + '-' + emitValueAfterIndicator(v, column + 1, column, true, opts, [...path, i]) + opts.eol).join('');
}

/** Block mapping lines at `column`, each pair ending with a line break. */
export function emitBlockMap(value: { [key: string]: Value }, column: number, opts: BlockOptions, path: readonly (string | number)[]): string {
  const pad = ' '.repeat(column);
  return opts.keyOrder(Object.keys(value), path).map((k) => {
    const keyText = emitKey(k);
    return pad + keyText + ':' + emitValueAfterIndicator(value[k]!, column + keyText.length + 1, column, false, opts, [...path, k], k) + opts.eol;
  }).join('');
}

/** A mapping key: plain when safe, double-quoted otherwise. */
export function emitKey(key: string): string {
  return plainOk(key, { flow: false }) && !key.includes(': ') ? key : emitDouble(key);
}
