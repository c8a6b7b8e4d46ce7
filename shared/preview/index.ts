/** The live preview: book + people → one sanitized, self-contained HTML document. No Node, no DOM. */
export { renderPreview, createPreviewRenderer, renderThread, renderAuthors, PREVIEW_CSP } from './render';
export type { PreviewInput, PreviewPerson } from './render';
export { previewCss } from './style';
export { renderMarkdown, renderChatText } from './markdown';
export { cleanHtml, OUTPUT_TAGS } from './sanitize';
export { sanitizeRawHtml, RAW_TAGS } from './rawHtml';
export { dateToString, dateRange } from './dates';
export { escapeHtml, escapeText } from './escape';
export { safeUrl } from './safeUrl';
