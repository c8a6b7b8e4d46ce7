/** The site's week: a book runs from a Monday at 00:00:00 to that week's Friday at 23:59:59 (UTC dates, as the files write them). */

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a UTC date. */
export function ymd(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The UTC date of a real day written `YYYY-MM-DD`, or null. */
export function dayOf(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return ymd(date) === day && date.getUTCFullYear() >= 1000 ? date : null;
}

/** `YYYY-MM-DD` `n` days after `day` (a real day). */
export function addDays(day: string, n: number): string {
  return ymd(new Date(dayOf(day)!.getTime() + n * DAY_MS));
}

/** The Monday (`YYYY-MM-DD`) of the Monday-to-Sunday week holding `day`; null when `day` is not a real day. */
export function mondayOf(day: string): string | null {
  const date = dayOf(day);
  return date ? addDays(day, -((date.getUTCDay() + 6) % 7)) : null;
}

/** The site's week starting on `monday`: start and end as the files write them. */
export function siteWeek(monday: string): { readonly start: string; readonly end: string } {
  return { start: `${monday} 00:00:00`, end: `${addDays(monday, 4)} 23:59:59` };
}

/** The date part of a book id or file name (`20210705-slug`), as `YYYY-MM-DD`; null when it has none. */
export function idDate(id: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})-/.exec(id);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A book id for another week: the Monday's date, then the same slug. */
export function idForWeek(id: string, monday: string): string {
  const slug = idDate(id) ? id.slice(9) : id;
  return `${monday.replace(/-/g, '')}-${slug}`;
}

/** The day and time of a real `YYYY-MM-DD HH:MM:SS`, or null. */
export function splitDateTime(s: unknown): { readonly day: string; readonly time: string } | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2}) (([01]\d|2[0-3]):[0-5]\d:[0-5]\d)$/.exec(s);
  return m && dayOf(m[1]!) ? { day: m[1]!, time: m[2]! } : null;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The English name of a real day's weekday. */
export function weekdayOf(day: string): string {
  return WEEKDAYS[dayOf(day)!.getUTCDay()]!;
}
