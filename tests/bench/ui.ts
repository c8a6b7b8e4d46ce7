// The UI rows of `npm run bench`: type 50 characters into a reply in headless Chromium
// through the localhost host and time each keystroke until the preview shows it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { startHost } from '../../electron/host/server';
import { synthBook } from './synth';
import { round, type Row } from './core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A temp site with one book (and the corpus people, when there). */
function siteWith(bookName: string, text: string, corpus: string | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
  fs.mkdirSync(path.join(dir, '_books'));
  fs.mkdirSync(path.join(dir, '_people'));
  fs.writeFileSync(path.join(dir, '_books', bookName), text);
  if (corpus) for (const f of fs.readdirSync(path.join(corpus, '_people'))) fs.copyFileSync(path.join(corpus, '_people', f), path.join(dir, '_people', f));
  return dir;
}

const p95 = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

/**
 * Opens the book, finds a reply in the middle, types 50 characters, and times each in the
 * page: from the keydown event to the first animation frame whose preview holds the text
 * typed so far (so the browser's own round trips to the test do not count).
 */
async function typeAndWatch(page: Page, url: string, bookTitle: string): Promise<number[]> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('option', { name: new RegExp(bookTitle) }).first().click();
  await page.getByRole('region', { name: 'Preview' }).waitFor({ timeout: 60_000 });
  // The reply to type into: the first reply of a thread in the middle.
  const cards = page.getByRole('article', { name: /^Thread \d+ by / });
  await cards.first().waitFor({ timeout: 60_000 });
  const thread = cards.nth(Math.floor((await cards.count()) / 2));
  await thread.scrollIntoViewIfNeeded();
  const t = Number(/^Thread (\d+)/.exec((await thread.getAttribute('aria-label')) ?? '')?.[1]) - 1;
  const expand = thread.getByRole('button', { name: /Expand/ });
  if (await expand.count()) await expand.first().click();
  const text = thread.getByRole('textbox', { name: 'Text' }).nth(1);
  await text.click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const w = window as unknown as { keyAt: number };
    document.addEventListener('keydown', (e) => (w.keyAt = e.timeStamp), true);
  });
  const times: number[] = [];
  // 50 keystrokes: a marker no book contains, then letters; each waits until the preview holds all typed so far.
  const keys = 'zqxjkv' + 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx'.slice(0, 44);
  let typed = '';
  for (const key of keys) {
    typed += key;
    await page.keyboard.type(key);
    const shown = await page.waitForFunction(
      ([needle, thread]) => {
        const f = document.querySelector('iframe') as HTMLIFrameElement | null;
        const reply = f?.contentDocument?.querySelector(`[data-thread="${thread}"][data-reply="0"]`);
        return reply?.textContent?.includes(needle) ? performance.now() - (window as unknown as { keyAt: number }).keyAt : false;
      },
      [typed, t] as const,
      { timeout: 10_000, polling: 'raf' },
    );
    times.push((await shown.jsonValue()) as number);
  }
  return times;
}

/** The two UI rows; skipped with a reason when Chromium or the build is missing. */
export async function uiRows(root: string, corpus: string | null): Promise<{ rows: Row[]; skipped: string[] }> {
  const skipped: string[] = [];
  if (!fs.existsSync(CHROMIUM)) return { rows: [], skipped: [`ui rows: ${CHROMIUM} is not installed`] };
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) return { rows: [], skipped: ['ui rows: dist/renderer is not built (npm run build)'] };
  const books: [string, string, string, string][] = [];
  if (corpus) {
    const dir = path.join(corpus, '_books');
    const largest = fs.readdirSync(dir).sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)[0]!;
    books.push(['ui keystroke to preview p95, largest real book', largest, fs.readFileSync(path.join(dir, largest), 'utf8'), 'Build a Large Language Model']);
  } else {
    skipped.push('ui row for the largest real book: ../shared/corpus is absent');
  }
  books.push(['ui keystroke to preview p95, synthetic 2000-thread book', '20210705-synthetic.md', synthBook(2000), 'Synthetic']);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows: Row[] = [];
  try {
    for (const [name, file, text, title] of books) {
      const site = siteWith(file, text, corpus);
      const host = await startHost({ siteRoot: site, rendererDir, backupDir: path.join(site, '.backups') });
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      try {
        const times = await typeAndWatch(page, host.url, title);
        rows.push({ name, ours_ms: round(p95(times)), baseline: null, baseline_ms: null, ratio: null, target: name.includes('synthetic') ? '≤ 100 ms' : '≤ 50 ms' });
      } catch (e) {
        skipped.push(`${name}: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
        await host.close();
        fs.rmSync(site, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return { rows, skipped };
}
