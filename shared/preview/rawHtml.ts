/**
 * What raw HTML a user typed (markdown-it's html tokens) means in the preview: a bare
 * allowlisted tag is formatting, a comment vanishes, and everything else is the text as
 * it was typed. This is a reading policy, not the sanitizer: sanitize-html (sanitize.ts)
 * cleans the whole rendered fragment afterwards. It stays ours because sanitize-html
 * rebuilds a rejected tag from its parsed attributes (`<img src=x>` would show as
 * `<img src="x">`, or as `<img>`), where the preview shows what the user wrote.
 */
import { escapeText } from './escape';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const TABLE = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];

/** Tags a user may type as raw HTML, without attributes. */
export const RAW_TAGS: ReadonlySet<string> = new Set([
  'br', 'b', 'i', 'em', 'strong', 'code', 'pre', 'p', 'ul', 'ol', 'li', 'blockquote', 'hr',
  'sup', 'sub', 's', 'del', 'u', 'kbd', ...HEADINGS, ...TABLE,
]);

/** Elements without content, written as `<br />`. */
export const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'hr', 'img']);

const BARE_TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)\s*\/?>/y;

/** Raw HTML typed by a user, made safe: bare allowlisted tags kept, comments dropped, the rest shown as text. */
export function sanitizeRawHtml(html: string): string {
  let out = '';
  let done = 0;
  let at = html.indexOf('<');
  while (at !== -1) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end === -1) break; // an unclosed comment stays visible text
      out += escapeText(html.slice(done, at));
      done = end + 3;
      at = html.indexOf('<', done);
      continue;
    }
    BARE_TAG.lastIndex = at;
    const m = BARE_TAG.exec(html);
    const name = m?.[2]?.toLowerCase();
    if (m && name !== undefined && RAW_TAGS.has(name)) {
      out += escapeText(html.slice(done, at));
      if (!VOID_TAGS.has(name)) out += m[1] ? `</${name}>` : `<${name}>`;
      else if (!m[1]) out += `<${name} />`;
      done = at + m[0].length;
    }
    at = html.indexOf('<', at + 1);
  }
  return out + escapeText(html.slice(done));
}
