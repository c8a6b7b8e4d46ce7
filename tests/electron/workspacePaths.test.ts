// Path confinement: every path from the page stays inside the site, through real paths.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/workspace/index';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

const BAD: [string, RegExp][] = [
  ['../outside.md', /leaves the site folder/],
  ['_books/../../outside.md', /leaves the site folder/],
  ['/etc/passwd', /absolute/],
  ['C:/Windows/win.ini', /absolute/],
  ['%2e%2e/outside.md', /encoded/],
  ['_books/%2E%2e%2foutside.md', /encoded/],
  ['_books\\..\\..\\outside.md', /backslash/],
  ['_books/a\0.md', /NUL/],
  ['_books//a.md', /empty or "."/],
  ['./_books/a.md', /empty or "."/],
  ['', /non-empty/],
];

function setup() {
  const site = sampleSite();
  const outside = tempDir();
  fs.writeFileSync(path.join(outside, 'secret.md'), '---\ntitle: secret\n---\n');
  fs.writeFileSync(path.join(outside, 'secret.jpg'), 'not really a jpeg');
  return { site, outside, ws: new Workspace(site, { backupDir: tempDir() }) };
}

describe('path confinement', () => {
  it.each(BAD)('refuses %j everywhere', async (bad, why) => {
    const { ws } = setup();
    await expect(ws.readBook(bad)).rejects.toThrow(why);
    await expect(ws.saveBook(bad, 'x', null)).rejects.toThrow(why);
    await expect(ws.readAsset(bad)).rejects.toThrow(why);
    await expect(ws.filesExist([bad])).rejects.toThrow(why);
    await expect(ws.writeBackup(bad, 'x', null)).rejects.toThrow(why);
    await expect(ws.discardBackup(bad)).rejects.toThrow(why);
  });

  it('refuses symbolic links that lead outside the site', async () => {
    const { ws, site, outside } = setup();
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(site, '_books', 'escape.md'));
    fs.symlinkSync(outside, path.join(site, 'images', 'elsewhere'));
    fs.symlinkSync(path.join(outside, 'gone.md'), path.join(site, '_books', 'dangling.md'));
    await expect(ws.readBook('_books/escape.md')).rejects.toThrow(/outside the site folder/);
    await expect(ws.saveBook('_books/escape.md', 'x', null)).rejects.toThrow(/outside the site folder/);
    await expect(ws.readAsset('images/elsewhere/secret.jpg')).rejects.toThrow(/outside the site folder/);
    await expect(ws.filesExist(['images/elsewhere/secret.jpg'])).rejects.toThrow(/outside the site folder/);
    await expect(ws.saveBook('_books/dangling.md', 'x', null)).rejects.toThrow(/broken symbolic link/);
    expect(fs.readFileSync(path.join(outside, 'secret.md'), 'utf8')).toBe('---\ntitle: secret\n---\n');
    expect(fs.existsSync(path.join(outside, 'gone.md'))).toBe(false);
    // The library does not show a book that leads outside either.
    expect((await ws.listBooks()).some((b) => b.id === 'escape')).toBe(false);
  });

  it('refuses a site whose _books folder is a link outside it', async () => {
    const { site, outside } = setup();
    fs.mkdirSync(path.join(outside, '_books'));
    fs.writeFileSync(path.join(outside, '_books', 'x.md'), 'x');
    fs.rmSync(path.join(site, '_books'), { recursive: true });
    fs.symlinkSync(path.join(outside, '_books'), path.join(site, '_books'));
    const ws = new Workspace(site);
    await expect(ws.readBook('_books/x.md')).rejects.toThrow(/outside the site folder/);
  });

  it('books are _books/<name>.md, one level deep', async () => {
    const { ws } = setup();
    for (const p of ['_people/lenavoss.md', '_books/x.txt', '_books/sub/x.md', 'x.md']) {
      await expect(ws.readBook(p)).rejects.toThrow(/books are _books\/<name>.md/);
      await expect(ws.saveBook(p, 'x', null)).rejects.toThrow(/books are _books\/<name>.md/);
    }
  });

  it('answers which files exist, inside the site', async () => {
    const { ws } = setup();
    expect(await ws.filesExist(['images/books/20240318-the-quiet-compiler/cover.jpg', 'images/books/nope/cover.jpg', 'images', '_books/20240304-gardening-with-graphs.md'])).toEqual([true, false, false, true]);
  });
});

describe('assets', () => {
  it('reads images with their type, and nothing else', async () => {
    const { ws, site } = setup();
    const cover = await ws.readAsset('images/books/20240318-the-quiet-compiler/cover.jpg');
    expect(cover.mime).toBe('image/jpeg');
    expect(Buffer.from(cover.base64, 'base64').equals(fs.readFileSync(path.join(site, 'images/books/20240318-the-quiet-compiler/cover.jpg')))).toBe(true);
    fs.writeFileSync(path.join(site, 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await ws.readAsset('images/logo.svg')).mime).toBe('image/svg+xml');
    await expect(ws.readAsset('_books/20240318-the-quiet-compiler.md')).rejects.toThrow(/not an image/);
    await expect(ws.readAsset('images/missing.png')).rejects.toThrow(/does not exist/);
    await expect(ws.readAsset('images')).rejects.toThrow(/not an image/);
  });

  it('refuses images larger than 10 MB', async () => {
    const { ws, site } = setup();
    fs.writeFileSync(path.join(site, 'images', 'huge.png'), Buffer.alloc(10 * 1024 * 1024 + 1));
    await expect(ws.readAsset('images/huge.png')).rejects.toThrow(/more than/);
  });
});
