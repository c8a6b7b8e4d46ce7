// The preview card: a 940×550 JPEG drawn from the book as the page holds it, with every author,
// carrying the record of what it shows; its state (missing, current, out of date and why).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArgs } from '../../shared/api';
import { Workspace } from '../../electron/workspace/index';
import { readComments } from '../../electron/workspace/images/jpegComment';
import { readRecord } from '../../electron/workspace/images/cardRecord';
import { hostApi } from '../../electron/host/hostApi';
import { callApi } from '../../electron/host/apiCall';
import { inked, inkedSpan, picture, pixels, writeBook } from './imageFiles';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

const PEOPLE = ['lenavoss', 'tomasokafor', 'aikotanaka', 'jonasprill'];

async function site() {
  const root = sampleSite();
  const ws = new Workspace(root, { backupDir: tempDir() });
  fs.mkdirSync(path.join(root, 'images/books/20240506-card'), { recursive: true });
  fs.writeFileSync(path.join(root, 'images/books/20240506-card/cover.jpg'), await picture(300, 450, 'jpeg'));
  return { root, ws, file: (rel: string) => fs.readFileSync(path.join(root, rel)) };
}

/** Makes the card of a book with these authors and decodes it. */
async function card(authors: string[], title = 'A Book About Cards') {
  const s = await site();
  const rel = writeBook(s.root, '20240506-card', { title, authors });
  const made = await s.ws.makePreviewImage(rel, null, false);
  if (!made.ok) throw new Error('not made');
  const bytes = s.file(made.path);
  return { ...s, rel, made, bytes, img: await pixels(bytes) };
}

