/** Finding the site a user points at: a folder with `_books/`, or a book file inside one. */
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { WorkspaceError, errnoCode } from './errors';

/** A located site: its real root, and the book to open when a book file was given. */
export interface SiteLocation {
  /** Real absolute path of the site root. */
  readonly root: string;
  /** Site-relative path of the book file that was given, or null for a folder. */
  readonly book: string | null;
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Finds the site of a folder or book file path; throws a not-a-site WorkspaceError saying why not. */
export async function locateSite(target: string): Promise<SiteLocation> {
  if (typeof target !== 'string' || !target || target.includes('\0')) throw new WorkspaceError('not-a-site', 'No folder or file was given.');
  let real: string;
  let stat: Stats;
  try {
    real = await fs.realpath(path.resolve(target));
    stat = await fs.stat(real);
  } catch (e) {
    const code = errnoCode(e);
    throw new WorkspaceError('not-a-site', code === 'ENOENT' ? `${target} does not exist.` : `${target} cannot be opened (${code ?? 'unknown error'}).`);
  }
  if (stat.isDirectory()) {
    if (await isDir(path.join(real, '_books'))) return { root: real, book: null };
    throw new WorkspaceError('not-a-site', `${target} is not a site: it has no _books folder.`);
  }
  if (!stat.isFile()) throw new WorkspaceError('not-a-site', `${target} is neither a folder nor a file.`);
  if (!real.endsWith('.md')) throw new WorkspaceError('not-a-site', `${target} is not a book: book files end in .md.`);
  for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
    if (await isDir(path.join(dir, '_books'))) {
      const rel = path.relative(dir, real).split(path.sep).join('/');
      if (!/^_books\/[^/]+\.md$/.test(rel)) throw new WorkspaceError('not-a-site', `${target} is in the site ${dir}, but not a book: books are _books/<name>.md.`);
      return { root: dir, book: rel };
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new WorkspaceError('not-a-site', `${target} is not in a site: no folder above it has a _books folder.`);
}
