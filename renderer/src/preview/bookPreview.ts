/**
 * The preview of the open book, in parts, from shared/preview: the page without its Q&A
 * (createPreviewRenderer, which caches the body's markdown) and each thread (renderThread),
 * remembered by the thread's value. The core shares the values of unchanged threads, so a
 * keystroke renders one thread, however many the book has; a thread is rendered only when
 * asked for, so a first view of a long book renders the threads it shows first. Joined,
 * the parts are exactly the document renderPreview makes.
 */
import { bookOf } from '../../../shared/index';
import type { Value } from '../../../shared/index';
import { createPreviewRenderer, renderThread } from '../../../shared/preview/index';
import type { PreviewPerson } from '../../../shared/preview/index';
import { mainHtml, splitPreview } from './previewParts';
import type { PreviewParts } from './previewParts';

/** What one preview is made of. */
export interface BookPreviewInput {
  /** The front matter value (a mapping). */
  readonly data: { readonly [key: string]: Value };
  readonly body: string;
  readonly people: readonly PreviewPerson[];
  readonly coverUrl: string | null;
  readonly theme: 'light' | 'dark' | undefined;
}

/** A rendered preview: its parts, and the whole document (made when asked); threads are rendered when first asked for. */
export interface BookPreview {
  /** Every part (renders the threads not rendered yet). */
  readonly parts: PreviewParts;
  /** How many threads the page has; null when it has no Q&A section. */
  readonly count: number | null;
  /** The parts with only the first `limit` threads: what the frame shows first while the rest waits for idle time. */
  partsUpTo(limit: number): PreviewParts;
  /** The whole document, or the document with only the first `limit` threads. */
  html(limit?: number): string;
}

const NO_VALUES: readonly Value[] = [];

/** A preview maker that remembers each thread's HTML from one call to the next. */
export function createBookPreview(): (input: BookPreviewInput) => BookPreview {
  const page = createPreviewRenderer();
  const known: { value: Value; html: string }[] = [];
  return ({ data, body, people, coverUrl, theme }) => {
    const raw = Array.isArray(data.archive) ? data.archive : NO_VALUES;
    const shell = page({ book: bookOf({ ...data, archive: [] })!, body, people, coverUrl, theme });
    const top = splitPreview(shell)!;
    if (known.length > raw.length) known.length = raw.length;
    const made: string[] = [];
    const thread = (t: number): string => {
      let html = made[t];
      if (html !== undefined) return html;
      const value = raw[t]!;
      const seen = known[t];
      html = seen && seen.value === value ? seen.html : renderThread(bookOf({ archive: [value] })!.archive[0]!, t);
      known[t] = { value, html };
      return (made[t] = html);
    };
    const count = raw.length ? raw.length : null;
    const partsUpTo = (limit: number): PreviewParts => {
      if (count === null) return { ...top, threads: null };
      const threads: string[] = [];
      for (let t = 0, n = Math.min(limit, count); t < n; t++) threads.push(thread(t));
      return { ...top, threads };
    };
    let all: PreviewParts | null = null;
    return {
      get parts() {
        return (all ??= partsUpTo(Infinity));
      },
      count,
      partsUpTo,
      html: (limit = Infinity) => {
        const at = shell.indexOf('<main class="book">') + '<main class="book">'.length;
        return shell.slice(0, at) + mainHtml(partsUpTo(limit)) + shell.slice(shell.lastIndexOf('</main>'));
      },
    };
  };
}
