/**
 * The book as the forms see it: a typed, forgiving view of the front matter value, and
 * the domain operations on Q&A threads, each built from the plain edits of document.ts.
 */
import type { Value } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';
import { EditError } from '../yaml/edit';
import type { Path } from '../yaml/edit';
import { applyEdits } from './document';
import type { BookDocument, Edit } from './document';

export interface Reply {
  readonly name: string;
  readonly text: string;
}

export interface Thread extends Reply {
  readonly replies: readonly Reply[];
}

export interface Link {
  readonly text: string;
  readonly link: string;
}

/** The fields of a book, with missing or mistyped values read as empty. */
export interface Book {
  readonly title: string;
  readonly description: string;
  readonly cover: string;
  readonly image: string;
  readonly start: string;
  readonly end: string;
  readonly authors: readonly string[];
  readonly links: readonly Link[];
  readonly archive: readonly Thread[];
}

/** The keys a book file knows, in the order hand-written files use. */
export const BOOK_KEYS = ['title', 'description', 'cover', 'image', 'start', 'end', 'authors', 'links', 'archive'] as const;

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : typeof v === 'object' ? '' : String(v));
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, Value> => (isPlainObject(v) ? v : {});

/** A typed view of a front matter value; null when it is not a mapping. */
export function bookOf(data: Value | null): Book | null {
  if (!isPlainObject(data)) return null;
  return {
    title: str(data.title),
    description: str(data.description),
    cover: str(data.cover),
    image: str(data.image),
    start: str(data.start),
    end: str(data.end),
    authors: list(data.authors).map(str),
    links: list(data.links).map((l) => ({ text: str(obj(l).text), link: str(obj(l).link) })),
    archive: list(data.archive).map((t) => ({
      name: str(obj(t).name),
      text: str(obj(t).text),
      replies: list(obj(t).replies).map((r) => ({ name: str(obj(r).name), text: str(obj(r).text) })),
    })),
  };
}

function threads(doc: BookDocument): readonly Value[] {
  return isPlainObject(doc.data) && Array.isArray(doc.data.archive) ? doc.data.archive : [];
}

function repliesOf(doc: BookDocument, t: number): readonly Value[] {
  const thread = threads(doc)[t];
  if (!isPlainObject(thread)) throw new EditError(`There is no thread ${t + 1}.`);
  return Array.isArray(thread.replies) ? thread.replies : [];
}

/** Edits that add a reply to thread `t` at `index` (default: at the end). */
export function addReplyEdits(doc: BookDocument, t: number, reply: Reply, index?: number): Edit[] {
  const n = repliesOf(doc, t).length;
  return [{ op: 'insert', path: ['archive', t, 'replies'], index: index ?? n, value: { name: reply.name, text: reply.text } }];
}

/** Edits that add a thread at `index` (default: at the end). */
export function addThreadEdits(doc: BookDocument, thread: Reply, index?: number): Edit[] {
  return [{ op: 'insert', path: ['archive'], index: index ?? threads(doc).length, value: { name: thread.name, text: thread.text, replies: [] } }];
}

/** Edits that turn reply `r` of thread `t` into its own thread, placed right after thread `t`. */
export function promoteReplyEdits(doc: BookDocument, t: number, r: number): Edit[] {
  if (r < 0 || r >= repliesOf(doc, t).length) throw new EditError(`Thread ${t + 1} has no reply ${r + 1}.`);
  return [{ op: 'move', from: ['archive', t, 'replies', r], to: ['archive'], index: t + 1 }];
}

/**
 * Edits that turn thread `t` into a reply of thread `target`, at `index` among its replies
 * (default: at the end); the thread's own replies follow it.
 */
