// The UI rows of `npm run bench`, each next to what the same Chromium needs to show the same
// thing with no editor at all, measured in the same run:
// - keystrokes: 50 characters typed into a reply, each timed in the page from its keydown to
//   the first animation frame whose preview holds the text typed so far; the floor is a bare
//   page where a textarea writes a text node in a same-origin iframe, same browser, same keys;
// - open: from the pointer press on the library row to the first frame in which the form's
//   title field and the preview's title both show the book (timed when the frame after it
//   begins, so that frame's layout and paint count); the baseline is the book's preview page
//   (shared/preview, as `renderPreview` writes it) set as an iframe's srcdoc, alone, timed to
//   the frame after its load event;
// - first raw view: from the pointer press on the Raw tab (a second after the book shows) to
//   the first frame whose editor shows the text; the baseline is a page holding only the
//   app's Monaco (same setup and options) that loads it and creates one editor on the text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startHost } from '../../electron/host/server';
import type { RunningHost } from '../../electron/host/server';
import { Workspace } from '../../electron/workspace';
import { bookOf, openBook } from '../../shared/index';
import { renderPreview } from '../../shared/preview/index';
import { synthBook } from './synth';
import { round, type Row } from './core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1600, height: 1000 };
/** Warm figures: the median of this many, after a first one not counted. */
const WARM = 5;
/** Cold figures (a fresh browser context each): the median of this many. */
const COLD = 3;

interface BenchBook {
  /** How the rows name it. */
  readonly label: string;
  readonly file: string;
  readonly text: string;
  readonly title: string;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
const p95 = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const titleOf = (text: string) => String((openBook(text).data as { title?: unknown }).title ?? '');

/** A temp site with the books (and the corpus people, when there). */
function siteWith(books: readonly BenchBook[], corpus: string | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
  fs.mkdirSync(path.join(dir, '_books'));
  fs.mkdirSync(path.join(dir, '_people'));
  for (const b of books) fs.writeFileSync(path.join(dir, '_books', b.file), b.text);
  if (corpus) for (const f of fs.readdirSync(path.join(corpus, '_people'))) fs.copyFileSync(path.join(corpus, '_people', f), path.join(dir, '_people', f));
  return dir;
}

/** The 50 keys: a marker no book contains, then letters. */
const KEYS = 'zqxjkv' + 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx'.slice(0, 44);

/** Types the keys; `window.benchShows(typed)` says whether the page shows them. Each key is timed from its keydown to the first frame that does. */
async function timeKeys(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { keyAt: number };
    document.addEventListener('keydown', (e) => (w.keyAt = e.timeStamp), true);
  });
  const times: number[] = [];
  let typed = '';
  for (const key of KEYS) {
    typed += key;
    await page.keyboard.type(key);
    const shown = await page.waitForFunction(
      (needle) => {
        const w = window as unknown as { keyAt: number; benchShows: (s: string) => boolean };
        return w.benchShows(needle) ? performance.now() - w.keyAt : false;
      },
      typed,
      { timeout: 10_000, polling: 'raf' },
    );
    times.push((await shown.jsonValue()) as number);
  }
  return times;
}

/** The floor: a bare page where a textarea writes a text node in a same-origin iframe. */
async function floorKeys(browser: Browser): Promise<number[]> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.setContent('<textarea aria-label="Text" style="width:600px;height:200px"></textarea><iframe title="Shown" style="width:600px;height:400px" srcdoc="<p></p>"></iframe>');
    await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.querySelector('p'));
    await page.evaluate(() => {
      const area = document.querySelector('textarea')!;
      const doc = document.querySelector('iframe')!.contentDocument!;
      const node = doc.createTextNode('');
      doc.querySelector('p')!.append(node);
      area.addEventListener('input', () => (node.data = area.value));
      (window as unknown as { benchShows: (s: string) => boolean }).benchShows = (s) => node.data.includes(s);
    });
    await page.click('textarea');
    return await timeKeys(page);
  } finally {
    await page.close();
  }
}

