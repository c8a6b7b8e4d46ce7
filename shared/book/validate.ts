/**
 * The book rules of design.md: errors block saving, warnings do not. Every diagnostic
 * says what is wrong in words, where in the value, and where in the text.
 */
import type { Value, YNode } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';
import { pathText, rangeOf } from '../yaml/edit';
import type { Path } from '../yaml/edit';
import { yaml11Reading } from '../yaml/scalarRules';
import type { BookDocument } from './document';
import { LineIndex } from './diagnostic';
import type { Diagnostic, Severity } from './diagnostic';
import { describePath } from './model';
import { LINK_KEYS, REPLY_KEYS, ROOT_KEYS, THREAD_KEYS, didYouMean } from './keys';
import { fixRules } from '../fix/rules';
import { attachFixes } from '../fix/attach';

export { didYouMean } from './keys';

/** What the rest of the site tells about a book; every field is optional. */
export interface SiteContext {
  /** The book's site-relative path, e.g. `_books/20210705-engineering-mlops.md`. */
  readonly path?: string;
  /** People ids (`short` of `_people/*.md`). */
  readonly people?: readonly string[];
  /** People's display names (`title` of `_people/*.md`) by id: the description's form and the author fixes read them. */
  readonly names?: readonly { readonly id: string; readonly name: string }[];
  /** Site-relative files known to exist (for the cover). */
  readonly files?: readonly string[];
  /** The other books' weeks, to warn when two overlap. */
  readonly weeks?: readonly { readonly path: string; readonly title?: string; readonly start: string; readonly end: string }[];
}

export const REQUIRED_KEYS = ['title', 'description', 'cover', 'image', 'start', 'end', 'authors'] as const;
const TEXT_KEYS = ['title', 'description', 'cover', 'image'] as const;

export const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Checks a `YYYY-MM-DD HH:MM:SS` string is a real moment. */
export function isValidDateTime(s: string): boolean {
  const m = DATE_FORMAT.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && se < 60;
}

const typeName = (v: unknown): string => (v === null ? 'empty' : Array.isArray(v) ? 'a list' : isPlainObject(v) ? 'a mapping' : typeof v === 'string' ? 'text' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : typeof v);

const peopleSets = new WeakMap<readonly string[], ReadonlySet<string>>();
/** The people ids as a set, made once per list (a scan validates every book against one list). */
function peopleSet(ids: readonly string[]): ReadonlySet<string> {
  let set = peopleSets.get(ids);
  if (!set) peopleSets.set(ids, (set = new Set(ids)));
  return set;
}

