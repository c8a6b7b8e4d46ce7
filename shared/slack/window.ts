/**
 * The window of time an import covers: whole UTC days, by default from the day before the
 * book's start to the day after its end (a day either side absorbs any time zone).
 */
import { ImportError } from './source';

/** The first and last day of the window, `YYYY-MM-DD`, both included. */
export interface ImportWindow {
  readonly from: string;
  readonly to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_SECONDS = 86_400;

/** Seconds since the epoch at 00:00 UTC of a `YYYY-MM-DD` day; null when it is not a real day. */
export function dayStart(day: string): number | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === day ? ms / 1000 : null;
}

/** The `YYYY-MM-DD` day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  return new Date((dayStart(day)! + days * DAY_SECONDS) * 1000).toISOString().slice(0, 10);
}

/** The window for a book (`start` and `end` as `YYYY-MM-DD HH:MM:SS`), widened or replaced by the user's days. */
export function windowFor(book: { readonly start: string; readonly end: string }, chosen: { from?: string; to?: string } = {}): ImportWindow {
  const day = (value: string) => (dayStart(value.slice(0, 10)) === null ? null : value.slice(0, 10));
  const start = day(book.start);
  const end = day(book.end);
  for (const [key, value] of [['first', chosen.from], ['last', chosen.to]] as const) {
    if (value !== undefined && dayStart(value) === null) throw new ImportError(`The ${key} day of the window must be a date as YYYY-MM-DD, got "${value}".`);
  }
  const from = chosen.from ?? (start ? addDays(start, -1) : null);
  const to = chosen.to ?? (end ? addDays(end, 1) : null);
  if (from === null || to === null) throw new ImportError(`The book has no valid ${from === null ? 'start' : 'end'} date: choose the window's days yourself.`);
  if (to < from) throw new ImportError(`The window ends (${to}) before it starts (${from}).`);
  return { from, to };
}

/** A test for Slack `ts` values ("1614556800.000200", seconds since the epoch): whether one falls in the window. */
export function inWindow(window: ImportWindow): (ts: string) => boolean {
  const from = dayStart(window.from)!;
  const to = dayStart(window.to)! + DAY_SECONDS;
  return (ts) => {
    const seconds = Number.parseFloat(ts);
    return seconds >= from && seconds < to;
  };
}
