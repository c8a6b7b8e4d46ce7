/** A new book's names from its title and week, as the site names them: the id, the file, the images, the week. Pure, for the dialog and the workspace alike. */
import { addDays, mondayOf, siteWeek } from './week';

/** The file name part of a title: lowercase ASCII letters and digits joined by single dashes, at most 80 characters. */
export function slugify(title: string): string {
  const ascii = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 80).replace(/-+$/, '') || 'book';
}

/** What New Book will create for `title` and any day of the week `day` (`YYYY-MM-DD`); null when the day is not a real one. */
export interface NewBookNames {
  readonly id: string;
  readonly path: string;
  readonly cover: string;
  readonly image: string;
  readonly monday: string;
  readonly friday: string;
  readonly start: string;
  readonly end: string;
}

export function newBookNames(title: string, day: string): NewBookNames | null {
  const monday = mondayOf(day);
  if (!monday) return null;
  const id = `${monday.replace(/-/g, '')}-${slugify(title.trim().replace(/\s+/g, ' '))}`;
  return { id, path: `_books/${id}.md`, cover: `images/books/${id}/cover.jpg`, image: `images/books/${id}/preview.jpg`, monday, friday: addDays(monday, 4), ...siteWeek(monday) };
}
