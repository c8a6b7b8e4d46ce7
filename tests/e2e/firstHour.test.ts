// Issue 15's fixes seen in Chromium: the date fields and the body field in the form, and the "Not saved"
// notice clear of the error banner. Screenshots go to screenshots/ (look at them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openBook, openRaw, rawGoToLineEnd, shot, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';

const BOOK = '_books/20240304-gardening-with-graphs.md';
const TITLE = /Gardening with Graphs/;

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: first-hour end-to-end tests skipped');

describe.skipIf(!hasChromium)('the first hour in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEditor();
  });
  afterAll(async () => h?.close());

  it('dates show as the file writes them; the week shortcut and the body field edit the file', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    const start = page.getByLabel('Start', { exact: true });
    expect(await start.inputValue()).toBe('2024-03-04 00:00:00');
    await start.fill('2024-03-06 10:00:00');
    await page.getByRole('button', { name: /^Set Start to Monday 00:00:00 of the week/ }).focus();
    await page.screenshot({ path: shot('first-hour-1-dates') });
    await page.keyboard.press('Enter');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.scrollIntoViewIfNeeded();
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('A new closing line.\n');
    await page.screenshot({ path: shot('first-hour-2-body') });
    await page.keyboard.press('Control+s');
    await page.locator('.status-state', { hasText: /^Saved$/ }).waitFor();
    expect(h.diff(BOOK)).toEqual(['+A new closing line.']);
  });

  it('the "Not saved" notice does not cover the error banner', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await openRaw(page);
    await rawGoToLineEnd(page, 1);
    await page.keyboard.type('x');
    const banner = page.locator('.banner-error').first();
    await banner.waitFor();
    await page.keyboard.press('Control+s');
    const notice = page.locator('.notice-error');
    await notice.waitFor();
    await page.screenshot({ path: shot('first-hour-3-notice') });
    const a = (await banner.boundingBox())!;
    const b = (await notice.boundingBox())!;
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap).toBe(false);
  });
});
