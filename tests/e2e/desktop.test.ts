// The desktop app itself, launched with Playwright's Electron support (playwright-core's `_electron`): its
// window on app://, a menu command, Save from the menu, the close prompt, and an external link handed to the
// system browser. It runs wherever Electron's binary is installed; where it is not (no network at install, or
// ELECTRON_SKIP_BINARY_DOWNLOAD=1), it is skipped with the reason printed. On Linux it needs a display
// (`xvfb-run npm test` on a machine without one).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { CONTENT, ROOT } from './editorHarness';

/**
 * Electron's binary, found as `require('electron')` finds it (node_modules/electron/path.txt names it under
 * dist/), without requiring the package: this version's index.js starts a download when the binary is missing.
 */
function electronBinary(): { path: string } | { reason: string } {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  if (!fs.existsSync(dir)) return { reason: 'the electron package is not installed' };
  const pathFile = path.join(dir, 'path.txt');
  const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron') : name ? path.join(dir, 'dist', name) : '';
  if (!bin || !fs.existsSync(bin)) return { reason: `Electron's binary is not installed (${bin || `${pathFile} is missing`}); \`npm install electron\` without ELECTRON_SKIP_BINARY_DOWNLOAD fetches it` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'no display to open a window on (run under xvfb-run)' };
  return { path: bin };
}

const found = electronBinary();
if ('reason' in found) console.warn(`[e2e] desktop app tests skipped: ${found.reason}`);

const BOOK = '_books/20240304-gardening-with-graphs.md';
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=e2e@example.com', '-c', 'user.name=e2e', ...args], { cwd, encoding: 'utf8' });

describe.skipIf('reason' in found)('the desktop app (Electron)', () => {
  let tmp: string;
  let site: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'book-editor-electron-')));
    site = path.join(tmp, 'site');
    fs.cpSync(CONTENT, site, { recursive: true });
    git(site, 'init', '-q');
    git(site, 'add', '-A');
    git(site, 'commit', '-qm', 'site');
    app = await _electron.launch({
      executablePath: (found as { path: string }).path,
      args: [ROOT, `--user-data-dir=${path.join(tmp, 'user')}`, site],
      cwd: ROOT,
      env: { ...process.env, XDG_STATE_HOME: path.join(tmp, 'state'), ELECTRON_DISABLE_SECURITY_WARNINGS: '1' },
    });
    page = await app.firstWindow();
    // Record what the main process would show or open instead of showing it.
    await app.evaluate(({ dialog, shell }) => {
      const g = globalThis as unknown as { prompts: string[]; answer: number; opened: string[] };
      g.prompts = [];
      g.answer = 2;
      g.opened = [];
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = args.find((a) => typeof a === 'object' && a !== null && 'message' in a) as { message: string };
        g.prompts.push(options.message);
        return { response: g.answer, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
      shell.openExternal = async (url: string) => {
        g.opened.push(url);
      };
    });
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const menuClick = (id: string) => app.evaluate(({ Menu }, id) => Menu.getApplicationMenu()!.getMenuItemById(id)!.click(), id);
  const recorded = () => app.evaluate(() => globalThis as unknown as { prompts: string[]; opened: string[] }).then((g) => ({ prompts: g.prompts, opened: g.opened }));

  it('opens the site in a hardened window on app://', async () => {
    expect(page.url()).toMatch(/^app:\/\//);
    await page.getByRole('option', { name: /Gardening with Graphs/ }).waitFor();
    // No Node in the page: only the preload's contract.
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  });

  it('runs a menu command and saves from the menu', async () => {
    await page.getByRole('option', { name: /Gardening with Graphs/ }).click();
    await page.getByRole('article', { name: /^Thread 1 by/ }).waitFor();
    await menuClick('command.view.raw');
    await expect.poll(() => page.getByRole('tab', { name: 'Raw' }).getAttribute('aria-selected')).toBe('true');
    await menuClick('command.view.form');
    await page.getByLabel('Title', { exact: true }).fill('Gardening with Graphs, desktop edition');
    await menuClick('command.save');
    await page.locator('.status-state', { hasText: /^Saved$/ }).waitFor();
    expect(fs.readFileSync(path.join(site, BOOK), 'utf8')).toContain('title: "Gardening with Graphs, desktop edition"');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle())).not.toMatch(/●/);
  });

  it('hands an http(s) link of the preview to the system browser', async () => {
    const frame = page.getByRole('region', { name: 'Preview' }).frameLocator('iframe[title="Preview"]');
    await frame.getByRole('link', { name: /Book.s page/ }).click();
    await expect.poll(async () => (await recorded()).opened).toEqual(['https://example.com/books/gardening-with-graphs']);
    expect(page.url()).toMatch(/^app:\/\//);
  });

  it('asks before closing with unsaved changes, and Cancel keeps the window and the changes', async () => {
    await page.getByLabel('Title', { exact: true }).fill('Unsaved title');
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle())).toMatch(/●/);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect.poll(async () => (await recorded()).prompts.length).toBe(1);
    expect((await recorded()).prompts[0]).toMatch(/^Save the changes to .* before closing\?$/);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Unsaved title');
    expect(fs.readFileSync(path.join(site, BOOK), 'utf8')).not.toContain('Unsaved title');
  });
});
