// The cover and the preview card made from the form, end to end in Chromium on a temp git copy of the
// sample site: choose a 2000×3000 PNG, make the card, save; then the files on disk (decoded), the book's
// changed lines and `git status` show them. Also replacing a cover after asking, and screenshots of the
// form's image section in light and dark.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { picture, pixels } from '../electron/imageFiles';
import { readComments } from '../../electron/workspace/images/jpegComment';
import { hasChromium, save, shot, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: the cover and preview card flow is skipped');

const ID = '20240506-fresh-ink';
const BOOK = `_books/${ID}.md`;
const COVER = `images/books/${ID}/cover.jpg`;
const CARD = `images/books/${ID}/preview.jpg`;
/** A book with no cover and no card yet. */
const FRESH = `---
title: "Fresh Ink"
description: "Book of the Week. Fresh Ink by Lena Voss and Jonas Prill"
cover: ""
image: ""
start: 2024-05-06 00:00:00
end: 2024-05-10 23:59:59
authors: [lenavoss, jonasprill]
links: []
---
`;

const JPEG = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

describe.skipIf(!hasChromium)('cover and preview card from the form (Chromium)', () => {
  let h: Harness;
  let png: Buffer;
  beforeAll(async () => {
    h = await startEditor({ [BOOK]: FRESH });
    png = await picture(2000, 3000, 'png');
  });
  afterAll(async () => h?.close());

  const git = (...args: string[]) => execFileSync('git', args, { cwd: h.site, encoding: 'utf8' });
  const bytes = (rel: string) => fs.readFileSync(path.join(h.site, rel));

  it('chooses a cover, makes the card, saves: the files on disk, the book’s changed lines and git status show them', async () => {
    const page = await h.page();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('option', { name: /Fresh Ink/ }).click();
    const cover = page.getByLabel('Cover', { exact: true });
    await cover.waitFor();
    const card = page.locator('.field', { has: page.getByLabel('Preview image', { exact: true }) });
    await card.getByText('Missing', { exact: true }).waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose cover…' }).click();
    await (await chooser).setFiles({ name: 'scan.png', mimeType: 'image/png', buffer: png });
    await page.getByText(/^Cover written|was not made the cover/).waitFor({ timeout: 30_000 });
    expect(await page.locator('.notice-region').textContent()).toBe(`Cover written: ${COVER}, 267×400 px, and the book’s cover set to it.`);
    expect(await cover.inputValue()).toBe(COVER);
    // The thumbnail shows the new file.
    await page.locator('.thumb-cover img').waitFor();

    const make = card.getByRole('button', { name: 'Make preview image' });
    await make.click();
    await page.getByText(/^Preview image made|The preview image was not made/).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Preview image', { exact: true }).inputValue()).toBe(CARD);
    await card.getByText('Up to date', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Make preview image');
    await page.locator('.thumb-card img').waitFor();
    await save(page);

    const c = bytes(COVER);
    expect(JPEG(c)).toBe(true);
    const coverPixels = await pixels(c);
    expect([coverPixels.width, coverPixels.height]).toEqual([267, 400]);
    const p = bytes(CARD);
    expect(JPEG(p)).toBe(true);
    const cardPixels = await pixels(p);
    expect([cardPixels.width, cardPixels.height]).toEqual([940, 550]);
    // The card records what it was drawn from: this title and both authors.
    const record = (readComments(p) ?? []).join('\n');
    expect(record).toContain('Fresh Ink');
    expect(record).toContain('lenavoss');
    expect(record).toContain('jonasprill');

    expect(h.diff(BOOK)).toEqual(['-cover: ""', '-image: ""', `+cover: "${COVER}"`, `+image: "${CARD}"`]);
    const status = git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).sort();
    expect(status).toEqual([` M ${BOOK}`, `?? ${COVER}`, `?? ${CARD}`].sort());
  });

  it('asks before replacing an existing cover; Replace writes the new one and leaves the book’s text alone', async () => {
    const page = await h.page();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('option', { name: /The Quiet Compiler/ }).click();
    const rel = 'images/books/20240318-the-quiet-compiler/cover.jpg';
    const before = bytes(rel);
    const chooser = page.waitForEvent('filechooser');
    const button = page.getByRole('button', { name: 'Choose cover…' });
    await button.click();
    await (await chooser).setFiles({ name: 'scan.png', mimeType: 'image/png', buffer: png });
    const dialog = page.getByRole('alertdialog', { name: 'Replace the cover?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByText(`Cover written: ${rel}, 267×400 px.`).waitFor({ timeout: 30_000 });
    expect(bytes(rel).equals(before)).toBe(false);
    expect((await pixels(bytes(rel))).height).toBe(400);
    // Focus came back to the button; the book has no unsaved change; the card now shows an older cover.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Choose cover…');
    expect(await page.locator('.status-state').textContent()).not.toMatch(/Unsaved/);
    await page.locator('.field', { has: page.getByLabel('Preview image', { exact: true }) }).getByText('Out of date: cover changed').waitFor();
    expect(git('status', '--porcelain')).toBe(` M ${rel}\n`);
  });

  it('screenshots of the image section, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await h.page({ colorScheme });
      await page.getByRole('navigation', { name: 'Library' }).getByRole('option', { name: /The Quiet Compiler/ }).click();
      await page.getByLabel('Title', { exact: true }).fill('The Quiet Compiler, Second Edition');
      const card = page.locator('.field', { has: page.getByLabel('Preview image', { exact: true }) });
      await card.getByText('Out of date: title changed').waitFor();
      await page.locator('.thumb-card img').waitFor();
      await page.locator('.images-row').screenshot({ path: shot(`form-images-${colorScheme}`) });
    }
  });
});
