/**
 * The preview page, laid out as the site's `_layouts/book.html`: title, authors, dates,
 * cover beside the body and links, then the Q&A archive. Every piece of book text is
 * escaped or goes through the sanitizing markdown renderer.
 */
import type { Book, Thread } from '../book/model';
import { dateRange } from './dates';
import { escapeHtml, escapeText } from './escape';
import { renderChatText, renderMarkdown } from './markdown';
import { previewCss } from './style';
import { safeUrl } from './safeUrl';

/** A people file as the preview needs it. */
export interface PreviewPerson {
  readonly id: string;
  readonly name: string;
  readonly picture: string | null;
}

/** What the preview shows. */
export interface PreviewInput {
  readonly book: Book;
  /** The markdown body of the book file. */
  readonly body: string;
  readonly people: readonly PreviewPerson[];
  /** The cover as a `data:image/…` or `blob:` URL; any other URL is not shown. */
  readonly coverUrl?: string | null;
  /** Forces a theme; by default the page follows the system's (`prefers-color-scheme`). */
  readonly theme?: 'light' | 'dark';
}

/** The Content-Security-Policy of the preview document. */
export const PREVIEW_CSP = "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'";

type Render = (text: string) => string;

const LINK = 'target="_blank" rel="noopener noreferrer"';

/** The author line's names as the site's `_includes/authors.html` writes them: people linked by id, others plain, joined by ", ". */
export function renderAuthors(authors: readonly string[], people: readonly PreviewPerson[]): string {
  const byId = new Map(people.map((p) => [p.id, p]));
  return authors
    .map((a) => {
      const person = byId.get(a);
      if (!person) return escapeText(a);
      return `<a href="/people/${escapeHtml(a)}.html" ${LINK}>${escapeText(person.name || a)}</a>`;
    })
    .join(', ');
}

/** One thread with its replies, carrying `data-thread` (and `data-reply`) indexes for click mapping. */
export function renderThread(thread: Thread, t: number, chat: Render = renderChatText): string {
  let html = `<div class="book-archive-thread" data-thread="${t}"><b class="name">${escapeText(thread.name)}</b> ${chat(thread.text)}`;
  thread.replies.forEach((reply, r) => {
    html += `<div class="book-archive-reply" data-thread="${t}" data-reply="${r}"><b class="name">${escapeText(reply.name)}</b> ${chat(reply.text)}</div>`;
  });
  return `${html}</div>`;
}

function renderLink(text: string, link: string): string {
  const href = safeUrl(link, 'link');
  const label = escapeText(text || link);
  return href ? `<li><a href="${escapeHtml(href)}" ${LINK}>${label}</a></li>` : `<li>${label}</li>`;
}

function renderPage(input: PreviewInput, chat: Render, body: Render): string {
  const { book } = input;
  const parts: string[] = [];
  parts.push(`<header class="book-header"><h2>${escapeText(book.title)}</h2>`);
  if (book.authors.length > 0) parts.push(`<h4>by ${renderAuthors(book.authors, input.people)}</h4>`);
  const dates = dateRange(book.start, book.end);
  if (dates) parts.push(`<h5>The book of the week from ${escapeText(dates[0])} to ${escapeText(dates[1])}</h5>`);
  parts.push('</header><div class="content-book">');
  const cover = input.coverUrl ? safeUrl(input.coverUrl, 'image') : null;
  if (cover && /^(?:data|blob):/i.test(cover)) parts.push(`<img class="cover" src="${escapeHtml(cover)}" alt="Cover" />`);
  parts.push(`<div class="book-body">${body(input.body)}</div>`);
  if (book.links.length > 0) parts.push(`<ul class="book-links">${book.links.map((l) => renderLink(l.text, l.link)).join('')}</ul>`);
  parts.push('</div>');
  if (book.archive.length > 0) {
    parts.push('<section class="book-archive"><h2>Questions and Answers</h2>');
    book.archive.forEach((thread, t) => parts.push(renderThread(thread, t, chat)));
    parts.push('</section>');
  }
  const theme = input.theme ? ` data-theme="${input.theme === 'dark' ? 'dark' : 'light'}"` : '';
  return (
    `<!doctype html><html lang="en"${theme}><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">` +
    '<meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light dark">' +
    `<title>${escapeText(book.title)}</title><style>${previewCss}</style></head>` +
    `<body><main class="book">${parts.join('')}</main></body></html>`
  );
}

/** The whole preview document: self-contained, sanitized HTML for a sandboxed, script-less iframe. */
export function renderPreview(input: PreviewInput): string {
  return renderPage(input, renderChatText, renderMarkdown);
}

/**
 * A preview renderer that remembers the HTML of each text (body, thread and reply texts)
 * from its previous call, so re-rendering while typing re-parses only what changed.
 */
export function createPreviewRenderer(): (input: PreviewInput) => string {
  let last = new Map<string, string>();
  return (input) => {
    const next = new Map<string, string>();
    const cached = (render: Render, prefix: string): Render => (text) => {
      const key = prefix + text;
      let html = next.get(key) ?? last.get(key);
      if (html === undefined) html = render(text);
      next.set(key, html);
      return html;
    };
    const html = renderPage(input, cached(renderChatText, 'c'), cached(renderMarkdown, 'b'));
    last = next;
    return html;
  };
}
