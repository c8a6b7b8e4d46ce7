/**
 * A file name whose date differs from `start` → "Rename to match the week" (the file, its
 * `images/books/<id>/` folder, `cover` and `image`), or the week set to the file name's.
 * The rename goes through the contract's `renameBook`; the text's part of it is
 * `renameBookEdits`, which the page applies to its own copy after the rename succeeded.
 * "Reschedule…" is the same: `rescheduleEdits` for the chosen week, then the rename to
 * `rescheduledPath`.
 */
import type { BookDocument, Edit } from '../book/document';
import type { SiteContext } from '../book/validate';
import { dayOf, idDate, idForWeek, mondayOf, siteWeek, splitDateTime, weekdayOf } from '../book/week';
import { isPlainObject } from '../yaml/value';
import type { Fix, FixProvider } from './fix';
import { weekEdits } from './siteWeek';

/** The id of a book path: `_books/20210705-x.md` → `20210705-x`. */
export function bookIdOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/, '');
}

/** The path of the book `path` named for the date `day` (`YYYY-MM-DD`): same slug, that date. */
export function bookPathForDate(path: string, day: string): string {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return `${dir}${idForWeek(bookIdOf(path), day)}.md`;
}

/** The image folder of a book id, as the site lays it out. */
export const imageFolderOf = (id: string): string => `images/books/${id}`;

/** `cover` or `image` pointing into `from`'s image folder, rewritten to `to`'s; null when it points elsewhere. */
function movedPath(value: unknown, from: string, to: string): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\/?)images\/books\/([^/]+)\//.exec(value);
  return m && m[2] === from ? `${m[1]}${imageFolderOf(to)}/${value.slice(m[0].length)}` : null;
}

/** The edits that point `cover` and `image` into the image folder of `toId` instead of `fromId` (none for paths elsewhere). */
export function renameBookEdits(doc: BookDocument, fromId: string, toId: string): Edit[] {
  if (!isPlainObject(doc.data) || fromId === toId) return [];
  const out: Edit[] = [];
  for (const key of ['cover', 'image']) {
    const moved = movedPath(doc.data[key], fromId, toId);
    if (moved !== null) out.push({ op: 'set', path: [key], value: moved });
  }
  return out;
}

/** The dates of a "Reschedule…" to the week of `day` (any day of it): the site's Monday-to-Friday week. */
export function rescheduleEdits(doc: BookDocument, day: string): Edit[] {
  const monday = mondayOf(day);
  return monday ? weekEdits(doc, monday) : [];
}

/** Where "Reschedule…" to the week of `day` renames the book `path`: named for that week's Monday; null for a day that does not exist. */
export function rescheduledPath(path: string, day: string): string | null {
  const monday = mondayOf(day);
  return monday ? bookPathForDate(path, monday) : null;
}

/** The file name's date and the start's, when they differ. */
function datesOf(doc: BookDocument, site: SiteContext): { readonly file: string; readonly start: string } | null {
  const file = site.path ? idDate(bookIdOf(site.path)) : null;
  const start = isPlainObject(doc.data) ? splitDateTime(doc.data.start) : null;
  return file && dayOf(file) && start && file !== start.day ? { file, start: start.day } : null;
}

function offer(doc: BookDocument, _d: unknown, site: SiteContext): Fix[] {
  const dates = datesOf(doc, site);
  if (!dates || !site.path) return [];
  const to = bookPathForDate(site.path, dates.start);
  const fixes: Fix[] = [{ kind: 'rename-book', id: 'rename-book', label: `Rename to match the week: ${to.split('/').pop()}`, safe: false, to }];
  if (weekdayOf(dates.file) === 'Monday') {
    const week = siteWeek(dates.file);
    fixes.push({ kind: 'edit', id: 'file-week', label: `Set the week to the file name's: ${week.start} – ${week.end}`, safe: false });
  }
  return fixes;
}

function edits(doc: BookDocument, _d: unknown, id: string, site: SiteContext): Edit[] {
  const dates = datesOf(doc, site);
  return id === 'file-week' && dates && weekdayOf(dates.file) === 'Monday' ? weekEdits(doc, dates.file) : [];
}

/** Renames the book to its week, or sets the week to its file name's. */
export const renameBookFix: FixProvider = { codes: ['file-date'], offer, edits };
