/**
 * The preview's HTML sanitizer, in two passes and without a DOM.
 *
 * 1. `sanitizeRawHtml` handles the raw HTML a user typed (markdown-it's html tokens): only
 *    bare allowlisted tags pass (no attributes at all), comments vanish, everything else
 *    becomes visible text.
 * 2. `cleanHtml` runs over a whole rendered fragment as a second line of defence: every tag
 *    must be on the output allowlist with allowlisted attributes (URLs checked again), any
 *    other `<` becomes text, and tags are balanced so a fragment cannot leak into the next
 *    one (an unclosed `<pre>` in one reply must not swallow the rest of the page).
 */
import { decodeEntities, escapeHtml, escapeText } from './escape';
import { safeUrl } from './safeUrl';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const TABLE = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];

/** Tags a user may type as raw HTML, without attributes. */
export const RAW_TAGS: ReadonlySet<string> = new Set([
  'br', 'b', 'i', 'em', 'strong', 'code', 'pre', 'p', 'ul', 'ol', 'li', 'blockquote', 'hr',
  'sup', 'sub', 's', 'del', 'u', 'kbd', ...HEADINGS, ...TABLE,
]);

/** Tags a rendered fragment may hold: the raw ones plus the links and images markdown makes. */
export const OUTPUT_TAGS: ReadonlySet<string> = new Set([...RAW_TAGS, 'a', 'img']);

const VOID = new Set(['br', 'hr', 'img']);
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
      if (!VOID.has(name)) out += m[1] ? `</${name}>` : `<${name}>`;
      else if (!m[1]) out += `<${name} />`;
      done = at + m[0].length;
    }
    at = html.indexOf('<', at + 1);
  }
  return out + escapeText(html.slice(done));
}

const ANY_TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>/y;
const ATTR = /\s+([A-Za-z][A-Za-z0-9_:.-]*)(?:="([^"]*)")?/y;
const TAG_END = /\s*\/?\s*$/y;

/** The attributes of a tag as markdown-it writes them (double-quoted), or null when they are not in that form. */
function readAttrs(s: string): Map<string, string> | null {
  const attrs = new Map<string, string>();
  let at = 0;
  for (;;) {
    ATTR.lastIndex = at;
    const m = ATTR.exec(s);
    if (!m) break;
    attrs.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? ''));
    at = ATTR.lastIndex;
  }
  TAG_END.lastIndex = at;
  return TAG_END.test(s) ? attrs : null;
}

/** The start tag to write for an allowlisted element, or null to drop the element (it is then shown by `fallback`). */
function startTag(name: string, attrs: Map<string, string>): string | null {
  const title = attrs.get('title');
  const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
  switch (name) {
    case 'a': {
      const href = safeUrl(attrs.get('href') ?? '', 'link');
      return `<a${href ? ` href="${escapeHtml(href)}"` : ''}${titleAttr} target="_blank" rel="noopener noreferrer">`;
    }
    case 'img': {
      const src = safeUrl(attrs.get('src') ?? '', 'image');
      if (!src) return null;
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(attrs.get('alt') ?? '')}"${titleAttr} />`;
    }
    case 'ol': {
      const start = attrs.get('start');
      return start && /^\d{1,9}$/.test(start) ? `<ol start="${start}">` : '<ol>';
    }
    default:
      return VOID.has(name) ? `<${name} />` : `<${name}>`;
  }
}

/**
 * A rendered fragment reduced to the output allowlist and balanced: unknown tags and
 * attributes go, URLs are checked, stray closing tags are dropped and open ones closed.
 */
export function cleanHtml(html: string): string {
  let out = '';
  let done = 0;
  const stack: string[] = [];
  const open = new Map<string, number>(); // how many of each tag are on the stack
  const flushText = (to: number) => {
    out += escapeText(html.slice(done, to));
  };
  let at = html.indexOf('<');
  while (at !== -1) {
    ANY_TAG.lastIndex = at;
    const m = ANY_TAG.exec(html);
    const name = m?.[2]?.toLowerCase();
    const attrs = m ? readAttrs(m[3]!) : null;
    if (m && name !== undefined && attrs && OUTPUT_TAGS.has(name)) {
      flushText(at);
      done = at + m[0].length;
      if (m[1]) {
        if (!VOID.has(name) && (open.get(name) ?? 0) > 0) {
          for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
            open.set(top, open.get(top)! - 1);
            out += `</${top}>`;
            if (top === name) break;
          }
        }
      } else {
        const tag = startTag(name, attrs);
        if (tag === null) {
          out += escapeHtml(attrs.get('alt') ?? '');
        } else {
          out += tag;
          if (!VOID.has(name)) {
            stack.push(name);
            open.set(name, (open.get(name) ?? 0) + 1);
          }
        }
      }
    }
    at = html.indexOf('<', at + 1);
  }
  flushText(html.length);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) out += `</${top}>`;
  return out;
}
