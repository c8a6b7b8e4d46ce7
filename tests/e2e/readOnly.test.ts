// A book that is not valid UTF-8, end to end in Chromium: it opens in the raw view, read-only,
// with a banner naming the byte offset of its first bad byte; typing changes nothing, and
// Save refuses, so the file's bytes stay as they were.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, rawGoToLineEnd, rawLines, startEditor } from './editorHarness';
import type { Harness } from './editorHarness';

const BOOK = '_books/20240101-latin1.md';
const BYTES = Buffer.from('---\ntitle: "Caf\xe9 Stra\xdfe"\ndescription: "d"\ncover: "c.jpg"\nimage: "i.jpg"\nstart: 2024-01-01 00:00:00\nend: 2024-01-05 23:59:59\nauthors: [lenavoss]\n---\nBody.\n', 'latin1');

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: read-only end-to-end tests skipped');

describe.skipIf(!hasChromium)('a book that is not UTF-8, in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEditor({ [BOOK]: BYTES });
  });
  afterAll(async () => h?.close());

  it('opens read-only in the raw view, says where the first bad byte is, and is never saved', async () => {
    const page = await h.page();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('option', { name: /Caf/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Read-only.' }).getByText(/first bad byte is at byte offset 15/).waitFor();
    await expect.poll(() => rawLines(page)).toContain('title: "Caf\uFFFD Stra\uFFFDe"');
    await rawGoToLineEnd(page, 2);
    await page.keyboard.type(' more');
    await page.keyboard.press('Control+s');
    await page.getByText(/^Not saved: This file is not valid UTF-8/).waitFor();
    expect(await rawLines(page)).not.toContain('more');
    expect(fs.readFileSync(path.join(h.site, BOOK)).equals(BYTES)).toBe(true);
  });
});
