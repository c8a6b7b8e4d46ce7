// Screenshots of the raw view, the live preview and Review changes, in light and dark (written to
// screenshots/ to be looked at), on the sample site and on the largest corpus book.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus } from '../corpus';
import { hasChromium, openBook, openRaw, previewFrame, shot, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';

const LARGEST = '_books/20241017-build-large-language-model-from-scratch.md';

describe.skipIf(!hasChromium)('raw, preview and review screens in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEditor(hasCorpus ? { [LARGEST]: fs.readFileSync(path.join(CORPUS, LARGEST), 'utf8') } : {});
  });
  afterAll(async () => h?.close());

  for (const scheme of ['light', 'dark'] as const) {
    it(`takes form + preview, raw + preview and the review in ${scheme}`, async () => {
      const page = await h.page({ colorScheme: scheme });
      await openBook(page, /Gardening with Graphs/);
      const reply = page.getByRole('article', { name: 'Thread 1 by Oskar Lind', exact: true }).getByRole('article', { name: 'Reply 1 by Mira Solberg' }).getByLabel('Text');
      await reply.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Chapter 4 has the *first* graph.');
      await previewFrame(page).locator('.is-current em', { hasText: 'first' }).waitFor();
      await previewFrame(page).locator('img.cover').waitFor();
      await page.waitForTimeout(200);
      await page.screenshot({ path: shot(`preview-${scheme}-1-form`) });
      await openRaw(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot(`preview-${scheme}-2-raw`) });
      await page.getByRole('button', { name: 'Review changes' }).click();
      await page.locator('.review-diff .line-insert').first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot(`preview-${scheme}-3-review`) });
      await page.getByRole('button', { name: 'Side by side' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot(`preview-${scheme}-4-review-side-by-side`) });
      expect(fs.statSync(shot(`preview-${scheme}-2-raw`)).size).toBeGreaterThan(10_000);
    });
  }

  it('shows the largest corpus book raw beside its preview', async ({ skip }) => {
    if (!hasCorpus) skip('the corpus is not on this machine');
    const page = await h.page({ width: 1600, height: 1000 });
    await openBook(page, /Build a Large Language Model/);
    await openRaw(page);
    await previewFrame(page).getByRole('heading', { level: 2, name: 'Questions and Answers' }).waitFor();
    await page.screenshot({ path: shot('preview-light-5-largest-raw') });
  });
});
