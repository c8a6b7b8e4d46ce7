/**
 * The record a preview card carries in a JPEG comment: which book, the title, the authors
 * (ids and names) and the cover's hash it was drawn from. Comparing it with the book as it
 * is now tells whether the card is out of date, and what changed.
 */
import crypto from 'node:crypto';
import type { PreviewImageChange } from '../../../shared/api';
import { MAX_COMMENT_BYTES, readComments } from './jpegComment';

/** An author as drawn: the people id (null for a plain name) and the name shown. */
export interface RecordedAuthor {
  readonly id: string | null;
  readonly name: string;
}

/** What a card was made from. */
export interface CardRecord {
  /** The book's id (its file name without `.md`). */
  readonly book: string;
  readonly title: string;
  readonly authors: readonly RecordedAuthor[];
  /** The cover's site-relative path, for people reading the record. */
  readonly cover: string;
  /** SHA-256 of the cover file's bytes; null when the card was drawn without a cover. */
  readonly coverHash: string | null;
}

/** How a comment of ours starts: a name and a format version, then JSON. */
const PREFIX = 'book-editor preview card v1 ';

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
/** The authors as one comparable text. */
const authorsKey = (authors: readonly RecordedAuthor[]) => JSON.stringify(authors.map((a) => [a.id, a.name]));

/** The comment text of a record. Past the comment's size, the title and authors are kept as hashes (still comparable, no longer readable). */
export function recordComment(record: CardRecord): string {
  const full = PREFIX + JSON.stringify(record);
  if (Buffer.byteLength(full, 'utf8') <= MAX_COMMENT_BYTES) return full;
  const { title, authors, ...rest } = record;
  return PREFIX + JSON.stringify({ ...rest, cover: rest.cover.slice(0, 2000), titleSha256: sha256(title), authorsSha256: sha256(authorsKey(authors)) });
}

/** A record as read back: the plain fields, or their hashes for a record too large to keep them. */
type StoredRecord = Omit<CardRecord, 'title' | 'authors'> & ({ title: string; authors: RecordedAuthor[] } | { titleSha256: string; authorsSha256: string });

const isAuthor = (a: unknown): a is RecordedAuthor =>
  typeof a === 'object' && a !== null && (typeof (a as RecordedAuthor).id === 'string' || (a as RecordedAuthor).id === null) && typeof (a as RecordedAuthor).name === 'string';

/** The record in a card's bytes; null when the file is not a JPEG or holds no record of ours. */
export function readRecord(jpeg: Uint8Array): StoredRecord | null {
  for (const text of readComments(jpeg) ?? []) {
    if (!text.startsWith(PREFIX)) continue;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(PREFIX.length));
    } catch {
      return null;
    }
    if (typeof value !== 'object' || value === null) return null;
    const r = value as Record<string, unknown>;
    if (typeof r.book !== 'string' || typeof r.cover !== 'string' || !(typeof r.coverHash === 'string' || r.coverHash === null)) return null;
    const plain = typeof r.title === 'string' && Array.isArray(r.authors) && r.authors.every(isAuthor);
    const hashed = typeof r.titleSha256 === 'string' && typeof r.authorsSha256 === 'string';
    return plain || hashed ? (value as StoredRecord) : null;
  }
  return null;
}

/** What differs between the record a card holds and the record the book would give now. */
export function changesSince(stored: StoredRecord, now: CardRecord): PreviewImageChange[] {
  const changes: PreviewImageChange[] = [];
  const title = 'title' in stored ? stored.title === now.title : stored.titleSha256 === sha256(now.title);
  if (!title) changes.push('title');
  const authors = 'authors' in stored ? authorsKey(stored.authors) === authorsKey(now.authors) : stored.authorsSha256 === sha256(authorsKey(now.authors));
  if (!authors) changes.push('authors');
  if (stored.coverHash !== now.coverHash) changes.push('cover');
  return changes;
}
