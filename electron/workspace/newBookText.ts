/** A new book from the site's conventions, written in the hand-written style of the site. */
import type { NewBookRequest } from '../../shared/api';
import { bookOf, descriptionFor, joinNames, openBook, siteWeek } from '../../shared/index';
import { dayOf, mondayOf as mondayOfDay, ymd } from '../../shared/book/week';
import { slugify } from '../../shared/book/newBookName';
import { WorkspaceError } from './errors';

/** A new book file, not yet written. */
export interface NewBookDraft {
  readonly id: string;
  readonly path: string;
  readonly text: string;
}

/** The Monday of the week holding `day` (`YYYY-MM-DD`), as a UTC date; throws for a day that does not exist. */
export function mondayOf(day: string): Date {
  const monday = mondayOfDay(day);
  if (!monday) throw new WorkspaceError('bad-request', `The week must be a real day written YYYY-MM-DD; "${day}" is not.`);
  return dayOf(monday)!;
}

export { slugify };

export { joinNames };

const quote = (s: string) => JSON.stringify(s);
const YAML11_WORDS = /^(y|n|yes|no|on|off|true|false|null)$/i;

/** An author as a flow-list item: plain when YAML reads it back as the same text, quoted otherwise. */
function flowItem(s: string): string {
  return /^[A-Za-z][A-Za-z0-9 ._'-]*$/.test(s) && !/[ ]$/.test(s) && !YAML11_WORDS.test(s) ? s : quote(s);
}

/** Builds the text of a new book; `names` maps people ids to display names. Checks the text reads back as asked. */
export function newBookDraft(request: NewBookRequest, names: ReadonlyMap<string, string>): NewBookDraft {
  const title = request.title.trim().replace(/\s+/g, ' ');
  if (!title) throw new WorkspaceError('bad-request', 'A new book needs a title.');
  const authors = request.authors.map((a) => a.trim()).filter((a) => a);
  const monday = ymd(mondayOf(request.week));
  const id = `${monday.replace(/-/g, '')}-${slugify(title)}`;
  const { start, end } = siteWeek(monday);
  const text = [
    '---',
    `title: ${quote(title)}`,
    `description: ${quote(descriptionFor(title, authors.map((a) => names.get(a) ?? a)))}`,
    `cover: ${quote(`images/books/${id}/cover.jpg`)}`,
    `image: ${quote(`images/books/${id}/preview.jpg`)}`,
    `start: ${start}`,
    `end: ${end}`,
    `authors: [${authors.map(flowItem).join(', ')}]`,
    'links: []',
    '---',
    '',
    `A short note about ${title}: what the book covers and who it is for.`,
    '',
  ].join('\n');
  const book = bookOf(openBook(text).data);
  const same = book && book.title === title && book.start === start && book.end === end && book.authors.length === authors.length && book.authors.every((a, i) => a === authors[i]);
  if (!same) throw new WorkspaceError('bad-request', `The new book's text does not read back as asked (title ${quote(title)}); please change the title or authors.`);
  return { id, path: `_books/${id}.md`, text };
}