export function demoteThreadEdits(doc: BookDocument, t: number, target: number, index?: number): Edit[] {
  if (t === target) throw new EditError('A thread cannot become a reply of itself.');
  const own = repliesOf(doc, t).length;
  const at = index ?? repliesOf(doc, target).length;
  const edits: Edit[] = [];
  // Move the thread's replies first (they land after the thread's own place), then the thread.
  for (let i = 0; i < own; i++) edits.push({ op: 'move', from: ['archive', t, 'replies', 0], to: ['archive', target, 'replies'], index: at + i });
  const thread = threads(doc)[t];
  if (isPlainObject(thread) && 'replies' in thread) edits.push({ op: 'remove', path: ['archive', t, 'replies'] });
  edits.push({ op: 'move', from: ['archive', t], to: ['archive', target, 'replies'], index: at });
  return edits;
}

/**
 * Edits that merge thread `from` into thread `into`: when both were asked by the same
 * person, the question texts join (a blank line between); otherwise `from`'s question
 * becomes a reply. `from`'s replies follow, and `from` is removed.
 */
export function mergeThreadsEdits(doc: BookDocument, into: number, from: number): Edit[] {
  if (into === from) throw new EditError('A thread cannot be merged into itself.');
  const a = obj(threads(doc)[into]);
  const b = obj(threads(doc)[from]);
  if (!isPlainObject(threads(doc)[into]) || !isPlainObject(threads(doc)[from])) throw new EditError('Both threads must exist to merge them.');
  if (str(a.name) === str(b.name)) {
    const edits: Edit[] = [{ op: 'set', path: ['archive', into, 'text'], value: [str(a.text), str(b.text)].filter(Boolean).join('\n\n') }];
    const n = repliesOf(doc, into).length;
    const own = repliesOf(doc, from).length;
    for (let i = 0; i < own; i++) edits.push({ op: 'move', from: ['archive', from, 'replies', 0], to: ['archive', into, 'replies'], index: n + i });
    edits.push({ op: 'remove', path: ['archive', from] });
    return edits;
  }
  return demoteThreadEdits(doc, from, into);
}

/** Adds a reply; see addReplyEdits. */
export const addReply = (doc: BookDocument, t: number, reply: Reply, index?: number) => applyEdits(doc, addReplyEdits(doc, t, reply, index));
/** Promotes a reply to a thread; see promoteReplyEdits. */
export const promoteReply = (doc: BookDocument, t: number, r: number) => applyEdits(doc, promoteReplyEdits(doc, t, r));
/** Demotes a thread to a reply; see demoteThreadEdits. */
export const demoteThread = (doc: BookDocument, t: number, target: number, index?: number) => applyEdits(doc, demoteThreadEdits(doc, t, target, index));
/** Merges two threads; see mergeThreadsEdits. */
export const mergeThreads = (doc: BookDocument, into: number, from: number) => applyEdits(doc, mergeThreadsEdits(doc, into, from));

/** A path in words for people: `Thread 3, reply 2: text`. */
export function describePath(path: Path): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (seg === 'archive' && typeof next === 'number') {
      parts.push(`Thread ${next + 1}`);
      i++;
    } else if (seg === 'replies' && typeof next === 'number') {
      parts.push(`reply ${next + 1}`);
      i++;
    } else if (seg === 'links' && typeof next === 'number') {
      parts.push(`Link ${next + 1}`);
      i++;
    } else if (seg === 'authors' && typeof next === 'number') {
      parts.push(`Author ${next + 1}`);
      i++;
    } else if (typeof seg === 'number') {
      parts.push(`item ${seg + 1}`);
    } else if (seg !== undefined) {
      parts.push(seg);
    }
  }
  if (parts.length === 0) return 'Front matter';
  // "Thread 3, reply 2" names an item; "Thread 3, reply 2: text" a field of it.
  const endsWithItem = typeof path[path.length - 1] === 'number';
  const head = parts.slice(0, -1).join(', ');
  const last = parts[parts.length - 1]!;
  const text = head ? `${head}${endsWithItem ? ', ' : ': '}${last}` : last;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
