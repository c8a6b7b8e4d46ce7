// Import from Slack end to end in Debian's Chromium, on a temp git copy of the sample site: a
// zip export made here (fflate) is chosen through the dialog's file chooser, one thread is
// unticked by keyboard, the rest imported and saved; the git diff holds only added lines, at
// the end of the archive, and the book on disk holds the expected threads. Screenshots of the
// dialog in light and dark. A folder chosen with Choose folder… (webkitdirectory) is read the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bookOf, openBook as readBook } from '../../shared/index';
import { exportFiles, slackTs, user, writeFolder, zipOf } from '../shared/slackFixtures';
import type { Files } from '../shared/slackFixtures';
import { hasChromium, openBook, save, shot, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';

const BOOK = '_books/20240304-gardening-with-graphs.md';
const TITLE = /Gardening with Graphs/;
const D = '2024-03-04';

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: Import from Slack end-to-end tests skipped');

/** The book's week in #book-of-the-week, with a join, a bot, a custom emoji and a reply posted days later. */
function weekFiles(): Files {
  const q1 = slackTs(D, 3600);
  const q2 = slackTs(D, 7200);
  const q3 = slackTs('2024-03-06', 600);
  return exportFiles({
    users: [user('UHOST', { display: 'Host' }), user('UMIRA', { display: 'Mira Solberg' }), user('UASK', { display: '', real: 'Priya Raman' }), user('UDAN', { display: 'Dan Okoro' })],
    channels: [{ id: 'CBOOK', name: 'book-of-the-week' }, { id: 'CGEN', name: 'general' }],
    days: {
      'book-of-the-week': {
        [D]: [
          { type: 'message', subtype: 'channel_join', user: 'UASK', ts: slackTs(D, 60), text: '<@UASK> has joined the channel' },
          { type: 'message', user: 'UASK', ts: q1, text: 'Does the *seed catalogue* example need Neo4j &amp; Python?' },
          { type: 'message', user: 'UMIRA', ts: slackTs(D, 3700), thread_ts: q1, text: 'No: plain SQL works for the first chapters :seedling:' },
          { type: 'message', subtype: 'bot_message', bot_id: 'B1', ts: slackTs(D, 4000), text: 'Reminder: ask away' },
          { type: 'message', user: 'UDAN', ts: q2, text: 'Great talk :party-blob:' },
        ],
        '2024-03-06': [{ type: 'message', user: 'UDAN', ts: q3, text: 'How big can a graph get before\nit needs sharding?' }],
        '2024-03-11': [{ type: 'message', user: 'UMIRA', ts: slackTs('2024-03-11', 100), thread_ts: q3, text: 'Bigger than you think. See <https://example.com/scale|chapter 9>.' }],
      },
      general: { [D]: [{ type: 'message', user: 'UASK', ts: slackTs(D, 5000), text: 'Hello?' }] },
    },
  });
}

const exportZip = (): Buffer => Buffer.from(zipOf(weekFiles()));

async function chooseZip(page: Page): Promise<ReturnType<Page['getByRole']>> {
  // Playwright intercepts file choosers once something listens: listen before the key press, not during it.
  page.on('filechooser', () => undefined);
  await page.getByRole('region', { name: 'Questions and answers' }).getByRole('button', { name: 'Import from Slack…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from Slack' });
  await dialog.waitFor();
  await expect.poll(() => dialog.getByRole('button', { name: 'Choose .zip…' }).evaluate((el) => el === document.activeElement)).toBe(true);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles({ name: 'slack-export.zip', mimeType: 'application/zip', buffer: exportZip() });
  await dialog.getByRole('status').filter({ hasText: /^3 threads with 2 replies in #book-of-the-week from 2024-03-03 to 2024-03-09\.$/ }).waitFor();
  return dialog;
}

describe.skipIf(!hasChromium)('Import from Slack in Chromium', () => {
  let h: Harness;
  let original: string;
  beforeAll(async () => {
    h = await startEditor();
    original = h.read(BOOK);
  });
  afterAll(async () => h?.close());

  it('imports the ticked threads of a zip export and saves only added lines at the end of the archive', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    const dialog = await chooseZip(page);
    await page.screenshot({ path: shot('slack-import-light') });

    // Untick the thank-you note by keyboard.
    const dan = dialog.getByRole('checkbox', { name: 'Dan Okoro: Great talk :party-blob:' });
    await dan.focus();
    await page.keyboard.press('Space');
    expect(await dan.isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Import 2 threads' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Focus on the first imported thread; the live region says what came in.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('archive.2');
    await page.locator('.notice-region').filter({ hasText: 'Imported 2 threads from Slack as threads 3 to 4.' }).waitFor();

    await save(page);
    const disk = h.read(BOOK);
    const diff = h.diff(BOOK);
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.every((l) => l.startsWith('+'))).toBe(true);
    // The added lines are one block at the end of the archive, in the archive's own (PyYAML) style.
    const added = diff.map((l) => l.slice(1));
    expect(disk).toBe(original.replace('---\n\n*Gardening', `${added.join('\n')}\n---\n\n*Gardening`));
    expect(added[0]).toBe('- name: Priya Raman');

    const book = bookOf(readBook(disk).data)!;
    expect(book.archive.map((t) => t.name)).toEqual(['Oskar Lind', 'Dana Whitfield', 'Priya Raman', 'Dan Okoro']);
    expect(book.archive[2]).toEqual({ name: 'Priya Raman', text: 'Does the **seed catalogue** example need Neo4j & Python?', replies: [{ name: 'Mira Solberg', text: 'No: plain SQL works for the first chapters 🌱' }] });
    expect(book.archive[3]).toEqual({ name: 'Dan Okoro', text: 'How big can a graph get before\nit needs sharding?', replies: [{ name: 'Mira Solberg', text: 'Bigger than you think. See [chapter 9](https://example.com/scale).' }] });
  });

  it('shows the threads already imported as such, and looks right in dark mode', async () => {
    const page = await h.page({ colorScheme: 'dark' });
    await openBook(page, TITLE);
    const dialog = await chooseZip(page);
    await page.screenshot({ path: shot('slack-import-dark') });
    await dialog.getByRole('button', { name: 'Import 3 threads' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The same export again: every thread is in the archive now, none can be imported.
    await page.getByRole('button', { name: 'Import from Slack…' }).click();
    const again = page.getByRole('dialog', { name: 'Import from Slack' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), again.getByRole('button', { name: 'Choose .zip…' }).click()]);
    await chooser.setFiles({ name: 'slack-export.zip', mimeType: 'application/zip', buffer: exportZip() });
    await again.getByRole('status').filter({ hasText: /2024-03-09\. All already in the archive\.$/ }).waitFor();
    expect(await again.getByText('Already in the archive', { exact: true }).count()).toBe(3);
    expect(await again.getByRole('checkbox', { disabled: true }).count()).toBe(3);
    expect(await again.getByRole('button', { name: 'Import 0 threads' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await again.waitFor({ state: 'detached' });
  });

  it('reads an export folder chosen with Choose folder…', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slack-folder-'));
    try {
      writeFolder(path.join(dir, 'slack-export'), weekFiles());
      const page = await h.page();
      page.on('filechooser', () => undefined);
      await openBook(page, TITLE);
      await page.getByRole('button', { name: 'Import from Slack…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import from Slack' });
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose folder…' }).click()]);
      expect(chooser.isMultiple()).toBe(true);
      await chooser.setFiles(path.join(dir, 'slack-export'));
      await dialog.getByRole('status').filter({ hasText: /^3 threads with 2 replies in #book-of-the-week from 2024-03-03 to 2024-03-09\.$/ }).waitFor();
      expect(await dialog.getByText('slack-export', { exact: true }).count()).toBe(1);
      await dialog.getByRole('button', { name: 'Import 3 threads' }).click();
      await dialog.waitFor({ state: 'detached' });
      await save(page);
      expect(bookOf(readBook(h.read(BOOK)).data)!.archive.map((t) => t.name)).toEqual(['Oskar Lind', 'Dana Whitfield', 'Priya Raman', 'Dan Okoro', 'Dan Okoro']);
      expect(h.diff(BOOK).every((l) => l.startsWith('+'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
