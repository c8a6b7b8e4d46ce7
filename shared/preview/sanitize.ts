/**
 * The preview's HTML sanitizer: sanitize-html (htmlparser2, no DOM) over every rendered
 * fragment, configured to the output allowlist. Only the listed tags and attributes pass,
 * every URL is checked by safeUrl (and by sanitize-html's own scheme list), links open
 * outside, an image whose source is refused shows its alt text, and open tags are closed
 * at the fragment's end so one reply cannot swallow the rest of the page.
 */
import sanitizeHtml from 'sanitize-html';
import type { Attributes, IOptions } from 'sanitize-html';
import { RAW_TAGS } from './rawHtml';
import { safeUrl } from './safeUrl';

/** Tags a rendered fragment may hold: the raw ones plus the links and images markdown makes. */
export const OUTPUT_TAGS: ReadonlySet<string> = new Set([...RAW_TAGS, 'a', 'img']);

/** What a transform of sanitize-html returns. */
type Transformed = { tagName: string; attribs: Attributes; text?: string };

/** A tag name no allowlist holds: an element renamed to it is dropped and its `text` shown. */
const DROPPED = 'dropped-element';

const withTitle = (attribs: Attributes, title: string | undefined): Attributes => (title ? { ...attribs, title } : attribs);

const OPTIONS: IOptions = {
  allowedTags: [...OUTPUT_TAGS],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'mailto', 'data', 'blob'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  selfClosing: ['br', 'hr', 'img'],
  transformTags: {
    a: (_tag, attribs) => {
      const href = safeUrl(attribs.href ?? '', 'link');
      return { tagName: 'a', attribs: { ...(href ? { href } : {}), ...withTitle({}, attribs.title), target: '_blank', rel: 'noopener noreferrer' } };
    },
    img: (_tag, attribs) => {
      const src = safeUrl(attribs.src ?? '', 'image');
      if (!src) return { tagName: DROPPED, attribs: {}, text: attribs.alt ?? '' };
      return { tagName: 'img', attribs: withTitle({ src, alt: attribs.alt ?? '' }, attribs.title) };
    },
    ol: (_tag, attribs): Transformed => ({ tagName: 'ol', attribs: /^\d{1,9}$/.test(attribs.start ?? '') ? { start: attribs.start! } : {} }),
  },
  // Text escapes `"` as the rest of the page does, so what cleanHtml writes reads back unchanged.
  textFilter: (text) => text.replace(/"/g, '&quot;'),
};

/**
 * A rendered fragment reduced to the output allowlist and balanced: unknown tags and
 * attributes go, URLs are checked, stray closing tags are dropped and open ones closed.
 */
export function cleanHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
