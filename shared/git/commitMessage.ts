/**
 * The prefilled commit message of the Changes view, in words: "Engineering MLOps: add 2
 * replies, move 1 reply, fix the title". Each book is described from its value at HEAD
 * against its value now (bookChanges.ts); images of a book's folder join that book's line;
 * several files get a short subject and one line each below it.
 */
import type { GitChangeKind } from '../api';
import { openBook } from '../book/document';
import { bookOf } from '../book/model';
import { isPlainObject } from '../yaml/value';
import { bookChangePhrases, VERBS } from './bookChanges';
import type { Phrase } from './bookChanges';

/** A file to commit, as the message needs it: the texts only for books and people. */
export interface MessageFile {
  /** Site-relative path. */
  readonly path: string;
  readonly change: GitChangeKind;
  /** The text at HEAD (`readAtHead`); absent or null for a new file. */
  readonly before?: string | null;
  /** The text now (the saved file); absent or null for a deleted file. */
  readonly after?: string | null;
}

/** The longest subject that lists each file's line, joined with "; ". */
const SUBJECT_MAX = 72;

const BOOK = /^_books\/([^/]+)\.md$/;
const PERSON = /^_people\/([^/]+)\.md$/;
const BOOK_IMAGE = /^images\/books\/([^/]+)\/(.+)$/;

const isNew = (f: MessageFile) => f.change === 'added' || f.change === 'untracked';
const verbOf = (f: MessageFile) => (isNew(f) ? 'add' : f.change === 'deleted' ? 'remove' : 'change');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Phrases in words, one verb for all its objects: "add 1 thread and 2 replies, fix the title". */
export function sayPhrases(phrases: readonly { readonly verb: string; readonly object: string }[]): string {
  const byVerb = new Map<string, string[]>();
  for (const p of phrases) byVerb.set(p.verb, [...(byVerb.get(p.verb) ?? []), p.object]);
  return [...byVerb].map(([verb, objects]) => `${verb} ${joinWords(objects)}`).join(', ');
}

const text = (t: string | null | undefined) => (typeof t === 'string' ? openBook(t) : null);

/** The front matter `title` of a text, or ''. */
function titleOf(t: string | null | undefined): string {
  const doc = text(t);
  return doc && isPlainObject(doc.data) && typeof doc.data.title === 'string' ? doc.data.title.trim() : '';
}

/** The line of one book: "Add <title>", "Remove <title>", or "<title>: <what changed>". */
function bookLine(f: MessageFile, id: string, images: readonly MessageFile[]): string {
  const title = titleOf(f.after) || titleOf(f.before) || id;
  if (isNew(f)) return `Add ${title}`;
  if (f.change === 'deleted') return `Remove ${title}`;
  const before = text(f.before);
  const after = text(f.after);
  const phrases = before && after ? bookChangePhrases(before, after) : null;
  const book = after ? bookOf(after.data) : null;
  const imagePhrases = images.map((img): Phrase => {
    const name = img.path.slice(`images/books/${id}/`.length);
    const which = book && book.cover.replace(/^\/+/, '') === img.path ? 'the cover image' : book && book.image.replace(/^\/+/, '') === img.path ? 'the card image' : `image ${name}`;
    return { verb: verbOf(img), object: which };
  });
  if (phrases === null) return `${title}: ${sayPhrases([{ verb: 'edit', object: 'the file' }, ...imagePhrases])}`;
  const all = VERBS.flatMap((v) => [...phrases, ...imagePhrases].filter((p) => p.verb === v));
  return `${title}: ${all.length ? sayPhrases(all) : 'reformat'}`;
}

/** The line of one people page. */
function personLine(f: MessageFile, id: string): string {
  const name = titleOf(f.after) || titleOf(f.before) || id;
  return `${capital(isNew(f) ? 'add' : f.change === 'deleted' ? 'remove' : 'update')} person ${name}`;
}

/** One line per file (images of a book in the set join its line), in the order given. */
export function messageLines(files: readonly MessageFile[]): string[] {
  const books = new Map<string, MessageFile>();
  for (const f of files) {
    const m = BOOK.exec(f.path);
    if (m) books.set(m[1]!, f);
  }
  const imagesOf = new Map<string, MessageFile[]>();
  const lines: string[] = [];
  for (const f of files) {
    const m = BOOK_IMAGE.exec(f.path);
    if (m && books.has(m[1]!)) imagesOf.set(m[1]!, [...(imagesOf.get(m[1]!) ?? []), f]);
  }
  for (const f of files) {
    const book = BOOK.exec(f.path);
    const person = PERSON.exec(f.path);
    const image = BOOK_IMAGE.exec(f.path);
    if (book) lines.push(bookLine(f, book[1]!, imagesOf.get(book[1]!) ?? []));
    else if (person) lines.push(personLine(f, person[1]!));
    else if (!image || !books.has(image[1]!)) lines.push(`${capital(verbOf(f))} ${f.path}`);
  }
  return lines;
}

/** The subject for several files: what was done to how many books, people and other files. */
function countSubject(files: readonly MessageFile[]): string {
  const bookFiles = files.filter((f) => BOOK.test(f.path));
  const groups: [string, number, string, string][] = [
    ['add', bookFiles.filter(isNew).length, 'book', 'books'],
    ['update', bookFiles.filter((f) => f.change === 'modified').length, 'book', 'books'],
    ['remove', bookFiles.filter((f) => f.change === 'deleted').length, 'book', 'books'],
    ['update', files.filter((f) => PERSON.test(f.path)).length, 'people page', 'people pages'],
  ];
  const bookIds = new Set(bookFiles.map((b) => BOOK.exec(b.path)![1]));
  const others = files.filter((f) => !BOOK.test(f.path) && !PERSON.test(f.path) && !bookIds.has(BOOK_IMAGE.exec(f.path)?.[1]));
  groups.push(['update', others.filter((f) => f.path.startsWith('images/')).length, 'image', 'images']);
  groups.push(['update', others.filter((f) => !f.path.startsWith('images/')).length, 'file', 'files']);
  return capital(sayPhrases(groups.filter((g) => g[1] > 0).map(([verb, n, one, many]) => ({ verb, object: `${n} ${n === 1 ? one : many}` }))));
}

/**
 * The prefilled commit message for these files: one line for one file (or for a book and
 * its images); for several, the lines joined with "; " when that stays short, otherwise a
 * subject that counts them and one line per file below it.
 */
export function commitMessage(files: readonly MessageFile[]): string {
  const lines = messageLines(files);
  if (lines.length <= 1) return lines[0] ?? '';
  const joined = lines.join('; ');
  if (joined.length <= SUBJECT_MAX) return joined;
  return `${countSubject(files)}\n\n${lines.join('\n')}`;
}
