/**
 * Readers of the book's value, straight from the front matter: the threads and replies
 * (the raw values, so `===` tells which one changed: the core shares unchanged subtrees),
 * people's names, and the diagnostics by path. Forgiving: a missing or mistyped value
 * reads as empty.
 */
import type { Value } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';
import type { Diagnostic } from './diagnostic';

/** A mapping of the front matter. */
export type Obj = { readonly [key: string]: Value };

/** Whether a value is a mapping. */
export const isObj: (v: unknown) => v is Obj = isPlainObject;

/** A value read as text: strings as they are, numbers and booleans written out, anything else empty. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : v == null || typeof v === 'object' ? '' : String(v));

/** One empty list, so selectors that find nothing return the same value every time. */
const EMPTY: readonly Value[] = [];

/** A value read as a list (empty when it is not one). */
export const listOf = (v: Value | undefined): readonly Value[] => (Array.isArray(v) ? v : EMPTY);

/** The value under a key of the front matter (undefined when the front matter is not a mapping). */
export const fieldOf = (data: Value | null | undefined, key: string): Value | undefined => (isObj(data) ? data[key] : undefined);

/** The threads of the archive (the raw values). */
export const threadsOf = (data: Value | null | undefined): readonly Value[] => listOf(fieldOf(data, 'archive'));

/** How many threads the book has. */
export const threadCount = (data: Value | null | undefined): number => threadsOf(data).length;

/** The replies of a thread (the raw values). */
export const repliesOf = (thread: Value | undefined): readonly Value[] => listOf(isObj(thread) ? thread.replies : undefined);

/** How many replies thread `t` has. */
export const replyCount = (data: Value | null | undefined, t: number): number => repliesOf(threadsOf(data)[t]).length;

/** The authors, as text. */
export const authorsOf = (data: Value | null | undefined): string[] => listOf(fieldOf(data, 'authors')).map(str);

/** The name of a thread or reply. */
export const nameOf = (entry: Value | undefined): string => (isObj(entry) ? str(entry.name) : '');

/** The text of a thread or reply. */
export const textOf = (entry: Value | undefined): string => (isObj(entry) ? str(entry.text) : '');

/** The first non-empty line of a text, for a card's summary. */
export function firstLine(text: string): string {
  for (const line of text.split('\n')) if (line.trim()) return line.trim();
  return '';
}

/** `Thread 3 by Tino`: a thread's name, as assistive technology reads it. */
export const threadLabel = (t: number, thread: Value | undefined): string => `Thread ${t + 1} by ${nameOf(thread) || 'nobody yet'}`;

/** `Reply 2 by Tino`: a reply's name, as assistive technology reads it. */
export const replyLabel = (r: number, reply: Value | undefined): string => `Reply ${r + 1} by ${nameOf(reply) || 'nobody yet'}`;

/** Whether a thread matches a filter, by name or text of the question or any reply. */
export function threadMatches(thread: Value, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hit = (e: Value) => nameOf(e).toLowerCase().includes(q) || textOf(e).toLowerCase().includes(q);
  return hit(thread) || repliesOf(thread).some(hit);
}

/** A person as the readers need one: the people id and the display name. */
export interface PersonName {
  readonly id: string;
  readonly name: string;
}

/** The display name of an author (a people id or a free name). */
export function formatPeopleName(author: string, people: readonly PersonName[]): string {
  return people.find((p) => p.id === author)?.name ?? author;
}

/** Who a new reply to thread `t` is from by default: most often the book's author answering, so the first author's name; else the thread's first replier. */
export function defaultReplier(data: Value | null | undefined, t: number, people: readonly PersonName[]): string {
  const first = authorsOf(data)[0] ?? '';
  return formatPeopleName(first, people) || nameOf(repliesOf(threadsOf(data)[t])[0]);
}

/** Whether two lists of diagnostics say the same things. */
export const same = (a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean =>
  a.length === b.length && a.every((d, i) => d.message === b[i]!.message && d.path === b[i]!.path && d.severity === b[i]!.severity);

/** Diagnostics by dotted path (`archive.3.text`); a missing required key's under the key's name. */
export function byPathOf(list: readonly Diagnostic[]): Map<string, readonly Diagnostic[]> {
  const m = new Map<string, Diagnostic[]>();
  for (const d of list) {
    const required = d.code === 'required' && d.keys.length === 0 ? /required key (\w+)/.exec(d.message)?.[1] : undefined;
    const key = required ?? d.keys.join('.');
    m.set(key, [...(m.get(key) ?? []), d]);
  }
  return m;
}
