/**
 * A book's two images, written into the site: the cover from an image file, and the preview
 * card drawn from the book; and the card's state (missing, current, out of date). Paths are
 * confined to the site; nothing is replaced without the caller saying so, except the
 * editor's own card of the same book.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CoverResult, Person, PreviewImageChange, PreviewImageResult, PreviewImageState } from '../../../shared/api';
import { writeAtomic, writeExclusive } from '../atomicWrite';
import { WorkspaceError, errnoCode } from '../errors';
import { readFileBytes } from '../fileBytes';
import { checkBookPath, confine } from '../sitePath';
import { changesSince, readRecord } from './cardRecord';
import { bookIdOf, cardSourceOf, defaultCardPath, defaultCoverPath } from './cardSource';
import { drawCard } from './drawCard';
import { fitCover } from './fitCover';

/** Where the images go and what they are drawn from: the site's real root and its people. */
export interface ImageSite {
  readonly root: string;
  readonly people: () => Promise<readonly Person[]>;
}

/** Writes `bytes` at the site-relative `rel`: atomically over an existing file when `overwrite`, else only when nothing is there. Returns false when a file is there. */
async function writeImage(site: ImageSite, rel: string, bytes: Uint8Array, overwrite: boolean): Promise<boolean> {
  const real = await confine(site.root, rel);
  await fs.mkdir(path.dirname(real), { recursive: true });
  // The folders just made must not have been swapped for a link out of the site meanwhile.
  if ((await confine(site.root, rel)) !== real) throw new WorkspaceError('bad-path', `${rel} changed while it was written; nothing was written.`);
  if (overwrite) {
    await writeAtomic(real, bytes);
    return true;
  }
  try {
    await writeExclusive(real, bytes);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
    throw e;
  }
}

/** Fits an image (base64 JPEG, PNG or WebP) and writes it as the book's `images/books/<id>/cover.jpg`. */
export async function writeCover(site: ImageSite, bookPath: string, base64: string, overwrite: boolean): Promise<CoverResult> {
  const rel = defaultCoverPath(bookIdOf(checkBookPath(bookPath)));
  if (typeof base64 !== 'string') throw new WorkspaceError('bad-request', 'The cover must be an image as base64 text.');
  const fitted = await fitCover(Buffer.from(base64, 'base64'));
  if (!(await writeImage(site, rel, fitted.jpeg, overwrite))) return { ok: false, reason: 'exists', path: rel };
  return { ok: true, path: rel, width: fitted.width, height: fitted.height };
}

/** Draws the book's card from `text` and writes it at its `image` path; an existing file is replaced when it is our card of this book, or with `overwrite`. */
export async function makePreviewImage(site: ImageSite, bookPath: string, text: string, overwrite: boolean): Promise<PreviewImageResult> {
  const rel = checkBookPath(bookPath);
  const started = performance.now();
  const source = await cardSourceOf(site.root, rel, text, await site.people());
  const card = await drawCard(source);
  const ms = Math.round(performance.now() - started);
  let replace = overwrite;
  if (!replace) {
    const existing = await readExisting(site, source.path);
    replace = existing !== null && readRecord(existing)?.book === source.record.book;
  }
  if (!(await writeImage(site, source.path, card.jpeg, replace))) return { ok: false, reason: 'exists', path: source.path };
  return { ok: true, path: source.path, setImage: source.imageEmpty, ms, warnings: card.warnings };
}

/** The card's bytes, or null when there is no file. */
async function readExisting(site: ImageSite, rel: string): Promise<Buffer | null> {
  try {
    return (await readFileBytes(await confine(site.root, rel), rel, 32 * 1024 * 1024)).bytes;
  } catch (e) {
    if (e instanceof WorkspaceError && e.kind === 'not-found') return null;
    throw e;
  }
}

const CHANGE_WORDS: Readonly<Record<PreviewImageChange, string>> = {
  title: 'the title',
  authors: 'the authors',
  cover: 'the cover',
  unrecorded: 'it was not made by this editor (it holds no record of the book it shows)',
};

/** Whether the book's card is there and shows this title, these authors and this cover. */
export async function previewImageState(site: ImageSite, bookPath: string, text: string): Promise<PreviewImageState> {
  const rel = checkBookPath(bookPath);
  let source: Awaited<ReturnType<typeof cardSourceOf>>;
  try {
    source = await cardSourceOf(site.root, rel, text, await site.people());
  } catch (e) {
    if (!(e instanceof WorkspaceError)) throw e;
    const fallback = e.kind === 'bad-path' ? null : defaultCardPath(bookIdOf(rel));
    return { path: fallback, imageEmpty: false, status: 'invalid', changed: [], message: e.message };
  }
  const base = { path: source.path, imageEmpty: source.imageEmpty };
  const existing = await readExisting(site, source.path).catch((e: unknown) => (e instanceof WorkspaceError ? e : Promise.reject(e)));
  if (existing instanceof WorkspaceError) return { ...base, status: 'invalid', changed: [], message: existing.message };
  if (!existing) return { ...base, status: 'missing', changed: [], message: `The preview image ${source.path} does not exist.` };
  const stored = readRecord(existing);
  const changed: PreviewImageChange[] = stored ? changesSince(stored, source.record) : ['unrecorded'];
  if (!changed.length) return { ...base, status: 'current', changed, message: `The preview image ${source.path} shows the book as it is.` };
  const words = changed.map((c) => CHANGE_WORDS[c]);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
  const message = changed.includes('unrecorded') ? `The preview image ${source.path} may be out of date: ${list}.` : `The preview image ${source.path} is out of date: ${list} changed since it was made.`;
  return { ...base, status: 'out-of-date', changed, message };
}
