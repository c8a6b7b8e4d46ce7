// Keep both, end to end in Chromium on a temp git copy of the sample site: an edit in the form, another
// program changes another part of the file, Save finds the conflict, Keep both shows the merge against
// the disk, Save writes it, and git diff holds both changes. A place both changed is named and chosen.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openBook, shot, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';

const BOOK = '_books/20240304-gardening-with-graphs.md';
const TITLE = /Gardening with Graphs/;

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: Keep both end-to-end tests skipped');

describe.skipIf(!hasChromium)('Keep both in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEditor();
  });
  afterAll(async () => h?.close());

  const isDescription = (line: string) => line.slice(1).startsWith('description:');
  const writeOutside = (change: (text: string) => string) => fs.writeFileSync(path.join(h.site, BOOK), change(h.read(BOOK)));

  it('merges a form edit with a change made outside, reviews it against the disk, and saves both', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    const title = page.getByLabel('Title', { exact: true });
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (2nd ed.)');
    writeOutside((t) => t.replace('text: Perfect, thanks!', 'text: Perfect, thanks a lot!'));
    await page.keyboard.press('Control+s');
    const conflict = page.getByRole('alertdialog', { name: 'The file changed on disk' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Keep both' }).click();
    const dialog = page.getByRole('dialog', { name: /^Keep both/ });
    // The title and the description that follows it (it is in the site's form) are your changes.
    await dialog.getByText(/^\d+ of your changes replayed on the file on disk; no conflicts\.$/).waitFor();
    await dialog.locator('.review-diff .line-insert').first().waitFor();
    await dialog.getByText(/^Change 1 of \d+$/).waitFor();
    // The diff is against the disk: the outside change is not in it, the title is.
    const shown = (await dialog.locator('.review-diff .editor.modified .view-lines').allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
    expect(shown).toContain('title: "Gardening with Graphs (2nd ed.)"');
    await page.screenshot({ path: shot('keep-both-1-merged') });
    expect(h.diff(BOOK)).toEqual(['-    text: Perfect, thanks!', '+    text: Perfect, thanks a lot!']);
    await dialog.getByRole('button', { name: 'Save merged version' }).click();
    await page.locator('.status-state', { hasText: /^Saved$/ }).waitFor();
    const saved = h.diff(BOOK);
    expect(saved.filter(isDescription)).toEqual(['-description: "Book of the Week. Gardening with Graphs by Mira Solberg. Grow a knowledge graph one small bed at a time"', '+description: "Book of the Week. Gardening with Graphs (2nd ed.) by Mira Solberg. Grow a knowledge graph one small bed at a time"']);
    expect(saved.filter((l) => !isDescription(l))).toEqual([
      '-title: "Gardening with Graphs"',
      '+title: "Gardening with Graphs (2nd ed.)"',
      '-    text: Perfect, thanks!',
      '+    text: Perfect, thanks a lot!',
    ]);
  });

  it('names a place both changed and keeps yours there when chosen', async () => {
    const page = await h.page();
    await openBook(page, TITLE);
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Gardening with Graphs, revised');
    await page.getByRole('article', { name: 'Thread 2 by Dana Whitfield' }).getByLabel('Text').first().fill('How do you choose nodes and properties?');
    writeOutside((t) => t.replace('title: "Gardening with Graphs"', 'title: "Gardening With Graphs"').replace('text: Perfect, thanks!', 'text: Perfect, thank you!'));
    // The watcher tells first: the banner offers the same way out.
    const banner = page.locator('.banner', { hasText: 'This file changed on disk.' });
    await banner.getByRole('button', { name: 'Keep both' }).click();
    const dialog = page.getByRole('dialog', { name: /^Keep both/ });
    const place = dialog.getByRole('group', { name: /Title — changed here and on disk/ });
    await place.waitFor();
    await dialog.locator('.review-diff .line-insert').first().waitFor();
    await page.screenshot({ path: shot('keep-both-2-conflict') });
    expect(await place.getByRole('radio', { name: /The disk’s: “Gardening With Graphs”/ }).isChecked()).toBe(true);
    await place.getByRole('radio', { name: /Yours: “Gardening with Graphs, revised”/ }).check();
    await dialog.getByText(/1 conflict: Title \(yours kept\)/).waitFor();
    // The title line is a change again: two changes, the view back at the first.
    await dialog.getByText('Change 1 of 2').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot('keep-both-3-yours') });
    // Next change goes to the question edited here, further down.
    const modified = dialog.locator('.review-diff .editor.modified .view-lines');
    expect((await modified.allInnerTexts()).join('\n')).not.toContain('choose nodes and properties');
    await dialog.getByRole('button', { name: 'Next change' }).click();
    await dialog.getByText('Change 2 of 2').waitFor();
    await expect.poll(async () => (await modified.allInnerTexts()).join('\n').replace(/\u00a0/g, ' ')).toContain('text: How do you choose nodes and properties?');
    await page.screenshot({ path: shot('keep-both-4-next-change') });
    await dialog.getByRole('button', { name: 'Save merged version' }).click();
    await page.locator('.status-state', { hasText: /^Saved$/ }).waitFor();
    const diff = h.diff(BOOK);
    expect(diff).toContain('+title: "Gardening with Graphs, revised"');
    expect(diff).toContain('+    text: Perfect, thank you!');
    expect(diff).toContain('+  text: How do you choose nodes and properties?');
    // The description follows the title (it is in the site's form): its two lines besides these six.
    expect(diff.filter((l) => !isDescription(l))).toHaveLength(6);
  });
});
