/**
 * Markdown for the preview: one markdown-it instance with raw HTML routed through the
 * sanitizer, link validation narrowed to safe URLs, and the whole output cleaned again.
 */
import MarkdownIt from 'markdown-it';
import type { Env, Token } from 'markdown-it';
import { escapeHtml } from './escape';
import { sanitizeRawHtml } from './rawHtml';
import { cleanHtml } from './sanitize';
import { safeUrl } from './safeUrl';

// kramdown (Jekyll's markdown) does not turn bare URLs into links, so neither do we.
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false, breaks: false });
// markdown-it calls this for links and images alike; links lose data: URLs in cleanHtml.
md.validateLink = (url: string) => safeUrl(url, 'image') !== null;
md.renderer.rules.html_inline = (tokens, idx) => sanitizeRawHtml(tokens[idx]!.content);
md.renderer.rules.html_block = (tokens, idx) => sanitizeRawHtml(tokens[idx]!.content);

// A chat export escapes & < > everywhere, code included, where markdown shows entities
// literally (`gym &lt;search term&gt;`): in chat texts, code shows the characters meant.
const SLACK_ENTITY = /&(amp|lt|gt);/g;
const SLACK_CHARS: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
const codeText = (token: Token, env: Env | undefined) =>
  escapeHtml(env?.chat ? token.content.replace(SLACK_ENTITY, (_m, name: string) => SLACK_CHARS[name]!) : token.content);
md.renderer.rules.code_inline = (tokens, idx, _options, env) => `<code>${codeText(tokens[idx]!, env)}</code>`;
md.renderer.rules.code_block = (tokens, idx, _options, env) => `<pre><code>${codeText(tokens[idx]!, env)}</code></pre>\n`;
md.renderer.rules.fence = md.renderer.rules.code_block;

/** Markdown to sanitized HTML (the book's body). */
export function renderMarkdown(src: string): string {
  return cleanHtml(md.render(src, {}));
}

/** A thread or reply text as the site shows it: Liquid's `newline_to_br`, then markdown (entities in code read as a chat export means them). */
export function renderChatText(text: string): string {
  return cleanHtml(md.render(text.replace(/\r?\n/g, '<br />\n'), { chat: true }));
}
