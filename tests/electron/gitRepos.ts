// Real git repositories in temp folders for the git tests: a bare "origin", the editor's
// clone and a second clone playing the site's daily bot. Git runs with a HOME and a global
// config of its own (empty), so the machine's git configuration never leaks in; each clone
// sets its identity in its own config.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { addReply, openBook } from '../../shared/index';
import { Workspace } from '../../electron/workspace/index';
import type { GitOptions } from '../../electron/workspace/git/runGit';
import { CONTENT, tempDir } from './tempSites';

/** A git environment with no identity and no global or system config: HOME is an empty temp folder. */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = tempDir('book-editor-home-');
  fs.writeFileSync(path.join(home, '.gitconfig'), '');
  return { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'), ...extra };
}

const ENV = isolatedEnv();

/** Runs git in `cwd` (the tests' own setup, not the code under test); returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs git and returns its exit code and output, without throwing. */
export function gitTry(cwd: string, ...args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: git(cwd, ...args) };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { code: err.status ?? 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Sets a clone's identity in its own config. */
export function identify(repo: string, name: string): void {
  git(repo, 'config', 'user.name', name);
  git(repo, 'config', 'user.email', `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`);
}

/** The three repositories of a test. `site` and `botSite` are the site folders inside the clones. */
export interface Repos {
  readonly origin: string;
  readonly editor: string;
  readonly bot: string;
  readonly site: string;
  readonly botSite: string;
}

/** A bare origin holding the sample site (at the top, or in `subfolder`), and two clones with identities. */
export function makeRepos(subfolder = ''): Repos {
  const dir = tempDir('book-editor-git-');
  const seed = path.join(dir, 'seed');
  git(dir, 'init', '--quiet', '--initial-branch=main', seed);
  identify(seed, 'Seed');
  const seedSite = path.join(seed, subfolder);
  for (const f of ['_books', '_people', 'images']) fs.cpSync(path.join(CONTENT, f), path.join(seedSite, f), { recursive: true });
  fs.writeFileSync(path.join(seed, 'README.md'), 'The site.\n');
  git(seed, 'add', '--all');
  git(seed, 'commit', '--quiet', '-m', 'The site as it was');
  const origin = path.join(dir, 'origin.git');
  git(dir, 'clone', '--quiet', '--bare', seed, origin);
  const clone = (name: string, who: string) => {
    const at = path.join(dir, name);
    git(dir, 'clone', '--quiet', origin, at);
    identify(at, who);
    return at;
  };
  const editor = clone('editor', 'Editor');
  const bot = clone('bot', 'Daily Bot');
  return { origin, editor, bot, site: path.join(editor, subfolder), botSite: path.join(bot, subfolder) };
}

/** A workspace on `site` whose git runs in the isolated environment. */
export function gitWorkspace(site: string, git: GitOptions = {}): Workspace {
  return new Workspace(site, { backupDir: tempDir(), git: { env: ENV, ...git } });
}

/** The environment the tests' git runs in. */
export const TEST_ENV = ENV;

/** A clone's `git status --porcelain` (what a person would see), for before/after comparisons. */
export const porcelainOf = (repo: string): string => git(repo, 'status', '--porcelain=v1', '--untracked-files=all');

/** The commit id HEAD names. */
export const headOf = (repo: string, ref = 'HEAD'): string => git(repo, 'rev-parse', ref).trim();

/** The bot edits a file of its clone, commits and pushes. */
export function botCommits(repos: Repos, rel: string, edit: (text: string) => string, message: string): void {
  const file = path.join(repos.botSite, rel);
  fs.writeFileSync(file, edit(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''));
  git(repos.bot, 'add', '--', file);
  git(repos.bot, 'commit', '--quiet', '-m', message);
  git(repos.bot, 'push', '--quiet', 'origin', 'main');
}

/** Adds a reply to the first thread of a book through the core and saves it through the workspace, as the editor does. */
export async function saveReply(ws: Workspace, book: string, text = 'A new reply.'): Promise<void> {
  const file = await ws.readBook(book);
  const saved = await ws.saveBook(book, addReply(openBook(file.text), 0, { name: 'Editor', text }).text, file.fingerprint);
  expect(saved.ok).toBe(true);
}

/** Repositories whose editor clone has one commit of its own (a reply in `book`), not pushed. */
export async function oneCommitted(book: string) {
  const repos = makeRepos();
  const ws = gitWorkspace(repos.site);
  await saveReply(ws, book, 'Committed.');
  expect((await ws.commit([book], 'Mine')).ok).toBe(true);
  return { repos, ws };
}

/** The editor and the bot each commit a different README: the editor's clone has fetched, and the two have diverged. */
export function diverge(repos: Repos): void {
  fs.writeFileSync(path.join(repos.editor, 'README.md'), 'mine\n');
  git(repos.editor, 'commit', '--quiet', '-am', 'Mine');
  fs.writeFileSync(path.join(repos.bot, 'README.md'), 'theirs\n');
  git(repos.bot, 'commit', '--quiet', '-am', 'Theirs');
  git(repos.bot, 'push', '--quiet', 'origin', 'main');
  git(repos.editor, 'fetch', '--quiet');
}
