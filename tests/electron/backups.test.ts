// Backups of unsaved text: written atomically per book, listed, restored, removed on save.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultBackupDir, userBackupBase, Workspace } from '../../electron/workspace/index';
import { removeTemps, sampleSite, tempDir, tempFilesIn } from './tempSites';

afterAll(removeTemps);

const BOOK = '_books/20240318-the-quiet-compiler.md';

describe('backups', () => {
  it('are written, listed newest first, restored and removed by a save', async () => {
    const backupDir = tempDir();
    let now = 1_000;
    const ws = new Workspace(sampleSite(), { backupDir, now: () => now });
    const read = await ws.readBook(BOOK);
    await ws.writeBackup(BOOK, read.text + 'unsaved 1\n', read.fingerprint);
    now = 2_000;
    await ws.writeBackup(BOOK, read.text + 'unsaved 2\n', read.fingerprint);
    now = 3_000;
    await ws.writeBackup('_books/20240601-not-yet.md', 'draft\n', null);
    expect(fs.readdirSync(backupDir)).toHaveLength(2);
    expect(tempFilesIn(backupDir)).toEqual([]);
    const list = await ws.listBackups();
    expect(list).toEqual([
      { path: '_books/20240601-not-yet.md', text: 'draft\n', savedAt: 3_000, base: null },
      { path: BOOK, text: read.text + 'unsaved 2\n', savedAt: 2_000, base: read.fingerprint },
    ]);
    // Restoring: the page takes the text back and saves it against the recorded base.
    const restored = list[1]!;
    expect((await ws.saveBook(restored.path, restored.text, restored.base)).ok).toBe(true);
    expect((await ws.listBackups()).map((b) => b.path)).toEqual(['_books/20240601-not-yet.md']);
    await ws.discardBackup('_books/20240601-not-yet.md');
    expect(await ws.listBackups()).toEqual([]);
    await ws.discardBackup('_books/20240601-not-yet.md');
  });

  it('survive a restart of the workspace, and a backup equal to the disk is dropped', async () => {
    const site = sampleSite();
    const backupDir = tempDir();
    const first = new Workspace(site, { backupDir });
    const read = await first.readBook(BOOK);
    await first.writeBackup(BOOK, read.text + 'x', read.fingerprint);
    await first.writeBackup('_books/20240304-gardening-with-graphs.md', (await first.readBook('_books/20240304-gardening-with-graphs.md')).text, null);
    first.close();
    const second = new Workspace(site, { backupDir });
    expect((await second.listBackups()).map((b) => b.path)).toEqual([BOOK]);
  });

  it('skip damaged files', async () => {
    const backupDir = tempDir();
    const ws = new Workspace(sampleSite(), { backupDir });
    fs.writeFileSync(path.join(backupDir, `${'a'.repeat(32)}.json`), '{not json');
    fs.writeFileSync(path.join(backupDir, `${'b'.repeat(32)}.json`), JSON.stringify({ path: '../x.md', text: 'x', savedAt: 1, base: null }));
    expect(await ws.listBackups()).toEqual([]);
  });

  it('go by default to a folder per site in the user’s own state folder, never under the shared temp folder', () => {
    const dir = defaultBackupDir('/some/site');
    expect(dir.startsWith(os.tmpdir())).toBe(false);
    expect(dir.startsWith(os.homedir()) || dir.startsWith(process.env.XDG_STATE_HOME ?? os.homedir())).toBe(true);
    expect(dir).not.toBe(defaultBackupDir('/other/site'));
    expect(userBackupBase({ XDG_STATE_HOME: '/state' }, 'linux', '/home/ann')).toBe('/state/book-editor/backups');
    expect(userBackupBase({ XDG_STATE_HOME: 'relative' }, 'linux', '/home/ann')).toBe('/home/ann/.local/state/book-editor/backups');
    expect(userBackupBase({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Book Editor/backups');
    expect(userBackupBase({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32', 'C:\\Users\\ann')).toContain('Book Editor');
  });

  it('refuse a backup folder that is a symbolic link, and offer nothing planted there', async () => {
    const real = tempDir();
    const link = path.join(tempDir(), 'backups');
    fs.symlinkSync(real, link);
    const ws = new Workspace(sampleSite(), { backupDir: link });
    fs.writeFileSync(path.join(real, `${'c'.repeat(32)}.json`), JSON.stringify({ path: BOOK, text: 'planted', savedAt: 1, base: null }));
    await expect(ws.writeBackup(BOOK, 'x', null)).rejects.toThrow(/is a symbolic link: backups are refused there/);
    expect(await ws.listBackups()).toEqual([]);
  });

  it('make their folder private (0700) and remove temp files of backups cut short', async () => {
    const backupDir = path.join(tempDir(), 'deep', 'backups');
    const ws = new Workspace(sampleSite(), { backupDir });
    await ws.writeBackup(BOOK, 'x', null);
    expect(fs.statSync(backupDir).mode & 0o777).toBe(0o700);
    fs.chmodSync(backupDir, 0o777);
    const stale = path.join(backupDir, `.${'d'.repeat(32)}.json.book-editor-0123456789ab.tmp`);
    fs.writeFileSync(stale, '{"half":');
    expect((await ws.listBackups()).map((b) => b.text)).toEqual(['x']);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.statSync(backupDir).mode & 0o777).toBe(0o700);
  });
});
