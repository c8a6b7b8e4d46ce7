// Fixes end to end in Chromium, on a temp git copy of the sample site: a link item written `list:` is fixed
// from the problems list with one click and saved, and `git diff` shows exactly that line changed; the raw
// view offers the same fix as Monaco's quick fix (Ctrl+.), applied as the store's one undo step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openBook, openRaw, rawGoToLineEnd, rawLines, save, shot, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';
import { CONTENT } from './editorHarness';
import fs from 'node:fs';
import path from 'node:path';

const BOOK = '_books/20240318-the-quiet-compiler.md';
const TITLE = /The Quiet Compiler/;
const ORIGINAL = fs.readFileSync(path.join(CONTENT, BOOK), 'utf8');
const LINK = '    link: https://example.com/books/the-quiet-compiler';
const LIST = LINK.replace('link:', 'list:');

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: fixes end-to-end tests skipped');

describe.skipIf(!hasChromium)('fixes in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    if (!ORIGINAL.includes(LINK)) throw new Error(`${BOOK} no longer has the line the test turns into list:`);
    h = await startEditor({ [BOOK]: ORIGINAL.replace(LINK, LIST) });
  });
  afterAll(async () => h?.close());

  it('fixes list: from the problems list with one click; saved, git diff is that one line', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await page.keyboard.press('Control+Shift+m');
    const panel = page.getByRole('region', { name: 'Problems' });
    const fix = panel.getByRole('button', { name: 'Rename "list" to "link"' }).first();
    await fix.waitFor();
    await page.screenshot({ path: shot('fixes-1-problems') });
    await fix.click();
    await expect.poll(() => panel.getByRole('button', { name: 'Rename "list" to "link"' }).count()).toBe(0);
    await expect.poll(() => page.locator('.status-last').textContent()).toBe('Last change: Rename "list" to "link"');
    await expect.poll(() => page.locator('.notice-region').textContent()).toMatch(/Fixed: Rename "list" to "link"/);
    // The keyboard stays in the list.
    expect(await page.evaluate(() => !!document.activeElement?.closest('.problems'))).toBe(true);
    await page.screenshot({ path: shot('fixes-2-fixed') });
    await save(page);
    expect(h.diff(BOOK)).toEqual([`-${LIST}`, `+${LINK}`]);
    expect(h.read(BOOK)).toBe(ORIGINAL);
  });

  it('offers the fix as a quick fix in the raw view (Ctrl+.), as one undo step of the store', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    await openRaw(page);
    const line = ORIGINAL.split('\n').indexOf(LINK) + 1;
    await rawGoToLineEnd(page, line);
    await page.keyboard.press('Home');
    await page.locator('.raw .monaco-editor .codicon-light-bulb, .raw .monaco-editor .lightBulbWidget').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: shot('fixes-3-lightbulb') });
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget').getByText('Rename "list" to "link"').first();
    await item.waitFor();
    await page.screenshot({ path: shot('fixes-4-quickfix-menu') });
    await page.keyboard.press('Enter');
    await expect.poll(() => rawLines(page)).toContain(LINK);
    await expect.poll(() => page.locator('.status-last').textContent()).toBe('Last change: Rename "list" to "link"');
    // Monaco keeps the keyboard, and its Ctrl+Z is the store's undo of that one step.
    await page.keyboard.press('Control+z');
    await expect.poll(() => rawLines(page)).toContain(LIST);
    await expect.poll(() => page.locator('.status-state').textContent()).toBe('Saved');
  });

  it('reschedules a book: dates, file, image folder and paths follow on disk, and Undo renames it all back', async () => {
    const page = await h.page();
    const from = '_books/20240408-practical-tide-tables.md';
    const to = '_books/20240506-practical-tide-tables.md';
    const before = h.read(from);
    await openBook(page, /Practical Tide Tables/);
    await page.getByRole('button', { name: 'Reschedule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule' });
    await dialog.getByLabel('Week').fill('2024-05-08');
    await dialog.getByText(to).waitFor();
    await page.screenshot({ path: shot('fixes-5-reschedule') });
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.status-path', { hasText: to }).waitFor();
    expect(fs.existsSync(path.join(h.site, from))).toBe(false);
    expect(fs.existsSync(path.join(h.site, 'images/books/20240506-practical-tide-tables/cover.jpg'))).toBe(true);
    expect(fs.existsSync(path.join(h.site, 'images/books/20240408-practical-tide-tables'))).toBe(false);
    // On disk the paths already follow; the new dates are unsaved edits of the same step.
    expect(h.read(to)).toContain('cover: images/books/20240506-practical-tide-tables/cover.jpg\n');
    await expect.poll(() => page.getByLabel('Cover').inputValue()).toBe('images/books/20240506-practical-tide-tables/cover.jpg');
    await expect.poll(() => page.locator('.status-last').textContent()).toBe('Last change: Reschedule to the week of 2024-05-06');
    await save(page);
    expect(h.read(to)).toContain('end: 2024-05-10 23:59:59\n');
    expect(h.read(to)).toContain('start: 2024-05-06 00:00:00\n');
    await page.keyboard.press('Control+z');
    await page.locator('.status-path', { hasText: from }).waitFor();
    expect(fs.existsSync(path.join(h.site, to))).toBe(false);
    expect(fs.existsSync(path.join(h.site, 'images/books/20240408-practical-tide-tables/cover.jpg'))).toBe(true);
    await save(page);
    expect(h.read(from)).toBe(before);
  });
});
