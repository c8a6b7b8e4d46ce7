/** What app:// answers: files of the built renderer with the CSP header, nothing else. Plain Node, so tests can call it. */
import fs from 'node:fs/promises';
import { SECURITY_HEADERS } from '../host/securityHeaders';
import { resolveStatic } from '../host/staticFiles';
import { APP_HOST, APP_SCHEME } from './windowOptions';

const text = (status: number, body: string) => new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** The response to an app:// request for a file of `rendererDir`. */
export async function appResponse(rendererDir: string, url: string, method = 'GET'): Promise<Response> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return text(400, 'Bad address.');
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return text(404, 'Not found.');
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Use GET.');
  // The raw path of the address as given, before URL normalisation hides a `..`.
  const raw = url.slice(`${APP_SCHEME}://${APP_HOST}`.length) || '/';
  const target = await resolveStatic(rendererDir, raw.startsWith('/') ? raw : `/${raw}`);
  if (target.kind === 'refused') return text(400, 'Refused: the path leaves the editor folder.');
  if (target.kind === 'missing') return text(404, 'Not found.');
  const body = method === 'HEAD' ? null : await fs.readFile(target.file);
  return new Response(body, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': target.type, 'Cache-Control': target.type.startsWith('text/html') ? 'no-store' : 'no-cache' },
  });
}
