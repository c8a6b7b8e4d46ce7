/**
 * Reads YAML source into the lossless tree of tree.ts, with values as YAML 1.2's core
 * schema reads them (so `2021-07-05 00:00:00` stays a string). The `yaml` package does
 * the parsing; this file only records where things are.
 */
import { parseDocument, isAlias, isMap, isScalar, isSeq, isPair } from 'yaml';
import type { Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { MAX_DEPTH } from './tree';
import type { CollectionNode, Entry, ScalarNode, ScalarStyle, ScalarValue, Value, YNode, YamlProblem } from './tree';
import { columnAt, lineEndAfter } from './text';
import { setOwn } from './value';
import { fastParse } from './fastParse';

export interface ParseResult {
  /** The root node with `start` as an absolute offset into the source; null for an empty document. */
  readonly root: YNode | null;
  readonly problems: readonly YamlProblem[];
}

const styles: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

class Unsupported extends Error {
  constructor(readonly from: number, readonly to: number, message: string, readonly code = 'yaml-unsupported') {
    super(message);
  }
}

/** Parses `source`; never throws. Any problem of severity error means the tree is not to be edited. */
export function parseYaml(source: string): ParseResult {
  const fast = fastParse(source);
  if (fast) return { root: fast.root, problems: [] };
  return parseYamlSlow(source);
}

/** Parses `source` with the `yaml` package, which reads all of YAML and reports every problem. */
export function parseYamlSlow(source: string): ParseResult {
  const doc = parseDocument(source, {
    keepSourceTokens: true,
    prettyErrors: false,
    schema: 'core',
    version: '1.2',
    // The package's own check compares each key with every earlier one (quadratic in the
    // keys of a mapping); buildMap checks with a set instead.
    uniqueKeys: false,
  });
  const problems: YamlProblem[] = [];
  for (const e of doc.errors) {
    if (e.code === 'RESOURCE_EXHAUSTION') {
      // The package ran out of stack on deep nesting: say so once, in words, at the bracket
      // that goes past the limit (where the stack ran out depends on the machine).
      if (problems.some((p) => p.message === TOO_DEEP)) continue;
      const at = tooDeepFlowAt(source) ?? e.pos[0];
      problems.push({ from: at, to: at + 1, message: TOO_DEEP, severity: 'error', code: 'yaml' });
      continue;
    }
    problems.push({ from: e.pos[0], to: Math.max(e.pos[1], e.pos[0]), message: yamlMessage(e.message), severity: 'error', code: 'yaml' });
  }
  for (const w of doc.warnings) problems.push({ from: w.pos[0], to: Math.max(w.pos[1], w.pos[0]), message: yamlMessage(w.message), severity: 'warning', code: 'yaml' });
  if (problems.some((p) => p.severity === 'error')) return { root: null, problems };
  const contents = doc.contents as YamlNode | null;
  if (contents == null || (isScalar(contents) && contents.range?.[0] === contents.range?.[1])) return { root: null, problems };
  try {
    return { root: build(source, contents, 0, undefined, 0), problems };
  } catch (e) {
    if (e instanceof Unsupported) return { root: null, problems: [...problems, { from: e.from, to: e.to, message: e.message, severity: 'error', code: e.code }] };
    throw e;
  }
}

const TOO_DEEP = `The front matter is nested more than ${MAX_DEPTH} levels deep; a book needs a few.`;

/** The offset of the first flow bracket (`[` or `{`) nested deeper than MAX_DEPTH, outside quotes and comments; null when none is. */
function tooDeepFlowAt(source: string): number | null {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '"' || c === "'") {
      // Skip the quoted text (a doubled '' or an escaped \" stays inside it).
      for (i++; i < source.length && source[i] !== c; i++) if (c === '"' && source[i] === '\\') i++;
    } else if (c === '#' && (i === 0 || /\s/.test(source[i - 1]!))) {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? source.length : nl;
    }
  }
  return null;
}

function yamlMessage(message: string): string {
  const m = message.replace(/ at line \d+, column \d+.*$/s, '').trim();
  return m.endsWith('.') ? m : m + '.';
}

function build(source: string, node: YamlNode, base: number, emptyAt: number | undefined, depth: number): YNode {
  if (depth > MAX_DEPTH) throw new Unsupported(node.range![0], node.range![0] + 1, TOO_DEEP, 'yaml');
  if (isAlias(node)) throw new Unsupported(node.range![0], node.range![1], 'Aliases (*name) are not supported by the editor.');
  if (node.anchor) throw new Unsupported(node.range![0], node.range![1], `Anchors (&${node.anchor}) are not supported by the editor.`);
  if (node.tag && !(isMap(node) || isSeq(node))) throw new Unsupported(node.range![0], node.range![1], `Explicit tags (${node.tag}) are not supported by the editor.`);
  if (isScalar(node)) return buildScalar(source, node, base, emptyAt);
  if (isMap(node)) return buildMap(source, node as YAMLMap<YamlNode, YamlNode | null>, base, depth);
  if (isSeq(node)) return buildSeq(source, node as YAMLSeq<YamlNode | null>, base, depth);
  const r = (node as { range?: [number, number] }).range ?? [0, 0];
  throw new Unsupported(r[0], r[1], 'This YAML construct is not supported by the editor.');
}

