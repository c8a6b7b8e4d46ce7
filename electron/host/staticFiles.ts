/** The built renderer as files: which file a request names, and its content type. Shared by the localhost host and app://. */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Content types by lower-case extension; anything else is served as bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The content type of a file name. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A static file to send, or why not. */
export type StaticTarget = { readonly kind: 'file'; readonly file: string; readonly type: string; readonly size: number } | { readonly kind: 'refused' } | { readonly kind: 'missing' };

/**
 * Maps a raw URL path (before any decoding) to a file inside `rendererDir`. Refuses `..`,
 * encoded dots and slashes, backslashes and NUL; resolves real paths so a link cannot leave the folder.
 */
export async function resolveStatic(rendererDir: string, rawPath: string): Promise<StaticTarget> {
  const pathname = rawPath.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/') || /%(2e|2f|5c|00)/i.test(pathname) || pathname.includes('\\') || /(^|\/)\.\.?(\/|$)/.test(pathname)) return { kind: 'refused' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '..')) return { kind: 'refused' };
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
  try {
    const root = await fs.realpath(rendererDir);
    const real = await fs.realpath(path.join(root, ...rel.split('/')));
    if (!real.startsWith(root + path.sep)) return { kind: 'refused' };
    const stat = await fs.stat(real);
    if (!stat.isFile()) return { kind: 'missing' };
    return { kind: 'file', file: real, type: contentTypeOf(real), size: stat.size };
  } catch {
    return { kind: 'missing' };
  }
}
