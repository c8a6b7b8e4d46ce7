// The raw view end to end in Chromium: Monaco typing reaches the form and the preview, form typing
// reaches Monaco, an unparsable edit keeps the text under a banner, Ctrl+Z in Monaco is the store's undo,
// nothing leaves 127.0.0.1 (Monaco's worker and font included) and the CSP holds, and the review's diff
// and the saved git diff hold only the edited lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, openBook, openRaw, previewFrame, rawGoToLineEnd, rawLines, save, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';

const BOOK = '_books/20240304-gardening-with-graphs.md';
const TITLE = /Gardening with Graphs/;

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: raw view end-to-end tests skipped');

const thread = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

describe.skipIf(!hasChromium)('the raw view in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEditor();
  });
  afterAll(async () => h?.close());

  it('types in Raw, and the form and the preview change', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await openRaw(page);
    await rawGoToLineEnd(page, 2);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' Live');
    await previewFrame(page).getByRole('heading', { level: 2, name: 'Gardening with Graphs Live' }).waitFor();
    await page.getByRole('tab', { name: 'Form' }).click();
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Gardening with Graphs Live');
    // The raw cursor was in the title: the form keeps that place.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('title');
    await expect.poll(() => page.locator('.status-last').textContent()).toBe('Last change: Edit raw text');
  });

  it('runs the store’s undo for Ctrl+Z in Monaco, right after typing', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await openRaw(page);
    await rawGoToLineEnd(page, 2);
    await page.keyboard.type(' # note');
    await expect.poll(() => rawLines(page)).toContain('title: "Gardening with Graphs" # note');
    await page.keyboard.press('Control+z');
    await expect.poll(() => rawLines(page)).toContain('title: "Gardening with Graphs"\n');
    await expect.poll(() => page.locator('.status-state').textContent()).toBe('Saved');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => rawLines(page)).toContain('# note');
  });

  it('types in the form, and Raw shows it at the field’s place', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    const field = thread(page, 'Thread 2 by Dana Whitfield').getByRole('article', { name: 'Reply 1 by Mira Solberg' }).getByLabel('Text');
    await field.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Agreed.');
    await openRaw(page);
    await expect.poll(() => rawLines(page)).toContain('seed catalogue. Agreed.');
    // The field's value is selected in Monaco.
    await expect.poll(() => page.locator('.raw .monaco-editor .selected-text').count()).toBeGreaterThan(0);
  });

  it('keeps an unparsable edit under a banner that says where, with the form read-only', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await openRaw(page);
    await rawGoToLineEnd(page, 2);
    await page.keyboard.type(' [');
    const banner = page.getByRole('alert').filter({ hasText: 'The front matter cannot be read' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/\(line 2, column \d+\)/);
    await expect.poll(() => rawLines(page)).toContain('title: "Gardening with Graphs" [');
    await page.locator('.raw .squiggly-error').first().waitFor();
    await page.getByRole('tab', { name: 'Form' }).click();
    expect(await page.getByLabel('Title').inputValue()).toBe('Gardening with Graphs');
    expect(await page.getByLabel('Title').getAttribute('readonly')).not.toBeNull();
    await openRaw(page);
    await expect.poll(() => rawLines(page)).toContain('title: "Gardening with Graphs" [');
    await page.keyboard.press('Control+s');
    await page.getByText(/^Not saved/).waitFor();
    expect(h.diff(BOOK)).toEqual([]);
  });

  it('sends no request beyond 127.0.0.1 (Monaco included) and breaks no CSP rule', async () => {
    const requests: string[] = [];
    const violations: string[] = [];
    const page = await h.page({
      before: async (p) => {
        await p.context().route('**', (route) => {
          const url = route.request().url();
          requests.push(url);
          return /^http:\/\/127\.0\.0\.1:\d+\//.test(url) ? route.continue() : route.abort();
        });
        p.on('request', (r) => requests.push(r.url()));
        p.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
      },
    });
    await openBook(page, TITLE);
    await openRaw(page);
    await rawGoToLineEnd(page, 2);
    await page.keyboard.type(' [');
    // F8: Monaco's own view of the problem, with its message and codicons.
    await page.locator('.raw .squiggly-error').first().waitFor({ state: 'attached' });
    await page.keyboard.press('F8');
    await page.locator('.raw .marker-widget').waitFor();
    await expect.poll(() => page.locator('.raw .marker-widget').textContent()).toContain('Book');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.locator('.review-diff .monaco-diff-editor').waitFor();
    await page.getByRole('button', { name: 'Side by side' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Form' }).click();
    await previewFrame(page).locator('.cover').waitFor();
    await page.waitForTimeout(300);
    const outside = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:|about:)/.test(u));
    expect(outside).toEqual([]);
    // Monaco's own files came from the host.
    expect(requests.some((u) => /\/assets\/editor\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    expect(requests.some((u) => /\/assets\/codicon-[\w-]+\.ttf$/.test(u))).toBe(true);
    expect(violations).toEqual([]);
  });

  it('shows only the edited lines in the review diff, and saves just them from there', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await thread(page, 'Thread 2 by Dana Whitfield').getByRole('article', { name: 'Reply 1 by Mira Solberg' }).getByLabel('Text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' See chapter 5.');
    await page.getByRole('button', { name: 'Review changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Review changes' });
    await dialog.getByText('2 lines changed: +1 −1').waitFor();
    await dialog.locator('.monaco-diff-editor .line-insert').first().waitFor();
    await expect.poll(() => dialog.locator('.monaco-diff-editor .line-insert').count()).toBe(1);
    await expect.poll(() => dialog.locator('.monaco-diff-editor .diff-hidden-lines').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.status-state', { hasText: /^Saved$/ }).waitFor();
    const diff = h.diff(BOOK);
    expect(diff).toHaveLength(2);
    expect(diff[0]).toMatch(/^-.*seed catalogue\.'$/);
    expect(diff[1]).toMatch(/^\+.*seed catalogue\. See chapter 5\.'$/);
  });

  it('saves a raw edit with Ctrl+S before the pause is over', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await openRaw(page);
    await rawGoToLineEnd(page, 2);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('!');
    await save(page);
    expect(h.diff(BOOK)).toEqual(['-title: "Gardening with Graphs"', '+title: "Gardening with Graphs!"']);
  });
});
