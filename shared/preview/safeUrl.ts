/** Which URLs the preview lets through: web and mail links, relative paths, and inline images. */

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/i;

/**
 * The URL to write, or null when it may not be used. `kind` 'image' also admits
 * `data:image/(png|gif|jpeg|webp|avif)` and `blob:`. Expects the URL as the browser will read it
 * (entities already decoded).
 */
export function safeUrl(url: string, kind: 'link' | 'image'): string | null {
  // Browsers drop tabs and newlines anywhere in a URL and control characters at its ends
  // (`java\nscript:` is `javascript:`): refuse them rather than guess.
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return null;
  }
  const u = url.trim();
  // Not a URL anyone meant (and never what markdown-it writes, which percent-encodes these).
  if (/[\s<>"`]/.test(u)) return null;
  const scheme = SCHEME.exec(u)?.[1]?.toLowerCase();
  if (scheme === undefined || LINK_SCHEMES.has(scheme)) return u;
  if (kind === 'image' && (scheme === 'blob' || DATA_IMAGE.test(u))) return u;
  return null;
}