describe('making a preview card', () => {
  it.each([[1], [2], [4]])('draws a %i-author card: 940×550 JPEG, record in a comment, cover, title and every author not blank', async (n) => {
    const authors = PEOPLE.slice(0, n);
    const { made, bytes, img } = await card(authors);
    expect(made).toMatchObject({ ok: true, path: 'images/books/20240506-card/preview.jpg', setImage: false, warnings: [] });
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect([img.width, img.height]).toEqual([940, 550]);
    const comments = readComments(bytes)!;
    expect(comments).toHaveLength(1);
    const record = readRecord(bytes)!;
    expect(record).toMatchObject({ book: '20240506-card', title: 'A Book About Cards', cover: 'images/books/20240506-card/cover.jpg' });
    expect('authors' in record && record.authors.map((a) => a.id)).toEqual(authors);
    expect('authors' in record && record.authors[0]!.name).toBe('Lena Voss');
    expect(record.coverHash).toMatch(/^[0-9a-f]{64}$/);
    // The site line, the title, the cover (left of the middle), the rules (right of it) and the author band.
    expect(inked(img, 200, 35, 740, 70)).toBeGreaterThan(0.03);
    expect(inked(img, 100, 75, 840, 130)).toBeGreaterThan(0.03);
    expect(inked(img, 200, 190, 330, 390)).toBeGreaterThan(0.5);
    expect(inked(img, 420, 190, 800, 390)).toBeGreaterThan(0.03);
    expect(inked(img, 35, 440, 905, 515)).toBeGreaterThan(0.02);
    // The band widens with the authors (one picture and name each), centred, never past the padding.
    const span = inkedSpan(img, 440, 515);
    expect(span.from).toBeGreaterThanOrEqual(35);
    expect(span.to).toBeLessThanOrEqual(905);
    expect(Math.abs((span.from + span.to) / 2 - 470)).toBeLessThan(20);
    expect(span.to - span.from).toBeGreaterThan([0, 250, 550, 450][n - 1]!);
    expect(inked(img, 0, 0, 940, 30)).toBe(0);
  });

  it('draws initials for a missing or corrupt picture and a name without a people page, with a warning for the corrupt one', async () => {
    const s = await site();
    fs.rmSync(path.join(s.root, 'images/authors/lenavoss.jpg'));
    fs.writeFileSync(path.join(s.root, 'images/authors/tomasokafor.jpg'), 'not a picture at all');
    const rel = writeBook(s.root, '20240506-card', { title: 'Initials', authors: ['lenavoss', 'tomasokafor', 'Priya Raman'] });
    const made = await s.ws.makePreviewImage(rel, null, false);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.warnings.join('\n')).toMatch(/images\/authors\/lenavoss\.jpg.*does not exist/);
    expect(made.warnings.join('\n')).toMatch(/tomasokafor\.jpg is not an image/);
    const img = await pixels(s.file(made.path));
    // Initials circles are light grey with dark letters: the band is drawn, not left white.
    expect(inked(img, 35, 440, 905, 515)).toBeGreaterThan(0.02);
  });

  it('draws from the text the page holds (unsaved title and authors), not the file on disk', async () => {
    const s = await site();
    const rel = writeBook(s.root, '20240506-card', { title: 'On Disk', authors: ['lenavoss'] });
    const text = fs.readFileSync(path.join(s.root, rel), 'utf8').replace('On Disk', 'Edited, Not Saved').replace('[lenavoss]', '[lenavoss, jonasprill]');
    const made = await s.ws.makePreviewImage(rel, text, false);
    expect(made.ok).toBe(true);
    const record = readRecord(s.file('images/books/20240506-card/preview.jpg'))!;
    expect(record).toMatchObject({ title: 'Edited, Not Saved', authors: [{ id: 'lenavoss', name: 'Lena Voss' }, { id: 'jonasprill', name: 'Jonas Prill' }] });
    expect(fs.readFileSync(path.join(s.root, rel), 'utf8')).toContain('On Disk');
  });

  it('fits a 300-character title and twelve authors inside the card', async () => {
    const title = `${'A Very Long Title About Many Things '.repeat(9)}`.slice(0, 300);
    const authors = [...PEOPLE, ...Array.from({ length: 8 }, (_, i) => `Author Number${i + 1}`)];
    const { made, img, bytes } = await card(authors, title);
    expect(made.ok).toBe(true);
    expect([img.width, img.height]).toEqual([940, 550]);
    expect(readRecord(bytes)).toMatchObject({ title: title.trim() });
    // Nothing is drawn in the padding at the top and bottom edges.
    expect(inked(img, 0, 0, 940, 28)).toBe(0);
    expect(inked(img, 0, 530, 940, 550)).toBe(0);
    expect(inked(img, 200, 200, 330, 380)).toBeGreaterThan(0.5);
  });

  it('sets image when it was empty, and writes the default path', async () => {
    const s = await site();
    const rel = writeBook(s.root, '20240506-card', { title: 'No image yet', authors: ['lenavoss'], image: '' });
    const made = await s.ws.makePreviewImage(rel, null, false);
    expect(made).toMatchObject({ ok: true, path: 'images/books/20240506-card/preview.jpg', setImage: true });
    expect((await s.ws.previewImageState(rel, null)).imageEmpty).toBe(true);
  });

  it.each([
    ['../outside.jpg', /leaves the site folder/],
    ['_books/card.jpg', /only under images\//],
    ['https://example.com/card.jpg', /an address/],
    ['/etc/card.jpg', /only under images\//],
    ['images/books/x/preview.png', /must end in \.jpg/],
  ])('refuses an image path %j and writes nothing', async (image, why) => {
    const s = await site();
    const rel = writeBook(s.root, '20240506-card', { title: 'Bad path', authors: ['lenavoss'], image });
    await expect(s.ws.makePreviewImage(rel, null, true)).rejects.toThrow(why);
    const state = await s.ws.previewImageState(rel, null);
    expect(state).toMatchObject({ status: 'invalid', path: null });
    expect(state.message).toMatch(why);
  });

  it('never writes through a link out of the site', async () => {
    const s = await site();
    const outside = tempDir();
    fs.symlinkSync(outside, path.join(s.root, 'images/elsewhere'));
    const rel = writeBook(s.root, '20240506-card', { title: 'Linked', authors: ['lenavoss'], image: 'images/elsewhere/card.jpg' });
    await expect(s.ws.makePreviewImage(rel, null, true)).rejects.toThrow(/outside the site folder/);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it("replaces its own card of the book, but another file only when told to", async () => {
    const s = await site();
    const rel = writeBook(s.root, '20240506-card', { title: 'Mine', authors: ['lenavoss'] });
    const preview = path.join(s.root, 'images/books/20240506-card/preview.jpg');
    fs.writeFileSync(preview, await picture(940, 550, 'jpeg'));
    expect(await s.ws.makePreviewImage(rel, null, false)).toEqual({ ok: false, reason: 'exists', path: 'images/books/20240506-card/preview.jpg' });
    expect(readRecord(fs.readFileSync(preview))).toBeNull();
    expect((await s.ws.makePreviewImage(rel, null, true)).ok).toBe(true);
    expect((await s.ws.makePreviewImage(rel, null, false)).ok).toBe(true);
  });
});

describe('the card state', () => {
  it('is missing, then current, then out of date with what changed, then current again', async () => {
    const s = await site();
    const rel = writeBook(s.root, '20240506-card', { title: 'State', authors: ['lenavoss'] });
    const text = fs.readFileSync(path.join(s.root, rel), 'utf8');
    expect(await s.ws.previewImageState(rel, text)).toMatchObject({ status: 'missing', path: 'images/books/20240506-card/preview.jpg', changed: [] });
    await s.ws.makePreviewImage(rel, text, false);
    expect(await s.ws.previewImageState(rel, text)).toMatchObject({ status: 'current', changed: [] });

    expect(await s.ws.previewImageState(rel, text.replace('State', 'State, Renamed'))).toMatchObject({ status: 'out-of-date', changed: ['title'] });
    const both = await s.ws.previewImageState(rel, text.replace('State', 'Other').replace('[lenavoss]', '[lenavoss, Priya Raman]'));
    expect(both).toMatchObject({ status: 'out-of-date', changed: ['title', 'authors'] });
    expect(both.message).toMatch(/the title and the authors changed since it was made/);
    // A person's display name is part of what is drawn.
    const person = path.join(s.root, '_people/lenavoss.md');
    fs.writeFileSync(person, fs.readFileSync(person, 'utf8').replace(/title: .*/, 'title: "Lena V. Voss"'));
    expect(await s.ws.previewImageState(rel, text)).toMatchObject({ status: 'out-of-date', changed: ['authors'] });
    // A new cover file.
    fs.writeFileSync(path.join(s.root, 'images/books/20240506-card/cover.jpg'), await picture(200, 300, 'jpeg'));
    expect(await s.ws.previewImageState(rel, text)).toMatchObject({ status: 'out-of-date', changed: ['authors', 'cover'] });

    await s.ws.makePreviewImage(rel, text, false);
    expect(await s.ws.previewImageState(rel, text)).toMatchObject({ status: 'current' });
  });

  it("calls a card without a record (made by another tool) possibly out of date", async () => {
    const s = await site();
    // The sample site's cards are the editor's own; a card from elsewhere is a JPEG with no record.
    fs.writeFileSync(path.join(s.root, 'images/books/20240318-the-quiet-compiler/preview.jpg'), await picture(940, 550, 'jpeg'));
    const state = await s.ws.previewImageState('_books/20240318-the-quiet-compiler.md', null);
    expect(state).toMatchObject({ status: 'out-of-date', changed: ['unrecorded'] });
    expect(state.message).toMatch(/not made by this editor/);
  });

  it('reports a broken book as invalid instead of failing', async () => {
    const s = await site();
    fs.writeFileSync(path.join(s.root, '_books/20240506-broken.md'), '---\ntitle: [\n---\n');
    expect(await s.ws.previewImageState('_books/20240506-broken.md', null)).toMatchObject({ status: 'invalid' });
    await expect(s.ws.makePreviewImage('_books/20240506-broken.md', null, false)).rejects.toThrow(/cannot be read/);
  });
});

describe('through the contract', () => {
  it('serves the three image methods from the host, with their arguments checked', async () => {
    const s = await site();
    const api = hostApi(s.ws);
    const rel = writeBook(s.root, '20240506-card', { title: 'Host', authors: ['lenavoss'] });
    expect((await callApi(api, 'previewImageState', [rel, null])).body).toMatchObject({ status: 'missing' });
    expect((await callApi(api, 'makePreviewImage', [rel, null, false])).body).toMatchObject({ ok: true, setImage: false });
    expect((await callApi(api, 'previewImageState', [rel, null])).body).toMatchObject({ status: 'current' });
    const cover = await callApi(api, 'writeCover', [rel, (await picture(800, 1200)).toString('base64'), true]);
    expect(cover).toMatchObject({ status: 200, body: { ok: true, width: 267, height: 400 } });
    expect(await callApi(api, 'writeCover', [rel, Buffer.from('<svg/>').toString('base64'), true])).toMatchObject({ status: 400, body: { error: expect.stringMatching(/SVG/) } });
    expect(await callApi(api, 'makePreviewImage', [rel, 42, false])).toMatchObject({ status: 400 });
    expect(() => checkArgs('previewImageState', [rel])).toThrow(/takes 2 arguments/);
  });
});
