// Site events: file system changes become book and people events, served by a long poll.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SiteEvent } from '../../shared/api';
import { EventQueue, Workspace } from '../../electron/workspace/index';
import { SiteWatcher } from '../../electron/workspace/watcher';
import { removeTemps, sampleSite, tempDir } from './tempSites';

const open: Workspace[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));
afterAll(removeTemps);

function setup() {
  const site = sampleSite();
  const ws = new Workspace(site, { backupDir: tempDir(), debounceMs: 30, pollTimeoutMs: 400 });
  open.push(ws);
  return { site, ws };
}

/** Polls until `done` holds for the events seen, or `ms` pass; returns the events and the last cursor. */
async function collect(ws: Workspace, cursor: number, done: (events: SiteEvent[]) => boolean, ms = 3000): Promise<{ events: SiteEvent[]; cursor: number }> {
  const events: SiteEvent[] = [];
  const until = Date.now() + ms;
  while (!done(events) && Date.now() < until) {
    const batch = await ws.nextEvents(cursor);
    cursor = batch.cursor;
    events.push(...batch.events);
  }
  return { events, cursor };
}

const has = (kind: SiteEvent['kind'], p?: string) => (events: SiteEvent[]) => events.some((e) => e.kind === kind && (p === undefined || ('path' in e && e.path === p)));

describe('watching a site', () => {
  it('reports changed, added and removed books, and changed people', async () => {
    const { site, ws } = setup();
    const start = await ws.nextEvents(0);
    expect(start.events).toEqual([]);
    const book = path.join(site, '_books', '20240318-the-quiet-compiler.md');
    fs.appendFileSync(book, 'edited elsewhere\n');
    let got = await collect(ws, start.cursor, has('book-changed', '_books/20240318-the-quiet-compiler.md'));
    expect(got.events).toContainEqual({ kind: 'book-changed', path: '_books/20240318-the-quiet-compiler.md' });

    fs.writeFileSync(path.join(site, '_books', '20240610-new.md'), '---\ntitle: new\n---\n');
    got = await collect(ws, got.cursor, has('book-added'));
    expect(got.events).toContainEqual({ kind: 'book-added', path: '_books/20240610-new.md' });

    fs.rmSync(path.join(site, '_books', '20240304-gardening-with-graphs.md'));
    got = await collect(ws, got.cursor, has('book-removed'));
    expect(got.events).toContainEqual({ kind: 'book-removed', path: '_books/20240304-gardening-with-graphs.md' });

    fs.appendFileSync(path.join(site, '_people', 'lenavoss.md'), 'More bio.\n');
    got = await collect(ws, got.cursor, has('people-changed'));
    expect(got.events).toContainEqual({ kind: 'people-changed' });
  });

  it('does not report our own saves or temp files', async () => {
    const { site, ws } = setup();
    const { cursor } = await ws.nextEvents(0);
    const read = await ws.readBook('_books/20240318-the-quiet-compiler.md');
    expect((await ws.saveBook(read.path, read.text + 'mine\n', read.fingerprint)).ok).toBe(true);
    fs.writeFileSync(path.join(site, '_books', '.x.md.book-editor-0123456789ab.tmp'), 'temp');
    fs.writeFileSync(path.join(site, '_books', 'notes.txt'), 'not a book');
    const got = await collect(ws, cursor, () => false, 700);
    expect(got.events).toEqual([]);
    // A change by someone else right after is still reported.
    fs.appendFileSync(path.join(site, '_books', '20240318-the-quiet-compiler.md'), 'theirs\n');
    expect((await collect(ws, got.cursor, has('book-changed'))).events).toContainEqual({ kind: 'book-changed', path: '_books/20240318-the-quiet-compiler.md' });
  });
});

describe('own writes', () => {
  it('changes seen while we write a book wait for the write to end, then match its result', async () => {
    const site = sampleSite();
    const queue = new EventQueue(100, 300);
    const watcher = new SiteWatcher(site, queue, 20);
    await watcher.start();
    try {
      const { cursor } = await queue.next(0);
      const file = path.join(site, '_books', '20240318-the-quiet-compiler.md');
      watcher.beginOwnWrite('_books/20240318-the-quiet-compiler.md');
      fs.appendFileSync(file, 'ours, and the write is slow\n');
      await new Promise((r) => setTimeout(r, 150));
      await watcher.endOwnWrite('_books/20240318-the-quiet-compiler.md');
      expect((await queue.next(cursor)).events).toEqual([]);
    } finally {
      watcher.close();
    }
  });
});

describe('the event queue', () => {
  it('cursor 0 answers at once; later polls wait for events or time out empty', async () => {
    const q = new EventQueue(500, 200);
    q.push({ kind: 'people-changed' });
    expect(await q.next(0)).toEqual({ cursor: 2, events: [] });
    const started = Date.now();
    expect(await q.next(2)).toEqual({ cursor: 2, events: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    const waiting = q.next(2);
    q.push({ kind: 'command', command: 'save' });
    expect(await waiting).toEqual({ cursor: 3, events: [{ kind: 'command', command: 'save' }] });
  });

  it('keeps a bounded ring, telling a page that fell behind to reload', async () => {
    const q = new EventQueue(3, 100);
    for (let i = 0; i < 10; i++) q.push({ kind: 'book-changed', path: `_books/${i}.md` });
    const batch = await q.next(3);
    expect(batch.cursor).toBe(11);
    expect(batch.events).toEqual([{ kind: 'site-opened' }, { kind: 'book-changed', path: '_books/7.md' }, { kind: 'book-changed', path: '_books/8.md' }, { kind: 'book-changed', path: '_books/9.md' }]);
    expect((await q.next(99)).events).toEqual([{ kind: 'site-opened' }]);
  });

  it('never answers a hello (cursor 0) with cursor 0, so an empty queue is not a busy loop', async () => {
    const q = new EventQueue(10, 100);
    const { cursor } = await q.next(0);
    expect(cursor).toBeGreaterThan(0);
    const waiting = q.next(cursor);
    q.push({ kind: 'people-changed' });
    expect((await waiting).events).toEqual([{ kind: 'people-changed' }]);
  });

  it('holds startup events until a page listens', async () => {
    const q = new EventQueue(10, 100);
    q.pushWhenListening({ kind: 'open-book', path: '_books/a.md' });
    const first = await q.next(0);
    expect(first.events).toEqual([]);
    expect(await q.next(first.cursor)).toEqual({ cursor: first.cursor + 1, events: [{ kind: 'open-book', path: '_books/a.md' }] });
  });

  it('close ends waiting polls', async () => {
    const q = new EventQueue(10, 60_000);
    const waiting = q.next((await q.next(0)).cursor);
    q.close();
    expect(await waiting).toEqual({ cursor: 1, events: [] });
  });
});
