/**
 * A week that does not run Monday 00:00:00 to Friday 23:59:59 → the site's week for that
 * Monday. The site's first year wrote the Friday's end as 22:59:58 or 22:59:59 (23:59:59
 * in Central Europe, written in UTC); 34 + 4 real books do, and the page shows only the
 * day, so those ends count as the site's week too.
 */
import type { BookDocument, Edit } from '../book/document';
import { addDays, mondayOf, siteWeek, splitDateTime, weekdayOf } from '../book/week';
import type { Value } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';
import type { Fix, FixProvider, Report } from './fix';

const END_TIMES = ['23:59:59', '22:59:59', '22:59:58'];

/** The Mondays whose site week may be meant, when the week is not the site's; null when it is (or dates are unreadable or reversed). */
function mondaysFor(data: Value | null): string[] | null {
  if (!isPlainObject(data)) return null;
  const start = splitDateTime(data.start);
  const end = splitDateTime(data.end);
  if (!start || !end || (data.end as string) < (data.start as string)) return null;
  const monday = mondayOf(start.day)!;
  if (start.day === monday && start.time === '00:00:00' && end.day === addDays(monday, 4) && END_TIMES.includes(end.time)) return null;
  // A week starting on Saturday or Sunday was probably meant for the next Monday too.
  const weekend = ['Saturday', 'Sunday'].includes(weekdayOf(start.day));
  return weekend ? [monday, addDays(monday, 7)] : [monday];
}

const describe = (s: string) => `${weekdayOf(s.slice(0, 10))} ${s}`;

/** Warns when the book's week is not the site's Monday-to-Friday week. */
export function checkWeek(data: Value, report: Report): void {
  if (!mondaysFor(data) || !isPlainObject(data)) return;
  const start = data.start as string;
  const atStart = !start.endsWith(' 00:00:00') || weekdayOf(start.slice(0, 10)) !== 'Monday';
  report('warning', 'week', [atStart ? 'start' : 'end'], `The week runs from ${describe(start)} to ${describe(data.end as string)}; the site's weeks run from Monday 00:00:00 to Friday 23:59:59.`);
}

/** The edits that set the site's week starting on `monday`; only the dates that differ are written. */
export function weekEdits(doc: BookDocument, monday: string): Edit[] {
  const week = siteWeek(monday);
  const data = isPlainObject(doc.data) ? doc.data : {};
  const out: Edit[] = [];
  if (data.start !== week.start) out.push({ op: 'set', path: ['start'], value: week.start });
  if (data.end !== week.end) out.push({ op: 'set', path: ['end'], value: week.end });
  return out;
}

const label = (monday: string) => `Set the week to ${siteWeek(monday).start} – ${siteWeek(monday).end}`;

function offer(doc: BookDocument): Fix[] {
  return (mondaysFor(doc.data) ?? []).map((m) => ({ kind: 'edit', id: `site-week:${m}`, label: label(m), safe: false }));
}

function edits(doc: BookDocument, _d: unknown, id: string): Edit[] {
  const monday = id.slice('site-week:'.length);
  return (mondaysFor(doc.data) ?? []).includes(monday) ? weekEdits(doc, monday) : [];
}

/** Sets the site's week for the start's Monday. */
export const siteWeekFix: FixProvider = { codes: ['week'], offer, edits };
