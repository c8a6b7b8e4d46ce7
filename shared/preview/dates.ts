/** Jekyll's `date_to_string` for the `YYYY-MM-DD HH:MM:SS` strings of a book, read from the text (no time zones). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[ T])/;

/** `2021-07-05 00:00:00` → `05 Jul 2021`; null when the text does not start with a real calendar date. */
export function dateToString(value: string): string | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const month = Number(mo);
  const day = Number(d);
  const year = Number(y);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) return null;
  return `${d} ${MONTHS[month - 1]} ${y}`;
}

/**
 * The dates sentence's two ends: formatted when valid, the raw text when not, `?` when
 * empty; null when both are empty (the sentence is then left out).
 */
export function dateRange(start: string, end: string): [string, string] | null {
  if (!start.trim() && !end.trim()) return null;
  const show = (v: string) => dateToString(v) ?? (v.trim() || '?');
  return [show(start), show(end)];
}
