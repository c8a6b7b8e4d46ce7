// What attacks and faults from outside broke, on the workspace: special files, names the
// site cannot serve, changes that keep size and time, temp files of saves cut short, text
// that is not UTF-8, failed writes, files past the size limit, a site folder that vanishes.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/api';
import { callApi } from '../../electron/host/apiCall';
import { hostApi } from '../../electron/host/hostApi';
import { Workspace } from '../../electron/workspace/index';
import { hasMkfifo, mkfifo, removeTemps, sampleSite, tempDir, tempFilesIn } from './tempSites';

afterAll(removeTemps);
afterEach(() => vi.restoreAllMocks());

const BOOK = '_books/20240318-the-quiet-compiler.md';
const workspace = (site = sampleSite()) => ({ site, ws: new Workspace(site, { backupDir: tempDir() }) });
if (!hasMkfifo) console.warn('[hostileFiles] FIFO cases skipped: no mkfifo on this machine');

describe.skipIf(!hasMkfifo)('a FIFO named *.md', () => {
  it('in _books/ is a library row that says what it is, never read; reading or saving it is refused at once', async () => {
    const { site, ws } = workspace();
    mkfifo(path.join(site, '_books', '20240101-pipe.md'));
    const books = await ws.listBooks();
    expect(books).toHaveLength(5);
    expect(books.find((b) => b.id === '20240101-pipe')).toMatchObject({ errors: 1, problem: expect.stringMatching(/FIFO \(named pipe\), not a file/) });
    for (let i = 0; i < 6; i++) await expect(ws.readBook('_books/20240101-pipe.md')).rejects.toThrow(/is a FIFO \(named pipe\), not a file: it was not read/);
    await expect(ws.saveBook('_books/20240101-pipe.md', 'x', null)).rejects.toThrow(/FIFO/);
    expect((await ws.readBook(BOOK)).text).toContain('The Quiet Compiler');
    expect((await callApi(hostApi(ws), 'readBook', ['_books/20240101-pipe.md'])).status).toBe(400);
  });

  it('in _people/ is skipped, and the people are still listed', async () => {
    const { site, ws } = workspace();
    mkfifo(path.join(site, '_people', 'pipe.md'));
    expect((await ws.people()).map((p) => p.id)).toContain('lenavoss');
  });
});

describe('names the site cannot serve', () => {
  const names = ['20240101-a:b.md', '20240101-tab\there.md', '20240101-new\nline.md', '20240101-x%2e.md', '20240101-back\\slash.md', '.hidden.md'];

  it('are library rows with a problem, not books; they cannot be read or saved', async () => {
    const { site, ws } = workspace();
    for (const n of names) fs.writeFileSync(path.join(site, '_books', n), '---\ntitle: x\n---\n');
    const rows = await ws.listBooks();
    for (const n of names) {
      const row = rows.find((b) => b.path === `_books/${n}`);
      expect(row?.problem, n).toMatch(/The site cannot serve this name/);
      expect(row?.errors).toBe(1);
      await expect(ws.readBook(`_books/${n}`)).rejects.toThrow(/refused/);
    }
    expect(rows.filter((b) => !b.problem)).toHaveLength(4);
  });

  it('saving a hidden name is refused and creates nothing', async () => {
    const { site, ws } = workspace();
    await expect(ws.saveBook('_books/.hidden.md', '---\ntitle: x\n---\n', null)).rejects.toThrow(/starts with a dot/);
    expect(fs.existsSync(path.join(site, '_books', '.hidden.md'))).toBe(false);
  });
});

describe('saving', () => {
  it('sees a change on disk that keeps both the size and the time', async () => {
    const { site, ws } = workspace();
    const file = path.join(site, BOOK);
    // A whole second, which every file system keeps exactly.
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    const read = await ws.readBook(BOOK);
    fs.writeFileSync(file, read.text.replace('Quiet', 'Loud!'));
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(fs.statSync(file)).toMatchObject({ size: read.fingerprint.size, mtimeMs: read.fingerprint.mtimeMs });
    const result = await ws.saveBook(BOOK, read.text + 'mine\n', read.fingerprint);
    expect(result).toMatchObject({ ok: false, reason: 'conflict', disk: { text: expect.stringContaining('Loud!') } });
    expect(fs.readFileSync(file, 'utf8')).toContain('Loud!');
  });

  it('a failed write answers in words with the site-relative path, never the system text or the temp path', async () => {
    const { ws } = workspace();
    const read = await ws.readBook(BOOK);
    const open = fsp.open;
    vi.spyOn(fsp, 'open').mockImplementation(async (file, ...rest) => {
      if (String(file).endsWith('.tmp')) throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(file)}'`), { code: 'ENOSPC' });
      return open(file, ...(rest as [string]));
    });
    const answer = await callApi(hostApi(ws), 'saveBook', [BOOK, read.text + 'more\n', read.fingerprint]);
    expect(answer.status).toBe(500);
    const message = (answer.body as { error: string }).error;
    expect(message).toBe(`${BOOK} could not be saved: the disk is full. The file on disk is as it was; your edits are still in the editor.`);
    expect(message).not.toMatch(/ENOSPC|\.tmp|book-editor-/);
  });

  it('refuses a text larger than the editor reads back', async () => {
    const { ws } = workspace();
    await expect(ws.saveBook('_books/20240101-huge.md', 'é'.repeat(MAX_FILE_BYTES / 2 + 1), null)).rejects.toThrow(/more than the 33554432/);
  });
});

