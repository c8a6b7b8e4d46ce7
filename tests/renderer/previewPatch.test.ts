// @vitest-environment jsdom
// The live preview's incremental updates: the document cut into parts (page top, each thread), and a
// shown page brought to the next one by writing only what differs, which must equal loading it whole.
import { describe, expect, it } from 'vitest';
import { applyEdits, bookOf, openBook } from '../../shared/index';
import type { Edit } from '../../shared/index';
import { createPreviewRenderer, renderPreview } from '../../shared/preview/index';
import { mainHtml, splitPreview } from '../../renderer/src/preview/previewParts';
import { patchPreview } from '../../renderer/src/preview/patchPreview';
import { createBookPreview } from '../../renderer/src/preview/bookPreview';
import { corpusBooks } from '../corpus';
import { SMALL_BOOK } from './fakeApi';

const people = [{ id: 'lenavoss', name: 'Lena Voss', picture: null }];
const page = (text: string, theme?: 'light' | 'dark') => {
  const doc = openBook(text);
  return renderPreview({ book: bookOf(doc.data)!, body: doc.body, people, theme });
};
const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const mainOf = (d: Document) => d.querySelector('main.book')!.innerHTML;

/** Shows `from`, patches to `to`, and checks the page equals `to` loaded whole. */
function patchAndCompare(from: string, to: string) {
  const shown = load(from);
  patchPreview(shown, shown.querySelector('main.book')!, splitPreview(from)!, splitPreview(to)!);
  const whole = load(to);
  expect(mainOf(shown)).toBe(mainOf(whole));
  expect(shown.title).toBe(whole.title);
  expect(shown.documentElement.dataset.theme).toBe(whole.documentElement.dataset.theme);
}

const edit = (text: string, ...edits: Edit[]) => applyEdits(openBook(text), edits).text;

describe('the preview in parts', () => {
  it('is, joined, the very document renderPreview makes, for every corpus book and after edits', () => {
    const preview = createBookPreview();
    const make = (text: string, theme?: 'light' | 'dark') => {
      const doc = openBook(text);
      return preview({ data: doc.data as never, body: doc.body, people, coverUrl: 'data:image/png;base64,AA', theme });
    };
    const whole = (text: string, theme?: 'light' | 'dark') => {
      const doc = openBook(text);
      return renderPreview({ book: bookOf(doc.data)!, body: doc.body, people, coverUrl: 'data:image/png;base64,AA', theme });
    };
    for (const [name, text] of [['small', SMALL_BOOK], ...corpusBooks()] as const) {
      if (!bookOf(openBook(text).data)) continue;
      expect(make(text).html(), name).toBe(whole(text));
    }
    const edited = edit(SMALL_BOOK, { op: 'set', path: ['archive', 0, 'replies', 1, 'text'], value: 'Thanks a lot!' });
    const before = make(SMALL_BOOK);
    const after = make(edited);
    expect(after.html()).toBe(whole(edited));
    // The untouched thread's HTML is the same string: nothing re-rendered it.
    expect(after.parts.threads![1]).toBe(before.parts.threads![1]);
    expect(after.parts.threads![0]).not.toBe(before.parts.threads![0]);
    const moved = edit(edited, { op: 'move', from: ['archive', 1], to: ['archive'], index: 0 });
    expect(make(moved, 'dark').html()).toBe(whole(moved, 'dark'));
  });

  it('cuts every corpus book into its top and one part per thread, and joins them back', () => {
    const render = createPreviewRenderer();
    for (const [name, text] of [['small', SMALL_BOOK], ...corpusBooks()] as const) {
      const doc = openBook(text);
      const book = bookOf(doc.data);
      if (!book) continue;
      const html = render({ book, body: doc.body, people });
      const parts = splitPreview(html);
      expect(parts, name).not.toBeNull();
      expect(parts!.threads?.length ?? 0, name).toBe(book.archive.length);
      expect(mainHtml(parts!), name).toBe(html.slice(html.indexOf('<main class="book">') + '<main class="book">'.length, html.lastIndexOf('</main>')));
    }
  });

  it('brings a shown page to the next one, whatever changed', () => {
    const base = SMALL_BOOK;
    patchAndCompare(page(base), page(edit(base, { op: 'set', path: ['archive', 1, 'replies', 0, 'text'], value: 'Loam, **mostly**.' })));
    patchAndCompare(page(base), page(edit(base, { op: 'set', path: ['title'], value: 'Graph <Gardens> & more' })));
    patchAndCompare(page(base), page(edit(base, { op: 'remove', path: ['archive', 0] })));
    patchAndCompare(page(base), page(edit(base, { op: 'insert', path: ['archive'], index: 2, value: { name: 'Ana', text: 'New?' } })));
    patchAndCompare(page(base), page(edit(base, { op: 'remove', path: ['archive'] })));
    patchAndCompare(page(edit(base, { op: 'remove', path: ['archive'] })), page(base));
    patchAndCompare(page(base), page(base, 'dark'));
    patchAndCompare(page(base, 'dark'), page(base));
    patchAndCompare(page(base), page(edit(base, { op: 'move', from: ['archive', 1], to: ['archive'], index: 0 })));
  });

  it('rewrites a long list whole when most threads changed', () => {
    const many = `${SMALL_BOOK.slice(0, SMALL_BOOK.indexOf('archive:'))}archive:\n${Array.from({ length: 60 }, (_, i) => `  - name: A${i}\n    text: "Q${i}"\n`).join('')}---\n`;
    const moved = edit(many, { op: 'move', from: ['archive', 59], to: ['archive'], index: 0 });
    patchAndCompare(page(many), page(moved));
  });

  it('shows a long book from its first threads, then fills in the rest to the whole page', () => {
    const many = `${SMALL_BOOK.slice(0, SMALL_BOOK.indexOf('archive:'))}archive:\n${Array.from({ length: 50 }, (_, i) => `  - name: A${i}\n    text: "Q${i} **bold**"\n`).join('')}---\n`;
    const doc = openBook(many);
    const first = createBookPreview()({ data: doc.data as never, body: doc.body, people, coverUrl: null, theme: undefined });
    expect(first.count).toBe(50);
    const archive = (doc.data as { archive: unknown[] }).archive;
    // The first view is the page of the book's first 12 threads.
    const head = bookOf({ ...(doc.data as object), archive: archive.slice(0, 12) } as never)!;
    expect(first.html(12)).toBe(renderPreview({ book: head, body: doc.body, people }));
    expect(first.partsUpTo(12).threads).toHaveLength(12);
    // Filled in slices, the page becomes the whole one.
    const shown = load(first.html(12));
    const main = shown.querySelector('main.book')!;
    let prev = first.partsUpTo(12);
    for (const n of [30, 45, Infinity]) {
      const next = first.partsUpTo(n);
      patchPreview(shown, main, prev, next);
      prev = next;
    }
    expect(mainOf(shown)).toBe(mainOf(load(page(many))));
    expect(first.html()).toBe(page(many));
  });
});