/** Opens the book in the app, finds a reply in the middle, and times the 50 keys. */
async function editorKeys(browser: Browser, url: string, book: BenchBook): Promise<number[]> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await libraryRow(page, book.title).click({ timeout: 120_000 });
    await page.getByRole('region', { name: 'Preview' }).waitFor({ timeout: 60_000 });
    const cards = page.getByRole('article', { name: /^Thread \d+ by / });
    await cards.first().waitFor({ timeout: 60_000 });
    // The cards after the first ones render in idle time: wait until their number holds for a second.
    for (let n = -1, same = 0; same < 4; await page.waitForTimeout(250)) {
      const m = await cards.count();
      same = m === n ? same + 1 : 0;
      n = m;
    }
    const thread = cards.nth(Math.floor((await cards.count()) / 2));
    await thread.scrollIntoViewIfNeeded();
    const t = Number(/^Thread (\d+)/.exec((await thread.getAttribute('aria-label')) ?? '')?.[1]) - 1;
    const expand = thread.getByRole('button', { name: /Expand/ });
    if (await expand.count()) await expand.first().click();
    // The preview of a long book fills in after it shows: type once it holds the thread.
    await page.locator('iframe.preview-frame').contentFrame().locator(`[data-thread="${t}"][data-reply="0"]`).waitFor({ timeout: 120_000 });
    await thread.getByRole('textbox', { name: 'Text' }).nth(1).click({ timeout: 120_000 });
    await page.keyboard.press('End');
    await page.evaluate((thread) => {
      (window as unknown as { benchShows: (s: string) => boolean }).benchShows = (needle) => {
        const f = document.querySelector('iframe.preview-frame') as HTMLIFrameElement | null;
        return !!f?.contentDocument?.querySelector(`[data-thread="${thread}"][data-reply="0"]`)?.textContent?.includes(needle);
      };
    }, t);
    return await timeKeys(page);
  } finally {
    await page.close();
  }
}

