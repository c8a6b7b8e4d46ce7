// The localhost host under slow, silent and many clients, and with a huge book in the
// site: every other call is still answered.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/server';
import type { HostLimits, RunningHost } from '../../electron/host/server';
import { removeTemps, sampleSite, tempDir } from './tempSites';

const hosts: RunningHost[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});
afterAll(removeTemps);

async function start(limits: Partial<HostLimits> = {}, siteRoot = sampleSite()) {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const host = await startHost({ siteRoot, rendererDir, backupDir: tempDir(), pollTimeoutMs: 1_500, limits });
  hosts.push(host);
  return host;
}

function call(host: RunningHost, method: string, args: unknown[]): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(args);
    const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${method}`, agent: false, headers: { host: `127.0.0.1:${host.port}`, 'x-book-token': host.token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A raw connection; resolves its close with what it received. */
function connect(host: RunningHost, send = ''): { socket: net.Socket; closed: Promise<string> } {
  const socket = net.connect(host.port, '127.0.0.1');
  sockets.push(socket);
  let got = '';
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => (got += d));
  socket.on('error', () => undefined);
  if (send) socket.write(send);
  return { socket, closed: new Promise((resolve) => socket.on('close', () => resolve(got))) };
}

describe('slow and silent clients', () => {
  it('a connection that sends nothing is closed', async () => {
    const host = await start({ connections: { max: 128, idleMs: 300 } });
    expect(await connect(host).closed).toBe('');
  });

  it('headers sent a byte at a time are cut with 408, and other calls are answered meanwhile', async () => {
    const host = await start({ headersTimeoutMs: 400, requestTimeoutMs: 800 });
    const { socket, closed } = connect(host, 'POST /api/site HTTP/1.1\r\n');
    const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 50);
    expect((await call(host, 'listBooks', [])).status).toBe(200);
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    clearInterval(drip);
  });

  it('a body sent slowly with a valid token is cut; a long poll that waits longer than that is still answered', async () => {
    const host = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const { socket, closed } = connect(host, `POST /api/site HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nx-book-token: ${host.token}\r\nContent-Length: 100\r\n\r\n[`);
    const drip = setInterval(() => socket.write(' '), 50);
    const { cursor } = (await call(host, 'nextEvents', [0])).body as { cursor: number };
    const poll = await call(host, 'nextEvents', [cursor]);
    expect(poll).toEqual({ status: 200, body: { cursor, events: [] } });
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    clearInterval(drip);
  });

  it('past the cap, new connections take the place of the oldest idle ones: calls still succeed', async () => {
    const host = await start({ connections: { max: 20, idleMs: 60_000 } });
    const idle = Array.from({ length: 60 }, () => connect(host, 'POST /api/site HTTP/1.1\r\n'));
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 5; i++) expect((await call(host, 'site', [])).status).toBe(200);
    const closed = await Promise.race([Promise.all(idle.slice(0, 40).map((c) => c.closed)), new Promise((r) => setTimeout(() => r('still open'), 2_000))]);
    expect(closed).not.toBe('still open');
  });
});

describe('a huge book in the site', () => {
  it('does not keep readBook of another book waiting while the library is read', async () => {
    const site = sampleSite();
    const keys = Array.from({ length: 200_000 }, (_, i) => `k${i}: v${i}\n`).join('');
    fs.writeFileSync(path.join(site, '_books', '20240101-many-keys.md'), `---\ntitle: Many\n${keys}---\n`);
    const host = await start({}, site);
    let listed = false;
    const list = call(host, 'listBooks', []).then((r) => ((listed = true), r));
    await new Promise((r) => setTimeout(r, 100));
    const read = await call(host, 'readBook', ['_books/20240318-the-quiet-compiler.md']);
    expect(read.status).toBe(200);
    expect(listed).toBe(false);
    const rows = (await list).body as { id: string; warnings: number }[];
    expect(rows.find((b) => b.id === '20240101-many-keys')!.warnings).toBe(200_000);
  }, 120_000);

  it('the built worker starts and answers (the hosts fall back to their own thread only when it cannot)', async () => {
    const built = path.resolve(import.meta.dirname, '..', '..', 'dist', 'electron', 'checkWorker.cjs');
    expect(fs.existsSync(built), 'run npm run build first').toBe(true);
    const worker = new Worker(built);
    try {
      const answers: unknown[] = [];
      await new Promise<void>((resolve, reject) => {
        worker.on('message', (m: unknown) => {
          answers.push(m);
          if (answers.length === 2) resolve();
        });
        worker.on('error', reject);
        worker.postMessage({ op: 'open', id: 1, text: '---\ntitle: T\nstart: 2024-01-01 00:00:00\n---\n', seq: 7 });
      });
      expect(answers).toEqual([{ ready: true }, { seq: 7, ok: true, value: expect.objectContaining({ title: 'T', start: '2024-01-01 00:00:00' }) }]);
    } finally {
      await worker.terminate();
    }
  });
});
