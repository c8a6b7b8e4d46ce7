// The live preview end to end in Chromium: the site's book page, updated as you type without losing its
// scroll, a click on a thread or reply taking the form there, links opened outside, the toggle remembered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, openBook, previewFrame, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';
import { synthBook } from '../bench/synth';

const TITLE = /Gardening with Graphs/;

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: preview end-to-end tests skipped');

const thread = (page: Page, name: string) => page.getByRole('article', { name, exact: true });
const frameScroll = (page: Page) => page.locator('iframe[title="Preview"]').evaluate((f) => (f as HTMLIFrameElement).contentWindow!.scrollY);

describe.skipIf(!hasChromium)('the preview in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEditor();
  });
  afterAll(async () => h?.close());

  it('looks like the site’s book page, in a sandboxed frame without scripts', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    const frame = previewFrame(page);
    await frame.getByRole('heading', { level: 2, name: 'Gardening with Graphs' }).waitFor();
    expect(await frame.getByRole('heading', { level: 4 }).textContent()).toBe('by Mira Solberg');
    expect(await frame.getByRole('link', { name: 'Mira Solberg' }).getAttribute('href')).toBe('/people/mirasolberg.html');
    expect(await frame.getByRole('heading', { level: 5 }).textContent()).toBe('The book of the week from 04 Mar 2024 to 08 Mar 2024');
    await expect.poll(() => frame.locator('img.cover').getAttribute('src')).toMatch(/^blob:/);
    expect(await frame.locator('.book-links li').count()).toBe(2);
    expect(await frame.getByRole('heading', { level: 2, name: 'Questions and Answers' }).count()).toBe(1);
    expect(await frame.locator('.book-archive-thread > b.name').allTextContents()).toEqual(['Oskar Lind', 'Dana Whitfield']);
    expect(await frame.locator('.book-archive-thread[data-thread="0"] > .book-archive-reply').count()).toBe(2);
    // newline_to_br, then markdown: the reply's paragraphs keep their line breaks, *about* is emphasis.
    expect(await frame.locator('[data-thread="0"][data-reply="0"] br').count()).toBeGreaterThan(0);
    expect(await frame.locator('[data-thread="1"][data-reply="0"] em').textContent()).toBe('about');
    const iframe = page.locator('iframe[title="Preview"]');
    expect(await iframe.getAttribute('sandbox')).toBe('allow-same-origin');
    expect(await frame.locator('script').count()).toBe(0);
  });

  it('follows typing in a reply and keeps its scroll position', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    const frame = previewFrame(page);
    await frame.locator('.book-archive').waitFor();
    const field = thread(page, 'Thread 1 by Oskar Lind').getByRole('article', { name: 'Reply 2 by Oskar Lind' }).getByLabel('Text');
    await field.click();
    // The preview brings the reply being edited into view, and marks it.
    await frame.locator('[data-thread="0"][data-reply="1"].is-current').waitFor();
    await expect.poll(() => frameScroll(page)).toBeGreaterThan(100);
    const before = await frameScroll(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' **Much** appreciated.');
    await frame.locator('[data-thread="0"][data-reply="1"] strong', { hasText: 'Much' }).waitFor();
    expect((await frame.locator('[data-thread="0"][data-reply="1"]').textContent())!.trim()).toBe('Oskar Lind Perfect, thanks! Much appreciated.');
    // Still marked after the update, and the page stayed where it was.
    await expect.poll(() => frame.locator('[data-thread="0"][data-reply="1"]').getAttribute('class')).toContain('is-current');
    await expect.poll(() => frameScroll(page)).toBe(before);
  });

  it('takes the form to a thread or reply clicked in the preview', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    const frame = previewFrame(page);
    await frame.locator('[data-thread="1"][data-reply="0"]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('archive.1.replies.0');
    await expect.poll(() => frame.locator('[data-thread="1"][data-reply="0"]').getAttribute('class')).toContain('is-current');
    await frame.locator('.book-archive-thread[data-thread="0"] > b.name').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('archive.0');
  });

  it('opens http(s) links outside and never navigates the frame', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await page.evaluate(() => {
      (window as unknown as { opened: string[] }).opened = [];
      window.open = (url) => ((window as unknown as { opened: string[] }).opened.push(String(url)), null);
    });
    const frame = previewFrame(page);
    await frame.getByRole('link', { name: 'Book’s page' }).or(frame.getByRole('link', { name: "Book's page" })).click();
    await frame.getByRole('link', { name: 'Mira Solberg' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened)).toEqual(['https://example.com/books/gardening-with-graphs']);
    expect(await frame.getByRole('heading', { level: 2, name: 'Gardening with Graphs' }).count()).toBe(1);
  });

  it('hides with its button and stays hidden after a reload', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('region', { name: 'Preview' }).waitFor({ state: 'detached' });
    await page.reload();
    await openBook(page, TITLE);
    expect(await page.getByRole('region', { name: 'Preview' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Preview', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Control+Alt+p');
    await page.getByRole('region', { name: 'Preview' }).waitFor();
  });
});

describe.skipIf(!hasChromium)('a long book in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    // 40 threads: more than the first view of the form (8 cards) and of the preview (12 threads).
    h = await startEditor({ '_books/20210705-synthetic.md': synthBook(40) });
  });
  afterAll(async () => h?.close());

  it('shows the first threads, fills in the rest, and a late thread edits and previews as any other', async () => {
    const page = await h.page();
    await openBook(page, /Synthetic/);
    const frame = previewFrame(page);
    await frame.getByRole('heading', { level: 2, name: 'Synthetic' }).waitFor();
    // Every card and every preview thread arrives, in order (in idle time: how soon depends on the machine).
    await expect.poll(() => page.getByRole('article', { name: /^Thread \d+ by Asker/ }).count(), { timeout: 10_000 }).toBe(40);
    await expect.poll(() => frame.locator('.book-archive-thread').count(), { timeout: 10_000 }).toBe(40);
    expect(await frame.locator('.book-archive-thread').last().getAttribute('data-thread')).toBe('39');
    // Switching to another book and back shows this one from its top again, whole in the end.
    await openBook(page, TITLE);
    await frame.getByRole('heading', { level: 2, name: 'Gardening with Graphs' }).waitFor();
    await openBook(page, /Synthetic/);
    await expect.poll(() => frame.locator('.book-archive-thread').count(), { timeout: 10_000 }).toBe(40);
    const last = page.getByRole('article', { name: 'Thread 40 by Asker 39' });
    const field = last.getByRole('article', { name: /^Reply 1 by/ }).getByLabel('Text');
    await field.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Late and well.');
    await frame.locator('[data-thread="39"][data-reply="0"]', { hasText: 'Late and well.' }).waitFor();
    await expect.poll(() => frame.locator('[data-thread="39"][data-reply="0"]').getAttribute('class')).toContain('is-current');
  });
});
