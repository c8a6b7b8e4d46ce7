// End-to-end harness for the editor: a temp copy of a site under git, the localhost host started the way
// `npm run serve` starts it (the built dist/electron/serve.mjs), and Debian's Chromium driven by playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CONTENT = path.join(ROOT, 'content');
export const SCREENSHOTS = path.join(ROOT, 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=e2e@example.com', '-c', 'user.name=e2e', ...args], { cwd, encoding: 'utf8' });

export interface Harness {
  readonly site: string;
  readonly url: string;
  readonly browser: Browser;
  /** A fresh page on the editor, with the site's files and backups as committed; `before` runs on it before it loads. */
  page(options?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number; before?: (page: Page) => Promise<void> }): Promise<Page>;
  /** The site file's text. */
  read(rel: string): string;
  /** `git diff` of one file against what was committed, as its +/- lines. */
  diff(rel: string): string[];
  close(): Promise<void>;
}

/** Starts the localhost host on `site` as `npm run serve` does (the built dist/electron/serve.mjs) and waits for its address. */
export async function serveSite(site: string, backups: string, env?: NodeJS.ProcessEnv): Promise<{ url: string; host: ChildProcess }> {
  const host = spawn(process.execPath, [path.join(ROOT, 'dist', 'electron', 'serve.mjs'), '--backup-dir', backups, site], { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    host.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) resolve(line.trim());
    });
    host.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    host.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    setTimeout(() => reject(new Error(`serve printed no address: ${out}${err}`)), 20_000);
  });
  return { url, host };
}

/** Debian's Chromium, headless, without the background traffic that has no network here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** Copies `content/` (plus `extra` files, text or bytes) into a temp git repository and serves it. */
export async function startEditor(extra: Record<string, string | Buffer> = {}): Promise<Harness> {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'book-editor-e2e-')));
  const site = path.join(tmp, 'site');
  const backups = path.join(tmp, 'backups');
  fs.cpSync(CONTENT, site, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    fs.writeFileSync(path.join(site, rel), text);
  }
  git(site, 'init', '-q');
  git(site, 'add', '-A');
  git(site, 'commit', '-qm', 'site');
  const { url, host } = await serveSite(site, backups);
  const browser = await launchChromium();
  const pages: Page[] = [];
  return {
    site,
    url,
    browser,
    async page({ colorScheme = 'light', width = 1440, height = 900, before } = {}) {
      await Promise.all(pages.splice(0).map((p) => p.context().close()));
      git(site, 'checkout', '-q', '--', '.');
      git(site, 'clean', '-qfd');
      fs.rmSync(backups, { recursive: true, force: true });
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      pages.push(page);
      await before?.(page);
      await page.goto(url);
      await page.getByRole('option', { name: /Gardening with Graphs/ }).waitFor();
      return page;
    },
    read: (rel) => fs.readFileSync(path.join(site, rel), 'utf8'),
    diff(rel) {
      return git(site, 'diff', '--no-color', '--unified=0', '--', rel)
        .split('\n')
        .filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l));
    },
    async close() {
      await browser.close();
      host.kill('SIGTERM');
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Opens a book from the library and waits for its threads. */
export async function openBook(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('option', { name: title }).click();
  await page.getByRole('article', { name: /^Thread 1 by/ }).waitFor();
}

/** Saves with Ctrl+S and waits until the status bar says so. */
export async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await page.locator('.status-state', { hasText: /^Saved$/ }).waitFor();
}

/** Drags a card's handle onto another element, at a fraction of its height (pointer events, in small steps). */
export async function drag(page: Page, handle: ReturnType<Page['locator']>, target: ReturnType<Page['locator']>, at = 0.75): Promise<void> {
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 12, { steps: 4 });
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * at, { steps: 12 });
  await page.waitForTimeout(100);
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * at + 1, { steps: 2 });
  await page.mouse.up();
}

/** Switches to the raw view and waits for Monaco to show the text. */
export async function openRaw(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Raw' }).click();
  await page.locator('.raw .monaco-editor .view-lines .view-line').first().waitFor();
}

/** The raw view's lines on screen, as text (Monaco draws spaces as no-break spaces). */
export async function rawLines(page: Page): Promise<string> {
  return (await page.locator('.raw .monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/** Puts the raw view's cursor at the end of a line, by Monaco's Go to Line (Ctrl+G). */
export async function rawGoToLineEnd(page: Page, line: number): Promise<void> {
  await page.locator('.raw .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
}

/** The preview frame's content. */
export const previewFrame = (page: Page) => page.getByRole('region', { name: 'Preview' }).frameLocator('iframe[title="Preview"]');

export function shot(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
