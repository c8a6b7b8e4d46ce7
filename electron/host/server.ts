/**
 * The localhost host: the built renderer and the contract over HTTP, on 127.0.0.1 only,
 * behind a random token per start and a Host header check (against DNS rebinding).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { MAX_FILE_BYTES } from '../../shared/api';
import type { BookApi } from '../../shared/api';
import type { GitOptions } from '../workspace/git/runGit';
import { Workspace } from '../workspace/workspace';
import { callApi } from './apiCall';
import { CONNECTION_LIMITS, guardConnections } from './connections';
import type { ConnectionLimits } from './connections';
import { hostApi } from './hostApi';
import { SECURITY_HEADERS } from './securityHeaders';
import { resolveStatic } from './staticFiles';

/** What `startHost` needs. */
export interface HostOptions {
  /** A site folder, or a book file inside one (then the page is told to open it). */
  readonly siteRoot: string;
  /** 0 (the default) takes any free port. */
  readonly port?: number;
  /** This site's backup folder; default: a folder per site in the user's own backup folder. */
  readonly backupDir?: string;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  /** How long a `nextEvents` poll waits, ms (tests shorten it). */
  readonly pollTimeoutMs?: number;
  /** The limits on slow and many clients (tests shorten them). */
  readonly limits?: Partial<HostLimits>;
  /** How git runs (tests give it an environment of its own); default: the system's git and this process's environment. */
  readonly git?: GitOptions;
}

/** How long clients may take and how many may connect. */
export interface HostLimits {
  /** To send the headers, ms. */
  readonly headersTimeoutMs: number;
  /** To send the whole request, ms: a long poll's wait is its answer's, not its request's. */
  readonly requestTimeoutMs: number;
  /** Connections open at once, and how long one may stay without a request being answered on it. */
  readonly connections: ConnectionLimits;
}

/** The host's limits: headers within 10 s, a whole request within 30 s, the connection guard's defaults. */
export const HOST_LIMITS: HostLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, connections: CONNECTION_LIMITS };

/** A running host. */
export interface RunningHost {
  /** `http://127.0.0.1:<port>/?token=<token>`: what to open in a browser. */
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** The address the server listens on (always 127.0.0.1). */
  readonly address: AddressInfo;
  /** The workspace it serves. */
  readonly workspace: Workspace;
  /** Stops serving, ends waiting polls and stops watching. */
  close(): Promise<void>;
}

/** Largest request body accepted: a book of the largest size the editor reads (MAX_FILE_BYTES), with room for JSON's escapes. */
export const MAX_BODY_BYTES = MAX_FILE_BYTES + 8 * 1024 * 1024;


const sha = (s: string) => crypto.createHash('sha256').update(s).digest();

/** Compares two tokens in constant time. */
export function sameToken(given: string, token: string): boolean {
  return crypto.timingSafeEqual(sha(given), sha(token));
}

function send(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a request body up to `limit` bytes; null when it is larger. */
async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function handleApi(api: BookApi, token: string, req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
  const given = req.headers['x-book-token'];
  // Refused before the body is read: the connection closes rather than wait for it.
  if (given === undefined) return send(res, 401, { error: 'The x-book-token header is missing: open the address the host printed.' }, { Connection: 'close' });
  if (typeof given !== 'string' || !sameToken(given, token)) return send(res, 403, { error: 'The token is wrong: open the address the host printed.' }, { Connection: 'close' });
  if (req.method !== 'POST') return send(res, 405, { error: 'Use POST.' }, { Allow: 'POST' });
  const declared = Number(req.headers['content-length'] ?? 0);
  const body = declared > MAX_BODY_BYTES ? null : await readBody(req, MAX_BODY_BYTES);
  if (body === null) {
    send(res, 413, { error: `The request is larger than ${MAX_BODY_BYTES} bytes.` }, { Connection: 'close' });
    req.destroy();
    return;
  }
  let args: unknown;
  try {
    args = body.length ? JSON.parse(body.toString('utf8')) : [];
  } catch {
    return send(res, 400, { error: 'The body must be a JSON list of arguments.' });
  }
  const answer = await callApi(api, method, args);
  send(res, answer.status, answer.body);
}

async function handleStatic(rendererDir: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Use GET.');
  const target = await resolveStatic(rendererDir, req.url ?? '/');
  if (target.kind === 'refused') return sendText(res, 400, 'Refused: the path leaves the editor folder.');
  if (target.kind === 'missing') return sendText(res, 404, (req.url ?? '/').split('?')[0] === '/' ? 'The editor is not built: run npm run build.' : 'Not found.');
  const isHtml = target.type.startsWith('text/html');
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': target.type, 'Content-Length': target.size, 'Cache-Control': isHtml ? 'no-store' : 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(fs.createReadStream(target.file), res);
}

/** Starts the host on 127.0.0.1; resolves once it listens. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { workspace, book } = await Workspace.open(options.siteRoot, { backupDir: options.backupDir, canOpenOther: false, pollTimeoutMs: options.pollTimeoutMs, git: options.git });
  if (book) workspace.events.pushWhenListening({ kind: 'open-book', path: book });
  const api = hostApi(workspace);
  const token = crypto.randomBytes(32).toString('base64url');
  let port = 0;
  const limits = { ...HOST_LIMITS, ...options.limits };
  const server = http.createServer({ headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs / 4) }, (req, res) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendText(res, 403, 'Refused: wrong Host header.');
    const url = req.url ?? '/';
    const api_ = /^\/api\/([^/?#]*)(?:[?#].*)?$/.exec(url);
    const work = api_ ? handleApi(api, token, req, res, api_[1]!) : url.startsWith('/api/') || url === '/api' ? Promise.resolve(send(res, 404, { error: 'Unknown method.' })) : handleStatic(options.rendererDir, req, res);
    work.catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'Internal error.' });
      else res.destroy();
    });
  });
  guardConnections(server, limits.connections);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    workspace.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    address,
    workspace,
    close: async () => {
      workspace.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
