// End to end by keyboard only, in Debian's Chromium on a temp copy of the sample site: open a book from the
// library, add a reply, move it to another thread, move a link, undo, save. No mouse event at all (the page
// counts them), and at each step the focused element is on screen with its focus ring; a screenshot of each
// step goes to $KEYBOARD_SHOTS (default: the temp folder's book-editor-keyboard/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bookOf, openBook as readBook } from '../../shared/index';
import { hasChromium, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';

const BOOK = '_books/20240304-gardening-with-graphs.md';
const SHOTS = process.env.KEYBOARD_SHOTS ?? path.join(os.tmpdir(), 'book-editor-keyboard');

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: keyboard end-to-end test skipped');

/** What has the focus: its label, its data-control or data-path, the card around it, and whether it draws a focus ring on screen. */
async function focusOf(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { label: 'body', control: '', path: '', card: '', ring: false, onScreen: false };
    const listbox = el.getAttribute('role') === 'listbox';
    // A listbox shows its focus on the active option.
    const shown = listbox ? (document.getElementById(el.getAttribute('aria-activedescendant') ?? '') ?? el) : el;
    const style = getComputedStyle(shown);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    const r = shown.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    return {
      label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '',
      control: el.getAttribute('data-control') ?? '',
      path: el.getAttribute('data-path') ?? '',
      card: el.closest('article')?.getAttribute('aria-label') ?? '',
      ring,
      onScreen,
    };
  });
}

type Focus = Awaited<ReturnType<typeof focusOf>>;

/** Presses Tab (or Shift+Tab) until the focused element is the one wanted; fails after `max` presses. */
async function tabTo(page: Page, wanted: (f: Focus) => boolean, back = false, max = 80): Promise<Focus> {
  const trail: string[] = [];
  for (let i = 0; i < max; i++) {
    const f = await focusOf(page);
    if (wanted(f)) return f;
    trail.push(`${f.card} / ${f.label} ${f.control}`);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached the element wanted; it went through:\n${trail.join('\n')}`);
}

/** A screenshot of the step, with the focused element drawn with its ring and on screen. */
async function step(page: Page, name: string): Promise<Focus> {
  await page.waitForTimeout(150);
  const f = await focusOf(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  expect(f.label, `${name}: focus is on the page's body`).not.toBe('body');
  expect(f.onScreen, `${name}: the focused element is off screen`).toBe(true);
  expect(f.ring, `${name}: the focused element draws no focus ring`).toBe(true);
  return f;
}

describe.skipIf(!hasChromium)('the editor by keyboard only', () => {
  let h: Harness;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    h = await startEditor();
  });
  afterAll(async () => h?.close());

  it('opens a book, adds a reply, moves it to another thread, moves a link, undoes, and saves', async () => {
    const page = await h.page({
      before: async (p) => {
        await p.addInitScript(() => {
          const w = window as unknown as { mouseEvents: number };
          w.mouseEvents = 0;
          for (const type of ['mousedown', 'mouseup', 'mousemove', 'pointerdown', 'pointerup', 'pointermove', 'wheel', 'dblclick']) addEventListener(type, () => w.mouseEvents++, true);
        });
      },
    });

    // The library: Ctrl+P, type, Down into the list (one tab stop), Enter opens.
    await page.keyboard.press('Control+p');
    await page.keyboard.type('garden');
    await page.keyboard.press('ArrowDown');
    const library = await step(page, '1-library');
    expect(library.label).toBe('Books');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: /^Thread 1 by/ }).waitFor();

    // Add a reply to thread 2: Ctrl+F goes to the thread filter, Tab on to thread 2's Add reply, Enter; the new reply's text has the focus.
    await page.keyboard.press('Control+f');
    await expect.poll(async () => (await focusOf(page)).label).toBe('Filter threads');
    await tabTo(page, (f) => f.label === 'Add reply' && f.card.startsWith('Thread 2 by Dana Whitfield'));
    await step(page, '2-add-reply-button');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focusOf(page)).path).toBe('archive.1.replies.1.text');
    await page.keyboard.type('Asked and answered by keyboard.');
    await step(page, '3-reply-typed');

    // Move it to thread 1 with Move to…: Shift+Tab to it, Enter, Up picks thread 1, Tab to Move, Enter.
    await tabTo(page, (f) => f.control === '' && f.label === 'Move to…' && f.card.startsWith('Reply 2 by'), true);
    await step(page, '4-move-to-button');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Move reply' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await step(page, '5-move-dialog');
    await tabTo(page, (f) => f.label === 'Move');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focusOf(page)).path).toBe('archive.0.replies.2');
    await step(page, '6-reply-moved');

    // Move link 2 up with its Move up button; focus stays on the moved link (its Move down, Move up being disabled at the top).
    await tabTo(page, (f) => f.control === 'links.1:up', true);
    await step(page, '7-link-move-up');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focusOf(page)).control).toBe('links.0:down');
    await step(page, '8-link-moved');
    expect(await page.getByTestId('announcer').textContent()).toMatch(/Link Companion notebooks moved to position 1 of 2/);

    // Undo the link move (Ctrl+Z), then save (Ctrl+S).
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-path="links.0.text"]').inputValue()).toBe("Book's page");
    await step(page, '9-undone');
    await page.keyboard.press('Control+s');
    await page.locator('.status-state', { hasText: /^Saved$/ }).waitFor();
    await step(page, '10-saved');

    const book = bookOf(readBook(h.read(BOOK)).data)!;
    expect(book.archive[0]!.replies.at(-1)).toEqual({ name: 'Mira Solberg', text: 'Asked and answered by keyboard.' });
    expect(book.archive[1]!.replies).toHaveLength(1);
    expect(book.links.map((l) => l.text)).toEqual(["Book's page", 'Companion notebooks']);
    expect(h.diff(BOOK).every((l) => l.startsWith('+'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { mouseEvents: number }).mouseEvents)).toBe(0);
  });
});