function buildScalar(source: string, node: Scalar, base: number, emptyAt: number | undefined): ScalarNode {
  const [s, valueEnd] = node.range!;
  if (s === valueEnd) {
    const at = emptyAt ?? s;
    return { kind: 'scalar', start: at - base, length: 0, style: 'empty', value: null };
  }
  const style = styles[node.type ?? 'PLAIN'] ?? 'plain';
  let end = valueEnd;
  if ((style === 'literal' || style === 'folded') && !/^[|>][0-9]*\+|^[|>]\+/.test(source.slice(s, s + 3))) {
    // Trailing blank lines of a clipped or stripped block scalar separate entries; they are not its content.
    while (end > s + 1 && source.charCodeAt(end - 1) === 10 && isBlankLineBefore(source, end - 1, s)) end = previousLineEnd(source, end - 1);
  }
  const raw = node.value as unknown;
  const value: ScalarValue = typeof raw === 'bigint' ? Number(raw) : (raw as ScalarValue);
  return { kind: 'scalar', start: s - base, length: end - s, style, value };
}

/**
 * True when the line ending at `nl` (a newline offset) is empty and starts after `floor`.
 * A line of spaces may be content (more spaces than the indentation), so it stays.
 */
function isBlankLineBefore(source: string, nl: number, floor: number): boolean {
  let i = nl - 1;
  if (i > floor && source.charCodeAt(i) === 13) i--;
  return i > floor && source.charCodeAt(i) === 10;
}

function previousLineEnd(source: string, nl: number): number {
  return source.lastIndexOf('\n', nl - 1) + 1;
}

function buildMap(source: string, map: YAMLMap<YamlNode, YamlNode | null>, base: number, depth: number): CollectionNode {
  const [s, valueEnd] = map.range!;
  const flow = !!map.flow;
  const entries: Entry[] = [];
  const value: { [key: string]: Value } = {};
  const seen = new Set<string>();
  for (const pair of map.items as Pair<YamlNode, YamlNode | null>[]) {
    if (!isPair(pair)) continue;
    const key = pair.key;
    if (!isScalar(key) || key.range == null) {
      const r = (key as { range?: [number, number] } | null)?.range ?? [s, s];
      throw new Unsupported(r[0], r[1], 'Only plain keys are supported by the editor.');
    }
    if (key.anchor || key.tag) throw new Unsupported(key.range[0], key.range[1], 'Anchors and tags on keys are not supported by the editor.');
    const keyText = key.value == null ? '' : String(key.value);
    const keyStart = key.range[0];
    const keyEnd = key.range[1];
    // Keys equal as YAML reads them (`1` and `"1"` differ) are duplicates, as the package's own check says.
    const identity = `${typeof key.value}:${keyText}`;
    if (seen.has(identity)) throw new Unsupported(keyStart, Math.max(keyEnd, keyStart + 1), 'Map keys must be unique.', 'yaml');
    seen.add(identity);
    const colonAbs = colonOffset(pair, source, keyEnd);
    let child: YNode;
    if (pair.value == null) {
      child = { kind: 'scalar', start: colonAbs + 1 - s, length: 0, style: 'empty', value: null };
    } else {
      child = build(source, pair.value, s, colonAbs + 1, depth + 1);
    }
    const childEnd = s + child.start + (child.kind === 'scalar' ? child.length : child.length);
    const end = flow ? childEnd : lineEndAfter(source, Math.max(childEnd, colonAbs + 1));
    entries.push({ start: keyStart - s, end: end - s, key: keyText, keyEnd: keyEnd - s, colon: colonAbs - s, node: child });
    setOwn(value, keyText, child.value as Value);
  }
  const length = flow ? valueEnd - s : (entries.length ? entries[entries.length - 1]!.end : valueEnd - s);
  return { kind: 'map', start: s - base, length, flow, column: flow ? 0 : columnAt(source, s), entries, value };
}

function colonOffset(pair: Pair<YamlNode, YamlNode | null>, source: string, keyEnd: number): number {
  const tok = (pair as unknown as { srcToken?: { sep?: { type: string; offset: number }[] } }).srcToken;
  const ind = tok?.sep?.find((t) => t.type === 'map-value-ind');
  if (ind) return ind.offset;
  const i = source.indexOf(':', keyEnd);
  return i < 0 ? keyEnd : i;
}

function buildSeq(source: string, seq: YAMLSeq<YamlNode | null>, base: number, depth: number): CollectionNode {
  const [s, valueEnd] = seq.range!;
  const flow = !!seq.flow;
  const tokItems = (seq as unknown as { srcToken?: { items?: { start: { type: string; offset: number }[] }[] } }).srcToken?.items ?? [];
  const entries: Entry[] = [];
  const value: Value[] = [];
  seq.items.forEach((item, i) => {
    if (isPair(item)) {
      const r = (item.key as { range?: [number, number] } | null)?.range ?? [s, s];
      throw new Unsupported(r[0], r[1], 'Single-pair mappings inside flow sequences are not supported by the editor.');
    }
    let child: YNode;
    if (flow) {
      if (item == null) throw new Unsupported(s, valueEnd, 'Empty flow sequence items are not supported.');
      child = build(source, item, s, undefined, depth + 1);
      const start = s + child.start;
      const end = start + child.length;
      entries.push({ start: start - s, end: end - s, node: child });
    } else {
      const dash = tokItems[i]?.start.find((t) => t.type === 'seq-item-ind')?.offset ?? (item?.range?.[0] ?? s);
      child = item == null
        ? { kind: 'scalar', start: dash + 1 - s, length: 0, style: 'empty', value: null }
        : build(source, item, s, dash + 1, depth + 1);
      const childEnd = s + child.start + child.length;
      entries.push({ start: dash - s, end: lineEndAfter(source, Math.max(childEnd, dash + 1)) - s, node: child });
    }
    value.push(child.value as Value);
  });
  const length = flow ? valueEnd - s : (entries.length ? entries[entries.length - 1]!.end : valueEnd - s);
  return { kind: 'seq', start: s - base, length, flow, column: flow ? 0 : columnAt(source, s), entries, value };
}
