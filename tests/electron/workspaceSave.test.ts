// Saving: atomic, byte-exact, mode kept, symlinks written through, and conflicts detected.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusSkipReason, hasCorpus } from '../corpus';
import { Workspace } from '../../electron/workspace/index';
import { corpusSite, moveMtime, removeTemps, sampleSite, tempDir, tempFilesIn } from './tempSites';

afterAll(removeTemps);

const BOOK = '_books/20240318-the-quiet-compiler.md';

function setup() {
  const site = sampleSite();
  return { site, ws: new Workspace(site, { backupDir: tempDir() }), file: path.join(site, BOOK) };
}

describe('saving', () => {
  it('writes exactly the text given: CRLF, BOM and a missing final newline kept', async () => {
    const { ws, file, site } = setup();
    const base = (await ws.readBook(BOOK)).fingerprint;
    const text = '\uFEFF---\r\ntitle: "Crlf"\r\n---\r\n\r\nno final newline';
    const result = await ws.saveBook(BOOK, text, base);
    expect(result.ok).toBe(true);
    const bytes = fs.readFileSync(file);
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(tempFilesIn(path.join(site, '_books'))).toEqual([]);
    if (result.ok) {
      expect(result.fingerprint.size).toBe(bytes.length);
      expect((await ws.readBook(BOOK)).fingerprint).toEqual(result.fingerprint);
    }
  });

  it('keeps the file mode', async () => {
    const { ws, file } = setup();
    fs.chmodSync(file, 0o640);
    const base = (await ws.readBook(BOOK)).fingerprint;
    expect((await ws.saveBook(BOOK, 'changed\n', base)).ok).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  it('writes a symlinked book through its real path, leaving the link in place', async () => {
    const { ws, site } = setup();
    fs.mkdirSync(path.join(site, 'drafts'));
    const real = path.join(site, 'drafts', 'real.md');
    fs.writeFileSync(real, 'old\n');
    fs.symlinkSync(path.join('..', 'drafts', 'real.md'), path.join(site, '_books', 'linked.md'));
    const base = (await ws.readBook('_books/linked.md')).fingerprint;
    expect((await ws.saveBook('_books/linked.md', 'new\n', base)).ok).toBe(true);
    expect(fs.lstatSync(path.join(site, '_books', 'linked.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new\n');
    expect(tempFilesIn(path.join(site, 'drafts'))).toEqual([]);
  });

  it('creates a new file when base is null, and refuses when it exists', async () => {
    const { ws, site } = setup();
    expect((await ws.saveBook('_books/20240601-new.md', 'x\n', null)).ok).toBe(true);
    expect(fs.readFileSync(path.join(site, '_books', '20240601-new.md'), 'utf8')).toBe('x\n');
    const again = await ws.saveBook('_books/20240601-new.md', 'y\n', null);
    expect(again).toMatchObject({ ok: false, reason: 'conflict', disk: { path: '_books/20240601-new.md', text: 'x\n' } });
  });

  it('leaves no temp file when the write fails', async () => {
    const { ws, site } = setup();
    // A folder where the book should be: the checks pass (same size and time), the rename fails.
    const folder = path.join(site, '_books', 'folder.md');
    fs.mkdirSync(folder);
    const stat = fs.statSync(folder);
    await expect(ws.saveBook('_books/folder.md', 'x', { mtimeMs: stat.mtimeMs, size: stat.size, hash: '0'.repeat(64) })).rejects.toThrow();
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    const base = (await ws.readBook(BOOK)).fingerprint;
    if (process.getuid?.() !== 0) {
      fs.chmodSync(path.join(site, '_books'), 0o555);
      await expect(ws.saveBook(BOOK, 'x', base)).rejects.toThrow();
      fs.chmodSync(path.join(site, '_books'), 0o755);
    }
    expect(tempFilesIn(path.join(site, '_books'))).toEqual([]);
  });

  it('refuses text UTF-8 cannot hold, rather than altering it', async () => {
    const { ws } = setup();
    const base = (await ws.readBook(BOOK)).fingerprint;
    await expect(ws.saveBook(BOOK, 'broken \uD800 text', base)).rejects.toThrow(/lone surrogate/);
  });

  it('runs two saves of one file one after the other: the second sees the first as a conflict', async () => {
    const { ws } = setup();
    const base = (await ws.readBook(BOOK)).fingerprint;
    const [a, b] = await Promise.all([ws.saveBook(BOOK, 'first\n', base), ws.saveBook(BOOK, 'second, longer\n', base)]);
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, reason: 'conflict', disk: { text: 'first\n' } });
  });
});

describe('conflicts', () => {
  it('refuses when the file changed on disk after it was read, and returns the disk version', async () => {
    const { ws, file } = setup();
    const read = await ws.readBook(BOOK);
    fs.writeFileSync(file, read.text + 'someone else\n');
    const result = await ws.saveBook(BOOK, read.text + 'mine\n', read.fingerprint);
    expect(result).toMatchObject({ ok: false, reason: 'conflict', disk: { path: BOOK, text: read.text + 'someone else\n' } });
    expect(fs.readFileSync(file, 'utf8')).toBe(read.text + 'someone else\n');
  });

  it('refuses when other bytes of the same size were written (the time moved)', async () => {
    const { ws, file } = setup();
    const read = await ws.readBook(BOOK);
    fs.writeFileSync(file, read.text.replace('Quiet', 'Quirk'));
    moveMtime(file, 5_000);
    const result = await ws.saveBook(BOOK, 'mine\n', read.fingerprint);
    expect(result.ok).toBe(false);
  });

  it('saves when only the time moved and the bytes are the same', async () => {
    const { ws, file } = setup();
    const read = await ws.readBook(BOOK);
    moveMtime(file, 5_000);
    const result = await ws.saveBook(BOOK, 'mine\n', read.fingerprint);
    expect(result.ok).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('refuses when the file was deleted, with no disk version', async () => {
    const { ws, file } = setup();
    const read = await ws.readBook(BOOK);
    fs.rmSync(file);
    expect(await ws.saveBook(BOOK, 'mine\n', read.fingerprint)).toEqual({ ok: false, reason: 'conflict', disk: null });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('the fingerprint a save returns is the base of the next save', async () => {
    const { ws } = setup();
    let base = (await ws.readBook(BOOK)).fingerprint;
    for (const text of ['one\n', 'two two\n', 'three\n']) {
      const r = await ws.saveBook(BOOK, text, base);
      if (!r.ok) throw new Error('conflict');
      base = r.fingerprint;
    }
    expect((await ws.readBook(BOOK)).text).toBe('three\n');
  });
});

describe.skipIf(!hasCorpus)('saving the real corpus', () => {
  if (!hasCorpus) console.warn(`[workspaceSave] ${corpusSkipReason}`);

  it('saving every book unchanged leaves every byte as it was', async () => {
    const site = corpusSite();
    const ws = new Workspace(site, { backupDir: tempDir() });
    for (const b of await ws.listBooks()) {
      const before = fs.readFileSync(path.join(site, b.path));
      const read = await ws.readBook(b.path);
      expect((await ws.saveBook(b.path, read.text, read.fingerprint)).ok).toBe(true);
      expect(fs.readFileSync(path.join(site, b.path)).equals(before)).toBe(true);
    }
    expect(tempFilesIn(path.join(site, '_books'))).toEqual([]);
  });
});
