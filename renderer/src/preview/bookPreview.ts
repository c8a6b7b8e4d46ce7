/**
 * The preview of the open book, in parts, from shared/preview: the page without its Q&A
 * (createPreviewRenderer, which caches the body's markdown) and each thread (renderThread),
 * remembered by the thread's value. The core shares the values of unchanged threads, so a
 * keystroke renders one thread, however many the book has. Joined, the parts are exactly
 * the document renderPreview makes.
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

/** A rendered preview: its parts, and the whole document (made when asked). */
export interface BookPreview {
  readonly parts: PreviewParts;
  html(): string;
}

const NO_VALUES: readonly Value[] = [];

/** A preview maker that remembers each thread's HTML from one call to the next. */
export function createBookPreview(): (input: BookPreviewInput) => BookPreview {
  const page = createPreviewRenderer();
  let known: { value: Value; html: string }[] = [];
  return ({ data, body, people, coverUrl, theme }) => {
    const raw = Array.isArray(data.archive) ? data.archive : NO_VALUES;
    const shell = page({ book: bookOf({ ...data, archive: [] })!, body, people, coverUrl, theme });
    const threads = raw.map((value, t) => {
      const seen = known[t];
      if (seen && seen.value === value) return seen;
      return { value, html: renderThread(bookOf({ archive: [value] })!.archive[0]!, t) };
    });
    known = threads;
    const top = splitPreview(shell)!;
    const parts: PreviewParts = { ...top, threads: threads.length ? threads.map((x) => x.html) : null };
    return {
      parts,
      html: () => {
        const at = shell.indexOf('<main class="book">') + '<main class="book">'.length;
        return shell.slice(0, at) + mainHtml(parts) + shell.slice(shell.lastIndexOf('</main>'));
      },
    };
  };
}
