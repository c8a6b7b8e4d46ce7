// End to end in Debian's Chromium through the built `serve` host, on real git: a bare "origin",
// the editor's clone (served), and a second clone playing the site's daily bot. Edit a book,
// save, open Changes, commit with the prefilled message, sync to the origin; the bot's commit
// comes in and the open book reloads.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, openBook, save, serveSite, shot } from './editorHarness';
import { botCommits, git, makeRepos, TEST_ENV } from '../electron/gitRepos';
import type { Repos } from '../electron/gitRepos';
import { tempDir } from '../electron/tempSites';

const BOOK = '_books/20240304-gardening-with-graphs.md';
const TITLE = /Gardening with Graphs/;

if (!hasChromium) console.warn('[e2e] /usr/bin/chromium is missing: git end-to-end tests skipped');

/** Serves `site` as `npm run serve` does, with git in the tests' isolated environment (the clone's own identity). */
const serve = (site: string) => serveSite(site, tempDir('book-editor-backups-'), TEST_ENV);

const thread = (page: Page, name: string) => page.getByRole('article', { name, exact: true });
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? document.activeElement?.tagName);

describe.skipIf(!hasChromium)('publishing through git in Chromium', () => {
  let repos: Repos;
  let host: ChildProcess;
  let url: string;
  let browser: Browser;
  beforeAll(async () => {
    repos = makeRepos();
    ({ url, host } = await serve(repos.site));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    host?.kill('SIGTERM');
  });

  it('edits, commits with the prefilled message, syncs to the origin, and brings the bot\'s commit in', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(url);
    const library = page.getByRole('navigation', { name: 'Library' });
    await library.getByRole('option', { name: TITLE }).waitFor();
    const status = page.locator('.status-git');
    await expect.poll(() => status.textContent()).toBe('main↑0 ↓0');

    // Edit and save: the library marks the book, the status bar counts the change.
    await openBook(page, TITLE);
    await thread(page, 'Thread 2 by Dana Whitfield').getByRole('button', { name: 'Add reply', exact: true }).click();
    await page.keyboard.type('Committed from the editor.');
    await save(page);
    const row = library.getByRole('option', { name: /Gardening with Graphs.*modified since the last commit/ });
    await row.waitFor();
    expect(await row.locator('.change-mark > [aria-hidden]').innerText()).toBe('M');
    expect(await library.locator('.change-mark').count()).toBe(1);
    await expect.poll(() => status.getAttribute('aria-label')).toMatch(/^Branch main; 0 commits to push, 0 to bring in from origin\/main; 1 changed file/);
    await page.screenshot({ path: shot('git-library-marks') });

    // The shortcut opens Changes with focus in the message, prefilled from the book's value at HEAD against now.
    const reply = thread(page, 'Thread 2 by Dana Whitfield').getByRole('article', { name: 'Reply 2 by Mira Solberg' }).getByLabel('Text');
    await reply.focus();
    await page.keyboard.press('Control+Shift+G');
    const dialog = page.getByRole('dialog', { name: 'Changes' });
    await dialog.waitFor();
    const message = dialog.getByLabel('Commit message');
    await expect.poll(() => message.inputValue()).toBe('Gardening with Graphs: add 1 reply');
    expect(await focusedLabel(page)).toBe('commit-message');
    expect(await dialog.getByRole('checkbox', { name: 'Commit Gardening with Graphs' }).isChecked()).toBe(true);
    // Monaco computes the diff after it shows the texts: the added lines, then the unchanged ones folded away.
    await dialog.locator('.monaco-diff-editor .line-insert').first().waitFor();
    await page.waitForTimeout(300);
    expect(await dialog.locator('.changes-branch').innerText()).toBe('On branch main: up to date with origin/main (as of the last fetch)');
    await page.screenshot({ path: shot('git-changes') });

    // Escape closes and gives the keyboard back to the field it came from; the toolbar button opens it too.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await reply.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('toolbar', { name: 'Book' }).getByRole('button', { name: 'Changes: 1 changed file' }).click();
    await dialog.waitFor();

    // Commit and sync: the commit lands on origin/main with that message and only the new lines.
    await dialog.getByRole('button', { name: 'Commit and sync' }).click();
    const outcome = dialog.locator('.changes-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.getAttribute('class')).toContain('ok');
    expect(await outcome.innerText()).toMatch(/Committed[\s\S]*Pushed 1 commit/);
    await page.screenshot({ path: shot('git-changes-pushed') });
    expect(git(repos.editor, 'log', 'origin/main', '-1', '--format=%s').trim()).toBe('Gardening with Graphs: add 1 reply');
    expect(git(repos.editor, 'show', '--format=', '--name-only', 'origin/main').trim()).toBe(BOOK);
    const lines = git(repos.editor, 'show', '--format=', '--unified=0', 'origin/main').split('\n').filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l));
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith('+'))).toBe(true);
    expect(lines.join('\n')).toMatch(/name: Mira Solberg\n\+\s+text: Committed from the editor\./);
    await dialog.getByText('Nothing to commit: the books, people and images are as in the last commit.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Commit', exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => library.locator('.change-mark').count()).toBe(0);

    // The bot commits to the same book elsewhere; Sync brings it in and the open, clean book reloads.
    git(repos.bot, 'pull', '--quiet', '--rebase');
    botCommits(repos, BOOK, (t) => t.replace(/^description: .*$/m, 'description: "Book of the Week, from the bot"'), 'Daily bot');
    await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect.poll(() => outcome.innerText(), { timeout: 60_000 }).toMatch(/Brought in 1 commit/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByLabel('Description').inputValue()).toBe('Book of the Week, from the bot');
    expect(fs.readFileSync(path.join(repos.site, BOOK), 'utf8')).toContain('Committed from the editor.');
    await expect.poll(() => status.textContent()).toBe('main↑0 ↓0');
    await context.close();
  });
});
