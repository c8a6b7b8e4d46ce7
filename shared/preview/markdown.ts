/**
 * Markdown for the preview: one markdown-it instance with raw HTML routed through the
 * sanitizer, link validation narrowed to safe URLs, and the whole output cleaned again.
 */
import MarkdownIt from 'markdown-it';
import { cleanHtml, sanitizeRawHtml } from './sanitize';
import { safeUrl } from './safeUrl';

// kramdown (Jekyll's markdown) does not turn bare URLs into links, so neither do we.
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false, breaks: false });
// markdown-it calls this for links and images alike; links lose data: URLs in cleanHtml.
md.validateLink = (url: string) => safeUrl(url, 'image') !== null;
md.renderer.rules.html_inline = (tokens, idx) => sanitizeRawHtml(tokens[idx]!.content);
md.renderer.rules.html_block = (tokens, idx) => sanitizeRawHtml(tokens[idx]!.content);

/** Markdown to sanitized HTML (the book's body). */
export function renderMarkdown(src: string): string {
  return cleanHtml(md.render(src));
}

/** A thread or reply text as the site shows it: Liquid's `newline_to_br`, then markdown. */
export function renderChatText(text: string): string {
  return renderMarkdown(text.replace(/\r?\n/g, '<br />\n'));
}