const libraryRow = (page: Page, title: string) => page.getByRole('navigation', { name: 'Library' }).getByRole('option', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();

/**
 * Arms a watch in the page: at the next pointer press, each frame checks whether the form's
 * title field and the preview's title show `title`; the time of the frame after the first
 * that does goes into `window.benchOpen`.
 */
async function armOpenWatch(page: Page, title: string): Promise<void> {
  await page.evaluate((title) => {
    const w = window as unknown as { benchOpen: number | null };
    w.benchOpen = null;
    const shows = () => {
      const at = document.querySelector('[data-path="title"]');
      const field = at instanceof HTMLInputElement ? at : at?.querySelector('input');
      const frame = document.querySelector('iframe.preview-frame') as HTMLIFrameElement | null;
      const head = frame?.contentDocument?.querySelector('.book-header h2');
      return field?.value === title && head?.textContent === title;
    };
    document.addEventListener(
      'pointerdown',
      (e) => {
        const pressed = e.timeStamp;
        const tick = () => {
          if (shows()) requestAnimationFrame(() => (w.benchOpen = performance.now() - pressed));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      },
      { capture: true, once: true },
    );
  }, title);
}

async function waitWatch(page: Page, key: 'benchOpen' | 'benchRaw'): Promise<number> {
  const h = await page.waitForFunction((key) => (window as unknown as Record<string, number | null>)[key] ?? false, key, { timeout: 120_000, polling: 50 });
  return (await h.jsonValue()) as number;
}

/** Opens `book` in a page where the library shows; the time from the press to the frame after both titles show it. */
async function timeOpen(page: Page, book: BenchBook): Promise<number> {
  await armOpenWatch(page, book.title);
  await libraryRow(page, book.title).click({ timeout: 120_000 });
  return waitWatch(page, 'benchOpen');
}

/** A fresh context on the app, its library shown. */
async function freshApp(browser: Browser, url: string, anyTitle: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await libraryRow(page, anyTitle).waitFor({ timeout: 60_000 });
  return page;
}

/** Cold opens (the first book after start, fresh contexts), then warm ones in the last page (alternating with a small book). */
async function editorOpens(browser: Browser, url: string, book: BenchBook, other: BenchBook, warm: boolean): Promise<{ cold: number[]; warm: number[]; frame: { width: number; height: number } }> {
  const cold: number[] = [];
  const hot: number[] = [];
  let frame = { width: 600, height: 900 };
  for (let i = 0; i < (warm ? 1 : COLD); i++) {
    const page = await freshApp(browser, url, book.title);
    try {
      const t = await timeOpen(page, book);
      if (!warm) cold.push(t);
      const box = await page.locator('iframe.preview-frame').boundingBox();
      if (box) frame = { width: Math.round(box.width), height: Math.round(box.height) };
      if (warm) {
        for (let k = 0; k < WARM + 1; k++) {
          await timeOpen(page, other);
          const x = await timeOpen(page, book);
          if (k > 0) hot.push(x);
        }
      }
    } finally {
      await page.context().close();
    }
  }
  return { cold, warm: hot, frame };
}

/** Paints `html` as an iframe's srcdoc in a bare page; from setting it to the frame after its load event. */
async function paintOnce(page: Page, html: string, frame: { width: number; height: number }): Promise<number> {
  return page.evaluate(
    ([html, width, height]) =>
      new Promise<number>((resolve) => {
        document.body.replaceChildren();
        const f = document.createElement('iframe');
        f.style.cssText = `width:${width}px;height:${height}px;border:0`;
        f.sandbox.add('allow-same-origin');
        document.body.append(f);
        const at = performance.now();
        f.addEventListener('load', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - at))), { once: true });
        f.srcdoc = html;
      }),
    [html, frame.width, frame.height] as const,
  );
}

async function staticPaints(browser: Browser, html: string, frame: { width: number; height: number }, cold: boolean): Promise<number[]> {
  const out: number[] = [];
  if (cold) {
    for (let i = 0; i < COLD; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      try {
        out.push(await paintOnce(page, html, frame));
      } finally {
        await context.close();
      }
    }
    return out;
  }
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    for (let i = 0; i < WARM + 1; i++) {
      const t = await paintOnce(page, html, frame);
      if (i > 0) out.push(t);
    }
  } finally {
    await page.close();
  }
  return out;
}

/** Arms a watch for the first frame whose Monaco editor shows `needle` (spaces as Monaco draws them). */
async function armRawWatch(page: Page, needle: string, onPress: boolean): Promise<void> {
  await page.evaluate(
    ([needle, onPress]) => {
      const w = window as unknown as { benchRaw: number | null; benchRawStart: () => void };
      w.benchRaw = null;
      const shows = () => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle);
      const start = (at: number) => {
        const tick = () => {
          if (shows()) requestAnimationFrame(() => (w.benchRaw = performance.now() - at));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      };
      if (onPress) document.addEventListener('pointerdown', (e) => start(e.timeStamp), { capture: true, once: true });
      else w.benchRawStart = () => start(performance.now());
    },
    [needle, onPress] as const,
  );
}

/** A line near the top of the file that the editor shows once it has painted the text. */
const rawNeedle = (text: string) => text.split('\n').slice(0, 8).find((l) => l.trim().length > 6) ?? text.split('\n')[1]!;

