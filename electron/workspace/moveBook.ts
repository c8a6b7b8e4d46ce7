/**
 * Moving a book on disk: the new file is created (never over an existing one), then the
 * image folder is renamed, then the old file removed. A step that fails undoes the steps
 * before it, so the site is either renamed or as it was; if even the undo fails, the
 * message says where every file is, and nothing is deleted.
 */
import fs from 'node:fs/promises';
import { writeExclusive } from './atomicWrite';
import { WorkspaceError, errnoCode } from './errors';

/** What to move: real paths, and the site-relative names for messages. */
export interface BookMove {
  readonly from: { readonly real: string; readonly rel: string };
  readonly to: { readonly real: string; readonly rel: string };
  /** The new file's bytes (the old ones with `cover` and `image` pointing to the new folder). */
  readonly bytes: Uint8Array;
  /** The old file's permission bits, kept. */
  readonly mode: number;
  readonly images: { readonly from: { readonly real: string; readonly rel: string }; readonly to: { readonly real: string; readonly rel: string } } | null;
}

const why = (e: unknown) => errnoCode(e) ?? (e instanceof Error ? e.message : String(e));

/** Performs a move whose targets were checked to be free; throws a WorkspaceError saying what happened on failure. */
export async function moveBook(m: BookMove): Promise<void> {
  try {
    await writeExclusive(m.to.real, m.bytes);
    await fs.chmod(m.to.real, m.mode & 0o7777).catch(() => undefined);
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') throw new WorkspaceError('exists', `${m.to.rel} already exists: choose another week or name.`);
    throw new WorkspaceError('bad-request', `The book could not be renamed: ${m.to.rel} could not be written (${why(e)}). Nothing was changed.`);
  }
  const dropNew = () => fs.rm(m.to.real, { force: true });
  if (m.images) {
    try {
      await fs.rename(m.images.from.real, m.images.to.real);
    } catch (e) {
      await dropNew().catch(() => undefined);
      throw new WorkspaceError('bad-request', `The book could not be renamed: the folder ${m.images.from.rel} could not be moved to ${m.images.to.rel} (${why(e)}). Nothing was changed.`);
    }
  }
  try {
    await fs.rm(m.from.real);
  } catch (e) {
    const undo = async () => {
      if (m.images) await fs.rename(m.images.to.real, m.images.from.real);
      await dropNew();
    };
    const undone = await undo().then(() => true, () => false);
    if (undone) throw new WorkspaceError('bad-request', `The book could not be renamed: ${m.from.rel} could not be removed (${why(e)}). Nothing was changed.`);
    throw new WorkspaceError('bad-request', `The book was copied to ${m.to.rel}${m.images ? ` and its images moved to ${m.images.to.rel}` : ''}, but ${m.from.rel} could not be removed (${why(e)}): both book files are there now; remove one.`);
  }
}
