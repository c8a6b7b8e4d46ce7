/**
 * What a book's preview card is drawn from, gathered from the site: the title, the cover
 * file, every author's name and picture (from `_people/`), and where the card goes. Every
 * path is confined to the site; a file that is missing, refused or too large is left out
 * (the card draws without it) with a warning, never an error.
 */
import type { Person } from '../../../shared/api';
import { bookOf, openBook } from '../../../shared/index';
import { WorkspaceError } from '../errors';
import { hashBytes, readFileBytes } from '../fileBytes';
import { checkRelative, confine } from '../sitePath';
import type { CardRecord } from './cardRecord';

/** The largest cover or picture file read for a card. */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** An author as the card draws them. */
export interface CardAuthor {
  readonly id: string | null;
  readonly name: string;
  /** The picture's bytes; null draws initials. */
  readonly picture: Buffer | null;
  /** The picture's site-relative path, for messages. */
  readonly picturePath: string | null;
}

/** Everything a card is drawn from. */
export interface CardSource {
  /** Site-relative path of the card. */
  readonly path: string;
  /** `image` was empty (so `path` is the default). */
  readonly imageEmpty: boolean;
  readonly title: string;
  readonly coverPath: string;
  readonly cover: Buffer | null;
  readonly authors: readonly CardAuthor[];
  readonly record: CardRecord;
  /** Files left out, in words. */
  readonly warnings: readonly string[];
}

/** The book id of a book path: its file name without `.md`. */
export const bookIdOf = (bookPath: string): string => bookPath.slice(bookPath.lastIndexOf('/') + 1).replace(/\.md$/, '');

/** The default place of a book's cover and card. */
export const defaultCoverPath = (id: string) => `images/books/${id}/cover.jpg`;
export const defaultCardPath = (id: string) => `images/books/${id}/preview.jpg`;

const siteRelative = (value: string) => value.trim().replace(/^\/+/, '');

/** The card's site-relative path from `image` (the default when empty); refuses a path outside `images/` or the site, or not a .jpg. */
export function cardPathOf(id: string, image: string): string {
  const wanted = siteRelative(image);
  if (!wanted) return defaultCardPath(id);
  const refuse = (why: string): never => {
    throw new WorkspaceError('bad-path', `The image path ${JSON.stringify(image.slice(0, 200))} is refused: ${why}.`);
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(wanted)) refuse('it is an address, not a file of the site');
  try {
    checkRelative(wanted);
  } catch (e) {
    refuse(e instanceof WorkspaceError ? e.message.replace(/^.* is refused: /, '').replace(/\.$/, '') : 'it is not a site path');
  }
  if (!wanted.startsWith('images/')) refuse('preview cards are written only under images/');
  if (!/\.jpe?g$/i.test(wanted)) refuse('the card is a JPEG, so the path must end in .jpg or .jpeg');
  return wanted;
}

/** Reads a site file for a card, or null with the reason pushed to `warnings`; a missing file is silent when `quietIfMissing`. */
async function readSiteFile(root: string, rel: string, what: string, warnings: string[], quietIfMissing: boolean): Promise<Buffer | null> {
  try {
    checkRelative(rel);
    return (await readFileBytes(await confine(root, rel), rel, MAX_SOURCE_BYTES)).bytes;
  } catch (e) {
    const missing = e instanceof WorkspaceError && e.kind === 'not-found';
    if (!(missing && quietIfMissing)) warnings.push(`${what} ${rel}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** Gathers what the card of the book at `bookPath` (site-relative) is drawn from, given its text and the site's people. */
export async function cardSourceOf(root: string, bookPath: string, text: string, people: readonly Person[]): Promise<CardSource> {
  const book = bookOf(openBook(text).data);
  if (!book) throw new WorkspaceError('bad-request', `${bookPath} cannot be read (its front matter is missing or broken): fix it before making its preview image.`);
  const id = bookIdOf(bookPath);
  const path = cardPathOf(id, book.image);
  const warnings: string[] = [];
  const coverPath = siteRelative(book.cover) || defaultCoverPath(id);
  const cover = await readSiteFile(root, coverPath, 'The cover', warnings, false);
  const byId = new Map(people.map((p) => [p.id, p]));
  const authors: CardAuthor[] = [];
  for (const raw of book.authors) {
    const name = raw.trim();
    if (!name) continue;
    const person = byId.get(name);
    if (!person) {
      authors.push({ id: null, name, picture: null, picturePath: null });
      continue;
    }
    const picturePath = person.picture ? siteRelative(person.picture) : `images/authors/${person.id}.jpg`;
    const picture = await readSiteFile(root, picturePath, `The picture of ${person.name}`, warnings, !person.picture);
    authors.push({ id: person.id, name: person.name, picture, picturePath });
  }
  const record: CardRecord = {
    book: id,
    title: book.title.trim(),
    authors: authors.map((a) => ({ id: a.id, name: a.name })),
    cover: coverPath,
    coverHash: cover ? hashBytes(cover) : null,
  };
  return { path, imageEmpty: !siteRelative(book.image), title: record.title, coverPath, cover, authors, record, warnings };
}
