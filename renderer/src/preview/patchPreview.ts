/** Brings a shown preview document from one set of parts to the next, writing only what differs: the theme, the title, the page top, single threads. */
import { mainHtml } from './previewParts';
import type { PreviewParts } from './previewParts';

/** Beyond this many changed threads, the list is written whole. */
const MANY = 40;

/** Updates `doc` (whose `<main>` shows `prev`) to show `next`. */
export function patchPreview(doc: Document, main: Element, prev: PreviewParts, next: PreviewParts): void {
  if (prev.theme !== next.theme) {
    if (next.theme) doc.documentElement.dataset.theme = next.theme;
    else delete doc.documentElement.dataset.theme;
  }
  if (prev.title !== next.title) doc.querySelector('title')!.innerHTML = next.title;
  const section = main.querySelector(':scope > section.book-archive');
  if ((prev.threads === null) !== (next.threads === null) || (next.threads && (!section || section.children.length !== prev.threads!.length + 1))) {
    main.innerHTML = mainHtml(next);
    return;
  }
  if (prev.top !== next.top) {
    for (const child of [...main.children]) if (child !== section) child.remove();
    main.insertAdjacentHTML('afterbegin', next.top);
  }
  if (!section || !next.threads || !prev.threads) return;
  const before = prev.threads;
  const after = next.threads;
  const shared = Math.min(before.length, after.length);
  const changed: number[] = [];
  for (let i = 0; i < shared; i++) if (before[i] !== after[i]) changed.push(i);
  if (changed.length > MANY) {
    section.innerHTML = `<h2>Questions and Answers</h2>${after.join('')}`;
    return;
  }
  const items = section.children;
  for (const i of changed) items[i + 1]!.outerHTML = after[i]!;
  for (let i = before.length - 1; i >= after.length; i--) items[i + 1]!.remove();
  if (after.length > before.length) section.insertAdjacentHTML('beforeend', after.slice(before.length).join(''));
}
