/**
 * Reads threads and replies straight from the front matter value. Cards keep the raw
 * objects: the core shares unchanged subtrees, so `===` tells which thread changed.
 */
import type { Value } from '../../../shared/index';

export type Obj = { readonly [key: string]: Value };

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (v: Value | undefined): string => (typeof v === 'string' ? v : v == null ? '' : typeof v === 'object' ? '' : String(v));

/** One empty list, so selectors that find nothing return the same value every time. */
const EMPTY: readonly Value[] = [];

/** The threads of the archive (the raw values). */
export function threadsOf(data: Value | null): readonly Value[] {
  return isObj(data) && Array.isArray(data.archive) ? data.archive : EMPTY;
}

export const threadCount = (data: Value | null): number => threadsOf(data).length;

export function repliesOf(thread: Value | undefined): readonly Value[] {
  return isObj(thread) && Array.isArray(thread.replies) ? thread.replies : EMPTY;
}

export const nameOf = (entry: Value | undefined): string => (isObj(entry) ? str(entry.name) : '');
export const textOf = (entry: Value | undefined): string => (isObj(entry) ? str(entry.text) : '');

/** The first non-empty line of a text, for a card's summary. */
export function firstLine(text: string): string {
  for (const line of text.split('\n')) if (line.trim()) return line.trim();
  return '';
}

/** `Thread 3 by Tino`: a card's name, as assistive technology reads it. */
export const threadLabel = (t: number, thread: Value | undefined): string => `Thread ${t + 1} by ${nameOf(thread) || 'nobody yet'}`;
export const replyLabel = (r: number, reply: Value | undefined): string => `Reply ${r + 1} by ${nameOf(reply) || 'nobody yet'}`;

/** Whether a thread matches a filter, by name or text of the question or any reply. */
export function threadMatches(thread: Value, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hit = (e: Value) => nameOf(e).toLowerCase().includes(q) || textOf(e).toLowerCase().includes(q);
  return hit(thread) || repliesOf(thread).some(hit);
}
