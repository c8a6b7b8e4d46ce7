// Renaming a book on temp sites: the file, its image folder and the paths in it; refused when the target exists; undone by renaming back.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiArgumentError, checkArgs } from '../../shared/api';
import { bookIdOf, rescheduledPath, openBook, renameBookEdits, applyEdits, rescheduleEdits, validate } from '../../shared/index';
import { hostApi } from '../../electron/host/hostApi';
import { moveBook } from '../../electron/workspace/moveBook';
import { Workspace, WorkspaceError } from '../../electron/workspace/index';
import { lineDiff } from '../lineDiff';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

const FROM = '_books/20240304-gardening-with-graphs.md';
const TO = '_books/20240311-gardening-with-graphs.md';

function open() {
  const root = sampleSite();
  const ws = new Workspace(root, { backupDir: path.join(tempDir(), 'backups') });
  const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
  const has = (rel: string) => fs.existsSync(path.join(root, rel));
  return { root, ws, read, has };
}

/** Every file of a folder, relative, with its bytes. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

describe('renameBook', () => {
  it('moves the file and its image folder and rewrites cover and image, nothing else', async () => {
    const { root, ws, read, has } = open();
    const original = await ws.readBook(FROM);
    const cover = fs.readFileSync(path.join(root, 'images/books/20240304-gardening-with-graphs/cover.jpg'));
    const r = await ws.renameBook(FROM, TO, original.fingerprint);
    expect(r).toMatchObject({ ok: true, images: { from: 'images/books/20240304-gardening-with-graphs', to: 'images/books/20240311-gardening-with-graphs' } });
    if (!r.ok) return;
    expect(has(FROM)).toBe(false);
    expect(has('images/books/20240304-gardening-with-graphs')).toBe(false);
    expect(fs.readFileSync(path.join(root, 'images/books/20240311-gardening-with-graphs/cover.jpg'))).toEqual(cover);
    expect(r.file).toEqual(await ws.readBook(TO));
    const diff = lineDiff(original.text, read(TO));
    expect(diff.removed.map((l) => l.line)).toEqual([4, 5]);
    expect(diff.added.map((l) => l.text)).toEqual([
      'cover: "images/books/20240311-gardening-with-graphs/cover.jpg"',
      'image: "images/books/20240311-gardening-with-graphs/preview.jpg"',
    ]);
    // The page applies the same pure edits to its own copy and gets the same text.
    const doc = openBook(original.text);
    expect(applyEdits(doc, renameBookEdits(doc, bookIdOf(FROM), bookIdOf(TO))).text).toBe(r.file.text);
    expect((await ws.listBooks()).map((b) => b.path)).toContain(TO);
    expect((await ws.listBooks()).map((b) => b.path)).not.toContain(FROM);
  });

  it('is undone by renaming back: the same bytes, folder and files', async () => {
    const { root, ws } = open();
    const before = tree(root);
    const r = await ws.renameBook(FROM, TO, (await ws.readBook(FROM)).fingerprint);
    if (!r.ok) throw new Error('not renamed');
    const back = await ws.renameBook(TO, FROM, r.file.fingerprint);
    expect(back.ok).toBe(true);
    expect(tree(root)).toEqual(before);
  });

  it('"Reschedule…": the date edits are pure, the rename is the same call', async () => {
    const { ws, read } = open();
    const file = await ws.readBook(FROM);
    const to = rescheduledPath(FROM, '2024-06-05')!;
    expect(to).toBe('_books/20240603-gardening-with-graphs.md');
    const r = await ws.renameBook(FROM, to, file.fingerprint);
    if (!r.ok) throw new Error('not renamed');
    const doc = openBook(file.text);
    const page = applyEdits(doc, [...rescheduleEdits(doc, '2024-06-05'), ...renameBookEdits(doc, bookIdOf(FROM), bookIdOf(to))]);
    const saved = await ws.saveBook(to, page.text, r.file.fingerprint);
    expect(saved.ok).toBe(true);
    expect(lineDiff(file.text, read(to)).removed.map((l) => l.line)).toEqual([4, 5, 6, 7]);
    expect(validate(openBook(read(to)), { path: to }).map((d) => d.code)).not.toContain('file-date');
  });

  it('is refused when the target file or folder exists, changing nothing', async () => {
    const { root, ws } = open();
    const base = (await ws.readBook(FROM)).fingerprint;
    const before = tree(root);
    await expect(ws.renameBook(FROM, '_books/20240318-the-quiet-compiler.md', base)).rejects.toMatchObject({ kind: 'exists', message: expect.stringMatching(/20240318-the-quiet-compiler\.md already exists/) });
    fs.mkdirSync(path.join(root, 'images/books/20240311-gardening-with-graphs'));
    await expect(ws.renameBook(FROM, TO, base)).rejects.toMatchObject({ kind: 'exists', message: expect.stringMatching(/images\/books\/20240311-gardening-with-graphs already exists/) });
    fs.rmdirSync(path.join(root, 'images/books/20240311-gardening-with-graphs'));
    expect(tree(root)).toEqual(before);
    await expect(ws.renameBook(FROM, FROM, base)).rejects.toBeInstanceOf(WorkspaceError);
  });

  it('answers a conflict when the file changed on disk since it was read', async () => {
    const { root, ws, has } = open();
    const base = (await ws.readBook(FROM)).fingerprint;
    fs.appendFileSync(path.join(root, FROM), 'More.\n');
    const r = await ws.renameBook(FROM, TO, base);
    expect(r).toMatchObject({ ok: false, reason: 'conflict', disk: { path: FROM } });
    expect(has(TO)).toBe(false);
  });

  it('a book without an image folder, or paths pointing elsewhere, moves alone', async () => {
    const { root, ws, read } = open();
    fs.rmSync(path.join(root, 'images/books/20240304-gardening-with-graphs'), { recursive: true });
    const text = read(FROM).replace(/images\/books\/20240304-gardening-with-graphs\//g, 'images/shared/');
    fs.writeFileSync(path.join(root, FROM), text);
    const r = await ws.renameBook(FROM, TO, (await ws.readBook(FROM)).fingerprint);
    expect(r).toMatchObject({ ok: true, images: null, file: { text } });
  });

  it('unsaved work in a backup follows the book, with the paths rewritten', async () => {
    const { ws } = open();
    const file = await ws.readBook(FROM);
    await ws.writeBackup(FROM, file.text.replace('Gardening with Graphs"', 'Gardening with Graphs!"'), file.fingerprint);
    const r = await ws.renameBook(FROM, TO, file.fingerprint);
    if (!r.ok) throw new Error('not renamed');
    const backups = await ws.listBackups();
    expect(backups.map((b) => b.path)).toEqual([TO]);
    expect(backups[0]!.text).toBe(r.file.text.replace('Gardening with Graphs"', 'Gardening with Graphs!"'));
    expect(backups[0]!.base).toEqual(r.file.fingerprint);
  });

  it('is in the contract: arguments checked, served by the host', async () => {
    const { ws } = open();
    const base = (await ws.readBook(FROM)).fingerprint;
    expect(() => checkArgs('renameBook', [FROM, TO, base])).not.toThrow();
    expect(() => checkArgs('renameBook', [FROM, '_books/../x.md', base])).toThrow(ApiArgumentError);
    expect(() => checkArgs('renameBook', [FROM, 'images/x.md', base])).toThrow(/book path/);
    expect(() => checkArgs('renameBook', [FROM, TO, null])).toThrow(/fingerprint/);
    expect(() => checkArgs('renameBook', [FROM, TO])).toThrow(/3 arguments/);
    expect((await hostApi(ws).renameBook(FROM, TO, base)).ok).toBe(true);
  });
});

describe('moveBook on failure', () => {
  const setup = () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'old.md'), 'old');
    fs.mkdirSync(path.join(dir, 'img-old'));
    fs.writeFileSync(path.join(dir, 'img-old', 'cover.jpg'), 'jpg');
    const at = (n: string) => ({ real: path.join(dir, n), rel: n });
    return { dir, at };
  };

  it('a folder that cannot move: the new file is removed, nothing changed', async () => {
    const { dir, at } = setup();
    const before = tree(dir);
    await expect(moveBook({ from: at('old.md'), to: at('new.md'), bytes: Buffer.from('new'), mode: 0o644, images: { from: at('img-gone'), to: at('img-new') } })).rejects.toThrow(/img-gone could not be moved.*Nothing was changed/);
    expect(tree(dir)).toEqual(before);
  });

  it('an old file that cannot be removed: the folder moves back, the new file goes, nothing changed', async () => {
    const { dir, at } = setup();
    fs.mkdirSync(path.join(dir, 'a-folder'));
    const before = tree(dir);
    await expect(moveBook({ from: at('a-folder'), to: at('new.md'), bytes: Buffer.from('new'), mode: 0o644, images: { from: at('img-old'), to: at('img-new') } })).rejects.toThrow(/a-folder could not be removed.*Nothing was changed/);
    expect(tree(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'img-old', 'cover.jpg'))).toBe(true);
  });

  it('never writes over an existing file', async () => {
    const { dir, at } = setup();
    fs.writeFileSync(path.join(dir, 'new.md'), 'someone else');
    await expect(moveBook({ from: at('old.md'), to: at('new.md'), bytes: Buffer.from('new'), mode: 0o644, images: null })).rejects.toMatchObject({ kind: 'exists' });
    expect(fs.readFileSync(path.join(dir, 'new.md'), 'utf8')).toBe('someone else');
    expect(fs.readFileSync(path.join(dir, 'old.md'), 'utf8')).toBe('old');
  });
});
