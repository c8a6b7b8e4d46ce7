/**
 * The preview document cut into the pieces the frame updates one by one: the theme, the
 * title, the top of the page (header, cover, body, links) and each Q&A thread. The cuts
 * follow the markup of shared/preview's renderer; a user's text cannot forge them (raw
 * HTML passes the sanitizer without attributes).
 */

export interface PreviewParts {
  /** The forced theme (`data-theme`), or null to follow the system. */
  readonly theme: string | null;
  /** The title as HTML text (escaped). */
  readonly title: string;
  /** Header, cover, body and links. */
  readonly top: string;
  /** Each thread's HTML; null when the page has no Q&A section. */
  readonly threads: readonly string[] | null;
}

const THEME = /^<!doctype html><html lang="en"(?: data-theme="(\w+)")?>/;
const MAIN = '<main class="book">';
const MAIN_END = '</main>';
const ARCHIVE = '<section class="book-archive"><h2>Questions and Answers</h2>';
const ARCHIVE_END = '</section>';
/** Where each thread begins. */
export const THREAD_START = '<div class="book-archive-thread" data-thread="';

/** Cuts a preview document into parts; null when it is not shaped as expected (the frame then loads it whole). */
export function splitPreview(html: string): PreviewParts | null {
  const theme = THEME.exec(html);
  const titleAt = html.indexOf('<title>');
  const titleEnd = html.indexOf('</title>', titleAt);
  const mainAt = html.indexOf(MAIN);
  const mainEnd = html.lastIndexOf(MAIN_END);
  if (!theme || titleAt < 0 || titleEnd < 0 || mainAt < 0 || mainEnd < mainAt) return null;
  const inner = html.slice(mainAt + MAIN.length, mainEnd);
  const archiveAt = inner.indexOf(ARCHIVE);
  const title = html.slice(titleAt + 7, titleEnd);
  if (archiveAt < 0) return { theme: theme[1] ?? null, title, top: inner, threads: null };
  const list = inner.slice(archiveAt + ARCHIVE.length, inner.lastIndexOf(ARCHIVE_END));
  const threads: string[] = [];
  for (let at = list.indexOf(THREAD_START); at >= 0; ) {
    const next = list.indexOf(THREAD_START, at + THREAD_START.length);
    threads.push(list.slice(at, next < 0 ? list.length : next));
    at = next;
  }
  return { theme: theme[1] ?? null, title, top: inner.slice(0, archiveAt), threads };
}

/** The `<main>` content of parts, as one string. */
export function mainHtml(parts: PreviewParts): string {
  return parts.threads === null ? parts.top : `${parts.top}${ARCHIVE}${parts.threads.join('')}${ARCHIVE_END}`;
}
