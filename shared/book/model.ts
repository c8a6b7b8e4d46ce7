/**
 * The book as the forms see it: a typed, forgiving view of the front matter value, and
 * paths in words. The edits of the book are in edits/, one file each.
 */
import type { Value } from '../yaml/tree';
import type { Path } from '../yaml/edit';
import { isObj, listOf, str } from './readers';

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

const obj = (v: unknown): Record<string, Value> => (isObj(v) ? v : {});

/** A typed view of a front matter value; null when it is not a mapping. */
export function bookOf(data: Value | null): Book | null {
  if (!isObj(data)) return null;
  return {
    title: str(data.title),
    description: str(data.description),
    cover: str(data.cover),
    image: str(data.image),
    start: str(data.start),
    end: str(data.end),
    authors: listOf(data.authors).map(str),
    links: listOf(data.links).map((l) => ({ text: str(obj(l).text), link: str(obj(l).link) })),
    archive: listOf(data.archive).map((t) => ({
      name: str(obj(t).name),
      text: str(obj(t).text),
      replies: listOf(obj(t).replies).map((r) => ({ name: str(obj(r).name), text: str(obj(r).text) })),
    })),
  };
}

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
