// The localhost host: 127.0.0.1 only, token and Host checks, confined static files and API, a real round trip.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BookFile, SaveResult } from '../../shared/api';
import { startHost } from '../../electron/host/server';
import type { RunningHost } from '../../electron/host/server';
import { parseServeArgs } from '../../electron/host/serveArgs';
import { CSP } from '../../electron/host/securityHeaders';
import { removeTemps, sampleSite, tempDir } from './tempSites';

const hosts: RunningHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});
afterAll(removeTemps);

function rendererDir(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Book Editor</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.css'), 'body{}');
  return dir;
}

async function start(siteRoot = sampleSite()) {
  const host = await startHost({ siteRoot, rendererDir: rendererDir(), backupDir: tempDir(), pollTimeoutMs: 300 });
  hosts.push(host);
  return { host, siteRoot };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path is sent exactly as given (no URL normalisation), headers as given. */
function request(host: RunningHost, method: string, rawPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: rawPath, headers: { host: `127.0.0.1:${host.port}`, ...headers }, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const api = (host: RunningHost, method: string, args: unknown[], headers: Record<string, string> = {}) =>
  request(host, 'POST', `/api/${method}`, { 'content-type': 'application/json', 'x-book-token': host.token, ...headers }, JSON.stringify(args));

describe('the localhost host', () => {
  it('listens on 127.0.0.1 only and prints its address with the token', async () => {
    const { host } = await start();
    expect(host.address.address).toBe('127.0.0.1');
    expect(host.address.family).toBe('IPv4');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('answers 401 without a token and 403 with a wrong one', async () => {
    const { host } = await start();
    const none = await request(host, 'POST', '/api/site', {}, '[]');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({ error: expect.stringMatching(/token/) });
    expect((await api(host, 'site', [], { 'x-book-token': 'wrong' })).status).toBe(403);
    expect((await api(host, 'site', [], { 'x-book-token': host.token.slice(0, -1) })).status).toBe(403);
    expect((await api(host, 'site', [])).status).toBe(200);
  });

  it('answers 403 to any other Host header, static files included', async () => {
    const { host } = await start();
    for (const h of ['evil.example', `evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `localhost.evil:${host.port}`]) {
      expect((await api(host, 'site', [], { host: h })).status).toBe(403);
      expect((await request(host, 'GET', '/', { host: h })).status).toBe(403);
    }
    expect((await api(host, 'site', [], { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('serves the renderer with the CSP, nosniff, types, and no caching of index.html', async () => {
    const { host } = await start();
    const index = await request(host, 'GET', '/?token=abc');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Book Editor</title>');
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-store');
    expect((await request(host, 'GET', '/assets/index-abc.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(host, 'GET', '/assets/index-abc.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await request(host, 'HEAD', '/index.html')).body).toBe('');
    expect((await request(host, 'GET', '/missing.js')).status).toBe(404);
    expect((await request(host, 'POST', '/index.html')).status).toBe(405);
  });

  it('refuses traversal in static paths', async () => {
    const { host } = await start();
    for (const p of ['/../package.json', '/assets/../../secret', '/%2e%2e/package.json', '/assets/%2E%2E%2F%2E%2E%2Fx', '/..%5c..%5cx', '/assets\\..\\x', '/%00']) {
      const r = await request(host, 'GET', p);
      expect(r.status, p).toBe(400);
    }
  });

  it('refuses traversal and bad arguments in API calls with 400 and a message', async () => {
    const { host, siteRoot } = await start();
    fs.writeFileSync(path.join(path.dirname(siteRoot), 'outside.md'), 'secret');
    for (const p of ['../outside.md', '/etc/passwd', '_books/..\\..\\outside.md', '%2e%2e/outside.md', '_books/%2e%2e%2f..%2foutside.md']) {
      const r = await api(host, 'readBook', [p]);
      expect(r.status, p).toBe(400);
      expect(JSON.parse(r.body).error).toMatch(/path|refused/);
      expect(r.body).not.toMatch(/\n\s+at /);
    }
    expect((await api(host, 'readBook', [1])).status).toBe(400);
    expect((await api(host, 'readBook', [])).status).toBe(400);
    expect((await request(host, 'POST', '/api/readBook', { 'x-book-token': host.token }, '{not json')).status).toBe(400);
    expect((await api(host, 'openExternal', ['file:///etc/passwd'])).status).toBe(400);
  });

  it('answers 404 to unknown methods and service errors with their status and message', async () => {
    const { host } = await start();
    expect((await api(host, 'deleteEverything', [])).status).toBe(404);
    expect((await api(host, 'constructor', [])).status).toBe(404);
    expect((await api(host, '__proto__', [])).status).toBe(404);
    const missing = await api(host, 'readBook', ['_books/nope.md']);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ error: '_books/nope.md does not exist.' });
    const request_ = { title: 'Twice', authors: [], week: '2024-06-12' };
    expect((await api(host, 'newBook', [request_])).status).toBe(200);
    const twice = await api(host, 'newBook', [request_]);
    expect(twice.status).toBe(409);
    expect(JSON.parse(twice.body).error).toMatch(/already exists/);
  });

  it('refuses bodies over the limit', async () => {
    const { host } = await start();
    const r = await request(host, 'POST', '/api/saveBook', { 'x-book-token': host.token, 'content-length': String(41 * 1024 * 1024) }, '');
    expect(r.status).toBe(413);
  });

  it('round-trips readBook → saveBook over HTTP, byte for byte, with conflicts as values', async () => {
    const { host, siteRoot } = await start();
    const read = JSON.parse((await api(host, 'readBook', ['_books/20240318-the-quiet-compiler.md'])).body) as BookFile;
    expect(read.text).toBe(fs.readFileSync(path.join(siteRoot, read.path), 'utf8'));
    const text = read.text.replace('The Quiet Compiler"', 'The Quiet Compiler, 2nd ed."').replace(/\n/g, '\r\n');
    const saved = JSON.parse((await api(host, 'saveBook', [read.path, text, read.fingerprint])).body) as SaveResult;
    expect(saved.ok).toBe(true);
    expect(fs.readFileSync(path.join(siteRoot, read.path)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    const stale = await api(host, 'saveBook', [read.path, 'again', read.fingerprint]);
    expect(stale.status).toBe(200);
    expect(JSON.parse(stale.body)).toMatchObject({ ok: false, reason: 'conflict', disk: { text } });
    const books = JSON.parse((await api(host, 'listBooks', [])).body) as { title: string }[];
    expect(books.map((b) => b.title)).toContain('The Quiet Compiler, 2nd ed.');
    expect(JSON.parse((await api(host, 'site', [])).body)).toMatchObject({ canOpenOther: false });
    expect((await api(host, 'openExternal', ['https://example.com/'])).status).toBe(200);
    expect((await api(host, 'setWindowState', [{ title: 'x', dirty: true }])).status).toBe(200);
  });

  it('serves events by long poll, and tells the page which book it was started on', async () => {
    const siteRoot = sampleSite();
    const { host } = await start(path.join(siteRoot, '_books', '20240408-practical-tide-tables.md'));
    const hello = JSON.parse((await api(host, 'nextEvents', [0])).body) as { cursor: number; events: unknown[] };
    expect(hello.events).toEqual([]);
    const next = JSON.parse((await api(host, 'nextEvents', [hello.cursor])).body) as { cursor: number; events: unknown[] };
    expect(next.events).toEqual([{ kind: 'open-book', path: '_books/20240408-practical-tide-tables.md' }]);
    const waited = Date.now();
    const empty = JSON.parse((await api(host, 'nextEvents', [next.cursor])).body) as { events: unknown[] };
    expect(empty.events).toEqual([]);
    expect(Date.now() - waited).toBeGreaterThanOrEqual(250);
  });

  it('close ends a waiting poll and frees the port', async () => {
    const { host } = await start();
    const hello = JSON.parse((await api(host, 'nextEvents', [0])).body) as { cursor: number };
    const poll = api(host, 'nextEvents', [hello.cursor]).catch(() => null);
    await host.close();
    hosts.splice(hosts.indexOf(host), 1);
    await poll;
    await expect(request(host, 'GET', '/')).rejects.toThrow();
  });
});

describe('npm run serve arguments', () => {
  it('reads --port and the site, and refuses nonsense', () => {
    expect(parseServeArgs([])).toEqual({ port: 0, site: null, backupDir: null, help: false });
    expect(parseServeArgs(['--port', '8123', 'my-site'])).toEqual({ port: 8123, site: 'my-site', backupDir: null, help: false });
    expect(parseServeArgs(['--port=0', '--backup-dir', '/tmp/b'])).toMatchObject({ port: 0, backupDir: '/tmp/b' });
    expect(() => parseServeArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseServeArgs(['--what'])).toThrow(/Unknown option/);
    expect(() => parseServeArgs(['a', 'b'])).toThrow(/one site/);
  });
});
