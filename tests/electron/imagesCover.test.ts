// The cover from an image file: fitted into 400 px as a JPEG, written into the site only where
// and when the caller says, and every bad input refused with a message before it is decoded.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiArgumentError, MAX_COVER_BYTES, checkArgs } from '../../shared/api';
import { Workspace } from '../../electron/workspace/index';
import { fitCover, fitSize } from '../../electron/workspace/images/fitCover';
import { picture, pixels } from './imageFiles';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

const BOOK = '_books/20240318-the-quiet-compiler.md';
const COVER = 'images/books/20240318-the-quiet-compiler/cover.jpg';

function workspace() {
  const site = sampleSite();
  return { site, ws: new Workspace(site, { backupDir: tempDir() }) };
}

/** A PNG's first bytes with an IHDR that claims `width`×`height` (no pixel data: nothing to decode). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}

describe('fitting a cover', () => {
  it('fits a 2000×3000 PNG into a 267×400 JPEG', async () => {
    const fitted = await fitCover(await picture(2000, 3000, 'png'));
    expect([fitted.width, fitted.height]).toEqual([267, 400]);
    const decoded = await pixels(fitted.jpeg);
    expect([decoded.width, decoded.height]).toEqual([267, 400]);
    expect([...fitted.jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // The pattern survives: dark in the middle, red at the edge.
    const at = (x: number, y: number) => [...decoded.data.subarray((y * 267 + x) * 4, (y * 267 + x) * 4 + 3)];
    expect(at(133, 200)[2]).toBeGreaterThan(at(5, 5)[2]!);
    expect(at(5, 5)[0]).toBeGreaterThan(150);
  });

  it('fits wide pictures by their width, takes JPEG and WebP, and never enlarges', async () => {
    expect(fitSize(3000, 2000)).toEqual({ width: 400, height: 267 });
    expect(fitSize(400, 600)).toEqual({ width: 267, height: 400 });
    expect(fitSize(250, 309)).toEqual({ width: 250, height: 309 });
    expect(fitSize(10_000, 1)).toEqual({ width: 400, height: 1 });
    const jpeg = await fitCover(await picture(1200, 800, 'jpeg'));
    expect([jpeg.width, jpeg.height]).toEqual([400, 267]);
    const webp = await fitCover(await picture(300, 200, 'webp'));
    expect([webp.width, webp.height]).toEqual([300, 200]);
  });

  it.each([
    ['not an image', Buffer.from('hello, this is text and not a picture'), /not an image this editor reads/],
    ['an empty file', Buffer.alloc(0), /empty/],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script></svg>'), /SVG drawing.*never drawn/],
    ['an SVG with an XML prolog', Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>'), /SVG/],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), /GIF image: choose a JPEG, PNG or WebP/],
    ['20,000 px wide', pngHeader(20_000, 300), /20000×300 pixels, more than this editor decodes/],
    ['20,000 × 20,000 px', pngHeader(20_000, 20_000), /more than this editor decodes/],
    ['10,000 × 9,000 px (too many pixels)', pngHeader(10_000, 9_000), /40 million/],
  ])('refuses %s with a clear message', async (_what, bytes, message) => {
    await expect(fitCover(bytes)).rejects.toThrow(message);
  });

  it('refuses a damaged picture whose header reads well', async () => {
    const good = await picture(300, 400, 'png');
    await expect(fitCover(good.subarray(0, 60))).rejects.toThrow(/could not be decoded: the file is damaged or incomplete/);
  });

  it('refuses 50 MB without reading it as an image, and says the limit', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 0);
    huge.set(await picture(10, 10, 'png'));
    const started = performance.now();
    await expect(fitCover(huge)).rejects.toThrow(/50 MB, more than the 20 MB an image may be/);
    expect(performance.now() - started).toBeLessThan(5_000);
    // The contract refuses it before it reaches the Node side.
    expect(() => checkArgs('writeCover', [BOOK, huge.toString('base64'), false])).toThrow(/at most 20 MB/);
    expect(MAX_COVER_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe('writeCover', () => {
  it('writes images/books/<id>/cover.jpg, and replaces it only when told to', async () => {
    const { site, ws } = workspace();
    const before = fs.readFileSync(path.join(site, COVER));
    const png = (await picture(2000, 3000)).toString('base64');
    expect(await ws.writeCover(BOOK, png, false)).toEqual({ ok: false, reason: 'exists', path: COVER });
    expect(fs.readFileSync(path.join(site, COVER))).toEqual(before);
    expect(await ws.writeCover(BOOK, png, true)).toEqual({ ok: true, path: COVER, width: 267, height: 400 });
    const written = await pixels(fs.readFileSync(path.join(site, COVER)));
    expect([written.width, written.height]).toEqual([267, 400]);
    expect(fs.readdirSync(path.dirname(path.join(site, COVER))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it("makes the book's image folder when it has none", async () => {
    const { site, ws } = workspace();
    fs.copyFileSync(path.join(site, BOOK), path.join(site, '_books/20240506-new-book.md'));
    const r = await ws.writeCover('_books/20240506-new-book.md', (await picture(300, 450, 'jpeg')).toString('base64'), false);
    expect(r).toEqual({ ok: true, path: 'images/books/20240506-new-book/cover.jpg', width: 267, height: 400 });
    expect(fs.existsSync(path.join(site, 'images/books/20240506-new-book/cover.jpg'))).toBe(true);
  });

  it('refuses an SVG and text, writing nothing', async () => {
    const { site, ws } = workspace();
    const before = fs.readFileSync(path.join(site, COVER));
    await expect(ws.writeCover(BOOK, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'), true)).rejects.toThrow(/SVG/);
    await expect(ws.writeCover(BOOK, Buffer.from('plain words').toString('base64'), true)).rejects.toThrow(/not an image/);
    expect(fs.readFileSync(path.join(site, COVER))).toEqual(before);
  });

  it('never writes outside the site, even through a link', async () => {
    const { site, ws } = workspace();
    const outside = tempDir();
    fs.rmSync(path.join(site, 'images/books/20240318-the-quiet-compiler'), { recursive: true });
    fs.symlinkSync(outside, path.join(site, 'images/books/20240318-the-quiet-compiler'));
    await expect(ws.writeCover(BOOK, (await picture(100, 100)).toString('base64'), true)).rejects.toThrow(/outside the site folder/);
    expect(fs.readdirSync(outside)).toEqual([]);
    await expect(ws.writeCover('../x.md', 'AAAA', true)).rejects.toThrow(/leaves the site folder/);
    await expect(ws.writeCover('images/x.md', 'AAAA', true)).rejects.toThrow(/_books/);
  });

  it('checks its arguments in the contract', () => {
    expect(() => checkArgs('writeCover', [BOOK, 'not base64!', false])).toThrow(ApiArgumentError);
    expect(() => checkArgs('writeCover', [BOOK, 'AAAA', 'yes'])).toThrow(/true or false/);
    expect(() => checkArgs('writeCover', ['../b.md', 'AAAA', false])).toThrow(/site-relative/);
    expect(() => checkArgs('writeCover', [BOOK, 'AAAA', true])).not.toThrow();
  });
});