/** The first raw view in fresh pages: open the book, wait a second, press Raw. */
async function editorRaw(browser: Browser, url: string, book: BenchBook): Promise<{ times: number[]; box: { width: number; height: number } }> {
  const times: number[] = [];
  let box = { width: 800, height: 800 };
  for (let i = 0; i < COLD; i++) {
    const page = await freshApp(browser, url, book.title);
    try {
      await timeOpen(page, book);
      await page.waitForTimeout(1000);
      await armRawWatch(page, rawNeedle(book.text), true);
      await page.getByRole('tab', { name: 'Raw' }).click({ timeout: 120_000 });
      times.push(await waitWatch(page, 'benchRaw'));
      const b = await page.locator('.raw').boundingBox();
      if (b) box = { width: Math.round(b.width), height: Math.round(b.height) };
    } finally {
      await page.context().close();
    }
  }
  return { times, box };
}

/** Monaco alone: a fresh page that loads the app's Monaco and creates one editor on the text. */
async function monacoAlone(browser: Browser, url: string, book: BenchBook, box: { width: number; height: number }): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COLD; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    try {
      await page.goto(url);
      await page.waitForFunction(() => typeof (window as unknown as { startMonaco?: unknown }).startMonaco === 'function');
      await armRawWatch(page, rawNeedle(book.text), false);
      await page.evaluate(
        ([text, width, height]) => {
          const w = window as unknown as { benchRawStart: () => void; startMonaco: (t: string, w: number, h: number) => Promise<void> };
          w.benchRawStart();
          void w.startMonaco(text, width, height);
        },
        [book.text, box.width, box.height] as const,
      );
      times.push(await waitWatch(page, 'benchRaw'));
    } finally {
      await context.close();
    }
  }
  return times;
}

/** The book's preview page as the site's renderer writes it (no cover: the bench site has no images). */
async function staticHtml(site: string, book: BenchBook): Promise<string> {
  const ws = new Workspace(site, { backupDir: path.join(site, '.backups-static') });
  try {
    const people = await ws.people();
    const doc = openBook(book.text);
    return renderPreview({ book: bookOf(doc.data)!, body: doc.body, people, coverUrl: null });
  } finally {
    ws.close();
  }
}

const rowOf = (name: string, ours: number, baseline: string | null, base: number | null, target: string): Row => ({
  name,
  ours_ms: round(ours),
  baseline,
  baseline_ms: base === null ? null : round(base),
  ratio: base ? round(ours / base, 3) : null,
  target,
});
/** A row that is itself a baseline: no target, a note on what it is. */
const baseRow = (name: string, ms: number, note: string): Row => ({ name, ours_ms: round(ms), baseline: null, baseline_ms: null, ratio: null, note });

