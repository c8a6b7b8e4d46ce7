/**
 * Escaping for the preview. Two kinds: `escapeHtml` turns every special character into an
 * entity (for attribute values and text that must show as typed), `escapeText` keeps
 * entity references that are already there, as Jekyll's raw output does, so `&amp;` from a
 * chat export shows as `&`. `escapeText` is idempotent, so the output pass may re-apply it.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes `& < > "` so the string shows exactly as it is, in text or in a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
}

// An `&` that starts a character reference the browser would decode is left alone.
const TEXT_SPECIAL = /&(?!#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)|[<>"]/g;

/** Escapes text content but keeps entity references (`&amp;`, `&#39;`) as references. Text content only, never attributes. */
export function escapeText(s: string): string {
  return s.replace(TEXT_SPECIAL, (c) => HTML_ESCAPES[c]!);
}
