/**
 * Path confinement: every path from the other side is site-relative and must resolve,
 * through real paths, to a place inside the site root. Symbolic links may point anywhere
 * inside the site, never outside it.
 */
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { WorkspaceError, errnoCode } from './errors';

const refuse = (rel: string, why: string): never => {
  throw new WorkspaceError('bad-path', `${JSON.stringify(rel.slice(0, 200))} is refused: ${why}.`);
};

/** Checks the text of a site-relative path (forward slashes, no `..`, nothing absolute or encoded) and returns it. */
export function checkRelative(rel: unknown): string {
  if (typeof rel !== 'string' || rel === '') throw new WorkspaceError('bad-path', 'A path must be a non-empty text.');
  if (rel.length > 1024) refuse(rel, 'it is longer than 1024 characters');
  if (rel.includes('\0')) refuse(rel, 'it holds a NUL character');
  // eslint-disable-next-line no-control-regex -- the point is to find control characters
  if (/[\x00-\x1f\x7f-\x9f\u2028\u2029]/.test(rel)) refuse(rel, 'it holds a control character (a tab, a line break, …)');
  if (rel.includes('\\')) refuse(rel, 'it holds a backslash; use forward slashes');
  if (rel.startsWith('/') || /^[a-zA-Z]:/.test(rel) || path.isAbsolute(rel)) refuse(rel, 'it is absolute; paths are relative to the site folder');
  if (rel.includes(':')) refuse(rel, 'it holds a colon');
  if (/%(2e|2f|5c|00|25)/i.test(rel)) refuse(rel, 'it holds an encoded dot, slash, backslash or percent sign');
  for (const s of rel.split('/')) {
    if (s === '..') refuse(rel, 'it leaves the site folder (..)');
    if (s === '.' || s === '') refuse(rel, 'it has an empty or "." part');
  }
  return rel;
}

/** Checks a book path: `_books/<name>.md`, one level deep, not hidden (Jekyll skips names that start with a dot). */
export function checkBookPath(rel: unknown): string {
  const p = checkRelative(rel);
  if (!/^_books\/[^/]+\.md$/.test(p)) refuse(p, 'books are _books/<name>.md files');
  if (p.startsWith('_books/.')) refuse(p, 'the name starts with a dot, and the site skips such files');
  return p;
}

/** Whether `p` is `root` or inside it (both real, absolute paths). */
export function isInside(root: string, p: string): boolean {
  const base = root.endsWith(path.sep) ? root : root + path.sep;
  return p === root || p.startsWith(base);
}

/**
 * Resolves a site-relative path to the real absolute path it names, inside `rootReal`
 * (the real path of the site root). The file need not exist: its nearest existing folder
 * is resolved instead. Throws a bad-path WorkspaceError when it would leave the site.
 */
export async function confine(rootReal: string, rel: string): Promise<string> {
  checkRelative(rel);
  const full = path.join(rootReal, ...rel.split('/'));
  const missing: string[] = [];
  for (let at = full; ; at = path.dirname(at)) {
    try {
      const real = await fs.realpath(at);
      const resolved = path.join(real, ...missing.reverse());
      if (!isInside(rootReal, resolved)) refuse(rel, 'it leads outside the site folder (through a symbolic link)');
      return resolved;
    } catch (e) {
      if (e instanceof WorkspaceError) throw e;
      const code = errnoCode(e);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new WorkspaceError('bad-path', `${rel} cannot be resolved: ${code ?? 'unknown error'}.`);
      if (await isLink(at)) refuse(rel, 'it is or passes through a broken symbolic link');
      if (at === rootReal || path.dirname(at) === at) refuse(rel, 'the site folder itself is gone');
      missing.push(path.basename(at));
    }
  }
}

async function isLink(p: string): Promise<boolean> {
  try {
    return (await fs.lstat(p)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The real path of a file found by listing a folder of the site, or null when it leads outside the site or is gone. */
export async function realInside(rootReal: string, file: string): Promise<string | null> {
  try {
    const real = await fs.realpath(file);
    return isInside(rootReal, real) ? real : null;
  } catch {
    return null;
  }
}

/**
 * An entry of a folder of the site (`dirReal`: the folder's real path, inside the site):
 * its real path and what it is (`lstat`), or null when it is gone, or a link that leads
 * outside the site or nowhere. Only a link costs a `realpath`.
 */
export async function siteEntry(rootReal: string, dirReal: string, name: string): Promise<{ readonly real: string; readonly stat: Stats } | null> {
  const at = path.join(dirReal, name);
  const stat = await fs.lstat(at).catch(() => null);
  if (!stat?.isSymbolicLink()) return stat ? { real: at, stat } : null;
  const real = await realInside(rootReal, at);
  const target = real ? await fs.lstat(real).catch(() => null) : null;
  return real && target ? { real, stat: target } : null;
}

/** The real path of a folder of the site, or null when it is missing or leads outside the site. */
export async function realFolder(rootReal: string, dir: string): Promise<string | null> {
  const real = await realInside(rootReal, dir);
  return real && (await fs.stat(real).then((s) => s.isDirectory(), () => false)) ? real : null;
}

/**
 * How a folder scan reaches an entry: a regular file (as the listing says) not read before
 * goes straight to its read, which asks the open descriptor (`stat: null`); anything else
 * is looked at first with siteEntry (a link is followed inside the site; a cached file is
 * compared by its stat). Null when it is gone or leads outside the site.
 */
export async function scanEntry(rootReal: string, dirReal: string, name: string, listedRegular: boolean, cached: boolean): Promise<{ readonly real: string; readonly stat: Stats | null } | null> {
  if (listedRegular && !cached) return { real: path.join(dirReal, name), stat: null };
  return siteEntry(rootReal, dirReal, name);
}