/** The UI rows; skipped with a reason when Chromium, the build or the corpus is missing. */
export async function uiRows(root: string, corpus: string | null): Promise<{ rows: Row[]; skipped: string[] }> {
  const skipped: string[] = [];
  if (!fs.existsSync(CHROMIUM)) return { rows: [], skipped: [`ui rows: ${CHROMIUM} is not installed`] };
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) return { rows: [], skipped: ['ui rows: dist/renderer is not built (npm run build)'] };
  const monacoDir = path.join(root, 'dist', 'bench', 'monaco-alone');
  let largest: BenchBook | null = null;
  if (corpus) {
    const dir = path.join(corpus, '_books');
    const file = fs.readdirSync(dir).sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size)[0]!;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    largest = { label: 'largest real book', file, text, title: titleOf(text) };
  } else {
    skipped.push('ui rows of the largest real book (keystroke, open, first raw view, their baselines): ../shared/corpus is absent');
  }
  const synthetic: BenchBook = { label: 'synthetic 2000-thread book', file: '20210705-synthetic.md', text: synthBook(2000), title: 'Synthetic' };
  // The book opened between two timed opens, so each is a real switch of book.
  const small: BenchBook = { label: 'small book', file: '20210628-warmup.md', text: synthBook(3).replace('title: Synthetic', 'title: Warm-up'), title: 'Warm-up' };
  // Each group of rows on a site and host of its own (typing leaves drafts and backups behind, which later pages would offer to recover).
  const sites: string[] = [];
  const hosts: RunningHost[] = [];
  const serve = async (books: readonly BenchBook[], dir = rendererDir) => {
    const site = siteWith(books, corpus);
    sites.push(site);
    const host = await startHost({ siteRoot: site, rendererDir: dir, backupDir: path.join(site, '.backups') });
    hosts.push(host);
    return { site, url: host.url };
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows: Row[] = [];
  // BENCH_UI=words runs only the UI rows whose name holds them (the floor always runs).
  const only = process.env.BENCH_UI;
  const attempt = async (what: string, f: () => Promise<void>) => {
    if (only && what !== 'ui keystroke floor p95' && !what.includes(only)) return void skipped.push(`${what}: not in BENCH_UI`);
    try {
      await f();
    } catch (e) {
      skipped.push(`${what}: ${(e as Error).message.split('\n').slice(0, 4).join(' ')}`);
    }
  };
  try {
    const FLOOR = 'ui keystroke floor p95';
    let floor: number | null = null;
    await attempt(FLOOR, async () => {
      floor = p95(await floorKeys(browser));
      rows.push(baseRow(FLOOR, floor, 'the floor (a bare textarea writing a text node in a same-origin iframe)'));
    });
    for (const book of [...(largest ? [largest] : []), synthetic]) {
      const name = `ui keystroke to preview p95, ${book.label}`;
      await attempt(name, async () => {
        const { url } = await serve([book, small]);
        rows.push(rowOf(name, p95(await editorKeys(browser, url, book)), floor === null ? null : FLOOR, floor, book === synthetic ? 'ratio ≤ 2' : 'ratio ≤ 1.5'));
      });
    }
    for (const book of [...(largest ? [largest] : []), synthetic]) {
      const paintName = `static preview paint, ${book.label}`;
      const openName = `ui open ${book.label}`;
      await attempt(openName, async () => {
        const { site, url } = await serve([book, small]);
        const html = await staticHtml(site, book);
        const opens = await editorOpens(browser, url, book, small, true);
        const paint = median(await staticPaints(browser, html, opens.frame, false));
        rows.push(baseRow(paintName, paint, `the baseline: the preview page (${(html.length / 1024).toFixed(0)} KB) as an iframe's srcdoc, alone, median of ${WARM} after a first`));
        rows.push(rowOf(openName, median(opens.warm), paintName, paint, book === synthetic ? 'ratio ≤ 0.25' : 'ratio ≤ 1.0'));
        if (book !== largest) return;
        const coldOpens = await editorOpens(browser, url, book, small, false);
        const coldPaint = median(await staticPaints(browser, html, opens.frame, true));
        const coldName = `static preview paint cold, ${book.label}`;
        rows.push(baseRow(coldName, coldPaint, `the baseline: the same, first in a fresh context, median of ${COLD}`));
        rows.push(rowOf(`ui open first book after start, ${book.label}`, median(coldOpens.cold), coldName, coldPaint, 'ratio ≤ 1.5'));
      });
    }
    if (largest) {
      const book = largest;
      const aloneName = `Monaco alone, ${book.label}`;
      await attempt('ui first raw view', async () => {
        if (!fs.existsSync(path.join(monacoDir, 'index.html'))) throw new Error('dist/bench/monaco-alone is not built (npm run bench builds it)');
        const raw = await editorRaw(browser, (await serve([book, small])).url, book);
        const alone = median(await monacoAlone(browser, (await serve([], monacoDir)).url, book, raw.box));
        rows.push(baseRow(aloneName, alone, `the baseline: a page that loads the app's Monaco and creates one editor on the text, fresh context, median of ${COLD}`));
        rows.push(rowOf(`ui first raw view, ${book.label}`, median(raw.times), aloneName, alone, 'ratio ≤ 1.5'));
      });
    }
  } finally {
    await browser.close();
    for (const h of hosts) await h.close();
    for (const site of sites) fs.rmSync(site, { recursive: true, force: true });
  }
  return { rows, skipped };
}