/** All diagnostics of a document: reading problems, then the book rules. Errors first, then by position. */
export function validate(doc: BookDocument, site: SiteContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [...doc.diagnostics];
  if (doc.data === null && doc.diagnostics.some((d) => d.severity === 'error')) return sortDiagnostics(out);
  let lines: LineIndex | undefined;
  const index = () => (lines ??= new LineIndex(doc.text));
  const fallback = (): [number, number] => {
    const opener = doc.split ? doc.split.start - (doc.split.eol.length + 3) : 0;
    return [Math.max(0, opener), Math.max(0, opener) + 3];
  };
  // The range of the value at `path`; for a missing value, of its nearest existing parent;
  // for the front matter as a whole, its opening line.
  const where = (path: Path, key = false): [number, number] => {
    if (doc.tree) {
      for (let p = path; p.length > 0; p = p.slice(0, -1)) {
        const r = rangeOf(doc.tree, p, key && p === path);
        if (r) return r[1] > r[0] ? r : [r[0], r[0] + 1];
      }
    }
    return fallback();
  };
  // `at` is the place when the caller already has it from the tree.
  const add = (severity: Severity, code: string, path: Path, message: string, key = false, at?: [number, number]) => {
    const [from, to] = at ? (at[1] > at[0] ? at : [at[0], at[0] + 1]) : where(path, key);
    out.push({ severity, code, path: path.length ? pathText(path) : '', keys: path, message, range: index().range(from, to) });
  };
  const data = doc.data;
  if (!isPlainObject(data)) {
    add('error', 'not-mapping', [], `The front matter must be a mapping of keys (title:, start:, …), but it is ${typeName(data)}.`);
    return sortDiagnostics(out);
  }

  for (const key of REQUIRED_KEYS) {
    if (!(key in data)) add('error', 'required', [key], `The required key ${key} is missing.`);
  }
  const root = doc.tree?.root.kind === 'map' ? doc.tree.root : null;
  if (root) {
    // Each key's place straight from the tree: a front matter of many keys has no time for a search per key.
    const abs = doc.tree!.base + root.start;
    for (const e of root.entries) if (!ROOT_KEYS.includes(e.key!)) unknownKey([e.key!], e.key!, ROOT_KEYS, [abs + e.start, abs + e.keyEnd!]);
  } else {
    for (const key of Object.keys(data)) if (!ROOT_KEYS.includes(key)) unknownKey([key], key, ROOT_KEYS);
  }
  for (const key of TEXT_KEYS) {
    const v = data[key];
    if (key in data && typeof v !== 'string') add('error', 'type', [key], `${key} must be text, but it is ${typeName(v)}.`);
    else if (key === 'title' && typeof v === 'string' && !v.trim()) add('error', 'required', [key], 'The title is empty.');
  }

  const dates: Record<'start' | 'end', string | null> = { start: null, end: null };
  for (const key of ['start', 'end'] as const) {
    if (!(key in data)) continue;
    const v = data[key];
    if (typeof v !== 'string') add('error', 'type', [key], `${key} must be a date and time like 2021-07-05 00:00:00, but it is ${typeName(v)}.`);
    else if (!DATE_FORMAT.test(v)) add('error', 'date', [key], `${key} must be written YYYY-MM-DD HH:MM:SS, like 2021-07-05 00:00:00; "${v}" is not.`);
    else if (!isValidDateTime(v)) add('error', 'date', [key], `${key} is not a real date and time: ${v}.`);
    else dates[key] = v;
  }
  if (dates.start && dates.end && dates.end < dates.start) add('error', 'date-order', ['end'], `end (${dates.end}) is before start (${dates.start}).`);

  if ('authors' in data) {
    const authors = data.authors;
    if (!Array.isArray(authors)) add('error', 'type', ['authors'], `authors must be a list of people ids or names, but it is ${typeName(authors)}.`);
    else {
      if (authors.length === 0) add('error', 'required', ['authors'], 'The book has no authors.');
      const people = site.people ? peopleSet(site.people) : null;
      authors.forEach((a, i) => {
        if (typeof a !== 'string' || !a.trim()) add('error', 'type', ['authors', i], `Author ${i + 1} must be a people id or a name, but it is ${typeName(a)}.`);
        else if (people && !people.has(a) && /^[a-z0-9][a-z0-9_-]*$/.test(a)) {
          add('warning', 'people', ['authors', i], `Author ${i + 1}: "${a}" looks like a people id, but there is no _people/${a}.md.`);
        }
      });
    }
  }

  if ('links' in data && data.links !== null) {
    const links = data.links;
    if (!Array.isArray(links)) add('error', 'type', ['links'], `links must be a list of {text, link}, but it is ${typeName(links)}.`);
    else links.forEach((l, i) => checkLink(l, i));
  }

  if ('archive' in data && data.archive !== null) {
    const archive = data.archive;
    if (!Array.isArray(archive)) add('error', 'type', ['archive'], `archive must be a list of threads, but it is ${typeName(archive)}.`);
    else archive.forEach((t, i) => checkThread(t, i));
  }

  if (site.files && typeof data.cover === 'string' && data.cover) {
    const cover = data.cover.replace(/^\/+/, '');
    if (!site.files.includes(cover)) add('warning', 'cover-missing', ['cover'], `The cover file ${cover} does not exist in the site.`);
  }

  if (site.path && dates.start) {
    const m = /(?:^|\/)(\d{4})(\d{2})(\d{2})-[^/]*$/.exec(site.path);
    const fileDate = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
    if (fileDate && fileDate !== dates.start.slice(0, 10)) add('warning', 'file-date', ['start'], `The file name says ${fileDate}, but start is ${dates.start.slice(0, 10)}.`);
  }

  if (site.weeks && dates.start && dates.end) {
    for (const w of site.weeks) {
      if (w.path === site.path) continue;
      if (w.start <= dates.end && dates.start <= w.end) {
        add('warning', 'week-overlap', ['start'], `This week (${dates.start.slice(0, 10)} to ${dates.end.slice(0, 10)}) overlaps ${w.title ? `"${w.title}"` : w.path} (${w.start.slice(0, 10)} to ${w.end.slice(0, 10)}).`);
      }
    }
  }

  fixRules(data, site, add);

  if (doc.tree) yaml11Warnings();

  return sortDiagnostics(attachFixes(doc, out, site));

  function unknownKey(path: Path, key: string, known: readonly string[], at?: [number, number]) {
    const near = didYouMean(key, known);
    const parent = path.length > 1 ? describePath(path.slice(0, -1)) : 'Front matter';
    add('warning', 'unknown-key', path, `${parent === 'Front matter' ? 'Unknown key' : `${parent}: unknown key`} "${key}"${near ? `: did you mean "${near}"?` : '.'}`, true, at);
  }

  function checkLink(l: Value, i: number) {
    const at = ['links', i];
    const where = describePath(at);
    if (!isPlainObject(l)) {
      add('error', 'type', at, `${where} must be a {text, link} pair, but it is ${typeName(l)}.`);
      return;
    }
    for (const k of Object.keys(l)) if (!LINK_KEYS.includes(k)) unknownKey([...at, k], k, LINK_KEYS);
    if (!('link' in l) || l.link === null || l.link === '') add('error', 'link-missing', [...at, 'link'], `${where} has no link${'list' in l ? ' (it has "list:"; did you mean "link:"?)' : ''}.`);
    else if (typeof l.link !== 'string') add('error', 'type', [...at, 'link'], `${where}: link must be text, but it is ${typeName(l.link)}.`);
    else if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(l.link)) add('error', 'link-url', [...at, 'link'], `${where}: "${l.link}" is not an http(s) address.`);
    if (!('text' in l) || l.text === null || l.text === '') add('warning', 'link-text', [...at, 'text'], `${where} has no text.`);
    else if (typeof l.text !== 'string') add('error', 'type', [...at, 'text'], `${where}: text must be text, but it is ${typeName(l.text)}.`);
    for (const k of ['text', 'link'] as const) {
      const v = l[k];
      if (typeof v === 'string' && /\bTODO\b/i.test(v)) add('warning', 'todo', [...at, k], `${where}: ${k} still says TODO.`);
    }
  }

  function checkEntry(e: Value, at: Path, known: readonly string[], what: string): boolean {
    const where = describePath(at);
    if (!isPlainObject(e)) {
      add('error', 'type', at, `${where} must be a ${what} with name and text, but it is ${typeName(e)}.`);
      return false;
    }
    for (const k of Object.keys(e)) if (!known.includes(k)) unknownKey([...at, k], k, known);
    if (!('name' in e) || e.name === null || (typeof e.name === 'string' && !e.name.trim())) add('error', 'name', [...at, 'name'], `${where} has no name.`);
    else if (typeof e.name !== 'string') add('error', 'type', [...at, 'name'], `${where}: name must be text, but it is ${typeName(e.name)}.`);
    if (!('text' in e) || e.text === null || e.text === '') add('warning', 'empty-text', [...at, 'text'], `${where}: text is empty.`);
    else if (typeof e.text !== 'string') add('error', 'type', [...at, 'text'], `${where}: text must be text, but it is ${typeName(e.text)}.`);
    return true;
  }

  function checkThread(t: Value, i: number) {
    const at = ['archive', i];
    if (!checkEntry(t, at, THREAD_KEYS, 'thread') || !isPlainObject(t)) return;
    if ('replies' in t && t.replies !== null) {
      if (!Array.isArray(t.replies)) add('error', 'type', [...at, 'replies'], `${describePath(at)}: replies must be a list, but it is ${typeName(t.replies)}.`);
      else t.replies.forEach((r, j) => checkEntry(r, [...at, 'replies', j], REPLY_KEYS, 'reply'));
    }
  }

  function yaml11Warnings() {
    const tree = doc.tree!;
    // One path stack for the whole walk: a path is copied only for a warning.
    const path: (string | number)[] = [];
    const walk = (node: YNode) => {
      if (node.kind === 'scalar') {
        if (node.style === 'plain' && typeof node.value === 'string') {
          const reading = yaml11Reading(node.value);
          if (reading) add('warning', 'yaml11', [...path], `${describePath(path)}: Jekyll reads the plain ${JSON.stringify(node.value)} as a ${reading}; put it in quotes to keep it text.`);
        }
        return;
      }
      node.entries.forEach((e, i) => {
        path.push(node.kind === 'seq' ? i : e.key!);
        walk(e.node);
        path.pop();
      });
    };
    walk(tree.root);
  }
}

/** Errors first, then warnings; each by position. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => (a.severity === b.severity ? a.range.from - b.range.from : a.severity === 'error' ? -1 : 1));
}