describe('temp files of saves cut short (kill -9)', () => {
  it('are removed when the site is opened, and never listed as books', async () => {
    const site = sampleSite();
    const books = path.join(site, '_books');
    const stale = ['.20240318-the-quiet-compiler.md.book-editor-0123456789ab.tmp', '.x.md.book-editor-abcdefabcdef.tmp'];
    for (const n of stale) fs.writeFileSync(path.join(books, n), 'half a book');
    fs.writeFileSync(path.join(books, 'notes.tmp'), 'not ours');
    const ws = new Workspace(site, { backupDir: tempDir() });
    expect(tempFilesIn(books)).toEqual(['notes.tmp']);
    expect((await ws.listBooks()).map((b) => b.id)).toHaveLength(4);
  });
});

describe('text that is not valid UTF-8', () => {
  it('reads with the byte offset of the first bad byte, counts as an error, and is never saved over', async () => {
    const { site, ws } = workspace();
    const file = path.join(site, '_books', '20240101-latin1.md');
    const bytes = Buffer.from('---\ntitle: "Caf\xe9 Stra\xdfe"\n---\n', 'latin1');
    fs.writeFileSync(file, bytes);
    const read = await ws.readBook('_books/20240101-latin1.md');
    expect(read.notUtf8At).toBe(bytes.indexOf(0xe9));
    expect(read.text).toContain('Caf\uFFFD');
    expect((await ws.listBooks()).find((b) => b.id === '20240101-latin1')!.errors).toBeGreaterThanOrEqual(1);
    await expect(ws.saveBook(read.path, read.text, read.fingerprint)).rejects.toThrow(/not valid UTF-8 \(its first bad byte is at byte offset 15\)/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect((await callApi(hostApi(ws), 'saveBook', [read.path, read.text, read.fingerprint])).status).toBe(409);
    expect((await ws.readBook(BOOK)).notUtf8At).toBeUndefined();
  });
});

describe('one size limit', () => {
  it('a file past it is a library row with a problem, and is not read', async () => {
    const { site, ws } = workspace();
    const file = path.join(site, '_books', '20240101-big.md');
    fs.writeFileSync(file, '---\n');
    fs.truncateSync(file, MAX_FILE_BYTES + 1);
    expect((await ws.listBooks()).find((b) => b.id === '20240101-big')!.problem).toMatch(/more than the 33554432 this editor opens/);
    await expect(ws.readBook('_books/20240101-big.md')).rejects.toThrow(/more than the 33554432/);
  });
});

describe('a site folder that vanished', () => {
  it('is said at once, in listBooks and as an event, and backups keep working', async () => {
    const site = sampleSite();
    const ws = new Workspace(site, { backupDir: tempDir(), pollTimeoutMs: 3_000 });
    try {
      const { cursor } = await ws.nextEvents(0);
      const read = await ws.readBook(BOOK);
      fs.renameSync(site, `${site}-renamed`);
      await expect(ws.listBooks()).rejects.toThrow(/The site folder .* is gone: it was moved, renamed or deleted/);
      await expect(ws.readBook(BOOK)).rejects.toThrow(/is gone/);
      let events = (await ws.nextEvents(cursor)).events;
      if (!events.length) events = (await ws.nextEvents(cursor)).events;
      expect(events).toEqual([{ kind: 'site-gone', message: expect.stringMatching(/is gone/) }]);
      await ws.writeBackup(BOOK, read.text + 'unsaved\n', read.fingerprint);
      expect((await ws.listBackups()).map((b) => b.text)).toEqual([read.text + 'unsaved\n']);
    } finally {
      ws.close();
    }
  });
});
