// gitStatus, readAtHead and commit against real git in temp folders: exactly the chosen
// files, the user's own identity, nothing of the user's index lost, clear refusals.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArgs } from '../../shared/api';
import type { GitRepoStatus } from '../../shared/api';
import { Workspace } from '../../electron/workspace/index';
import { git, gitWorkspace, headOf, isolatedEnv, makeRepos, porcelainOf, saveReply, TEST_ENV } from './gitRepos';
import { removeTemps, tempDir } from './tempSites';

afterAll(removeTemps);

const QUIET = '_books/20240318-the-quiet-compiler.md';
const TIDES = '_books/20240408-practical-tide-tables.md';

async function repoStatus(ws: Workspace): Promise<GitRepoStatus> {
  const s = await ws.gitStatus();
  if (!s.available) throw new Error(`git unavailable: ${s.message}`);
  return s;
}

describe('gitStatus', () => {
  it('gives the branch, the upstream, ahead/behind and the changed books, people and images of the site only', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    const clean = await repoStatus(ws);
    expect(clean).toMatchObject({ branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0, files: [], blocked: null });
    expect(clean.head).toBe(headOf(repos.editor).slice(0, 7));

    await saveReply(ws, QUIET);
    fs.writeFileSync(path.join(repos.site, 'images', 'new.png'), 'png');
    fs.rmSync(path.join(repos.site, '_people', 'mirasolberg.md'));
    fs.writeFileSync(path.join(repos.site, '_people', 'staged.md'), '---\ntitle: Staged\n---\n');
    git(repos.editor, 'add', '--', '_people/staged.md');
    fs.writeFileSync(path.join(repos.editor, 'README.md'), 'Not a site file.\n');
    const s = await repoStatus(ws);
    expect(s.files).toEqual([
      { path: '_books/20240318-the-quiet-compiler.md', kind: 'book', change: 'modified', staged: false },
      { path: '_people/mirasolberg.md', kind: 'person', change: 'deleted', staged: false },
      { path: '_people/staged.md', kind: 'person', change: 'added', staged: true },
      { path: 'images/new.png', kind: 'image', change: 'untracked', staged: false },
    ]);
  });

  it('counts ahead and behind as of the last fetch', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    await saveReply(ws, QUIET);
    expect((await ws.commit([QUIET], 'One of mine')).ok).toBe(true);
    fs.appendFileSync(path.join(repos.botSite, 'README.md'), 'bot\n');
    git(repos.bot, 'commit', '--quiet', '-am', 'The bot');
    git(repos.bot, 'push', '--quiet', 'origin', 'main');
    expect(await repoStatus(ws)).toMatchObject({ ahead: 1, behind: 0 });
    git(repos.editor, 'fetch', '--quiet');
    expect(await repoStatus(ws)).toMatchObject({ ahead: 1, behind: 1 });
  });
});

describe('commit', () => {
  it('commits exactly the chosen paths, touching only the edited lines, and leaves the rest of the index staged', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    await saveReply(ws, QUIET, 'Exactly this reply.');
    await saveReply(ws, TIDES);
    fs.appendFileSync(path.join(repos.editor, 'README.md'), 'staged by the user\n');
    git(repos.editor, 'add', 'README.md');
    const before = headOf(repos.editor);

    const result = await ws.commit([QUIET], 'The Quiet Compiler: add 1 reply');
    expect(result).toMatchObject({ ok: true, subject: 'The Quiet Compiler: add 1 reply', paths: [QUIET] });
    expect(headOf(repos.editor, 'HEAD~1')).toBe(before);
    expect(git(repos.editor, 'show', '--format=%an <%ae>', '--name-only', 'HEAD').trim().split('\n').filter(Boolean)).toEqual(['Editor <editor@example.com>', QUIET]);
    const diff = git(repos.editor, 'show', '--format=', '--unified=0', 'HEAD').split('\n').filter((l) => /^[+-](?![+-])/.test(l));
    expect(diff).toEqual(['+  - name: Editor', '+    text: Exactly this reply.']);
    // The user's staged file is still staged, the other book still changed and unstaged.
    expect(porcelainOf(repos.editor).split('\n').filter(Boolean).sort()).toEqual([' M _books/20240408-practical-tide-tables.md', 'M  README.md']);
    expect((await repoStatus(ws)).ahead).toBe(1);
  });

  it('commits a new book, a deleted person and a new image of a new folder', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    const book = await ws.newBook({ title: 'Fresh Book', authors: ['lenavoss'], week: '2024-06-05' });
    fs.rmSync(path.join(repos.site, '_people', 'jonasprill.md'));
    const cover = 'images/books/20240603-fresh-book/cover.jpg';
    fs.mkdirSync(path.join(repos.site, 'images/books/20240603-fresh-book'), { recursive: true });
    fs.writeFileSync(path.join(repos.site, cover), 'jpg');
    const result = await ws.commit([book.path, '_people/jonasprill.md', cover], 'Add Fresh Book');
    expect(result.ok).toBe(true);
    expect(git(repos.editor, 'show', '--format=', '--name-status', 'HEAD').trim().split('\n').sort()).toEqual([`A\t${book.path}`, `A\t${cover}`, 'D\t_people/jonasprill.md']);
    expect(porcelainOf(repos.editor)).toBe('');
  });

  it('refuses an empty message, an unchanged path, unsaved changes and errors that block saving, committing nothing', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    await saveReply(ws, QUIET);
    const head = headOf(repos.editor);
    expect(await ws.commit([QUIET], '  \n ')).toMatchObject({ ok: false, reason: 'empty-message' });
    expect(await ws.commit([QUIET, TIDES], 'x')).toMatchObject({ ok: false, reason: 'not-changed', paths: [TIDES] });

    // Unsaved: the editor's backup is newer than the file and differs from it.
    const file = await ws.readBook(QUIET);
    await ws.writeBackup(QUIET, `${file.text}unsaved\n`, file.fingerprint);
    const unsaved = await ws.commit([QUIET], 'x');
    expect(unsaved).toMatchObject({ ok: false, reason: 'unsaved-changes', paths: [QUIET] });
    expect(unsaved.message).toContain('save first');
    const saved = await ws.saveBook(QUIET, `${file.text}unsaved\n`, file.fingerprint);
    expect(saved.ok).toBe(true);

    // An error that blocks saving: end before start.
    const text = (await ws.readBook(TIDES)).text.replace('end: 2024-04-12 23:59:59', 'end: 2024-04-01 23:59:59');
    await ws.saveBook(TIDES, text, (await ws.readBook(TIDES)).fingerprint);
    const invalid = await ws.commit([QUIET, TIDES], 'x');
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid', paths: [TIDES] });
    expect(invalid.message).toMatch(/_books\/20240408-practical-tide-tables\.md:7:6: end \(2024-04-01 23:59:59\) is before start/);
    expect(headOf(repos.editor)).toBe(head);

    expect((await ws.commit([QUIET], 'Now it may')).ok).toBe(true);
  });

  it('counts a backup as unsaved work only when it is newer than the file (an older one is a leftover the editor offers back)', async () => {
    const repos = makeRepos();
    let clock = 1000;
    const ws = new Workspace(repos.site, { backupDir: tempDir(), now: () => clock, git: { env: TEST_ENV } });
    await saveReply(ws, QUIET);
    await ws.writeBackup(QUIET, 'a leftover from long ago\n', null);
    expect((await ws.commit([QUIET], 'With an old backup around')).ok).toBe(true);
    await saveReply(ws, QUIET, 'Another one.');
    clock = Date.now() + 60_000;
    await ws.writeBackup(QUIET, 'typed after the save\n', null);
    expect(await ws.commit([QUIET], 'x')).toMatchObject({ ok: false, reason: 'unsaved-changes' });
  });

  it('refuses paths that start with - or lead outside the site, before git runs', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    fs.writeFileSync(path.join(repos.site, '-n'), 'x');
    expect(() => checkArgs('commit', [['-n'], 'x'])).toThrow(/must not start with -|does not start with -/);
    expect(() => checkArgs('commit', [['../README.md'], 'x'])).toThrow(/site-relative/);
    expect(() => checkArgs('commit', [[], 'x'])).toThrow(/at least one path/);
    expect(() => checkArgs('readAtHead', ['--output=/tmp/x'])).toThrow();
    await expect(ws.commit(['-n'], 'x')).rejects.toThrow(/must not start with "-"/);
    await expect(ws.commit(['../README.md'], 'x')).rejects.toThrow(/leaves the site/);
    const outside = path.join(tempDir(), 'secret.md');
    fs.writeFileSync(outside, 'secret');
    fs.symlinkSync(outside, path.join(repos.site, 'images', 'out.md'));
    await expect(ws.commit(['images/out.md'], 'x')).rejects.toThrow(/outside the site/);
    await expect(ws.readAtHead('-n')).rejects.toThrow(/must not start with "-"/);
    expect(git(repos.editor, 'log', '--oneline').trim().split('\n')).toHaveLength(1);
  });

  it('takes a glob-looking name literally', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    fs.writeFileSync(path.join(repos.site, 'images', '*.png'), 'star');
    fs.writeFileSync(path.join(repos.site, 'images', 'other.png'), 'other');
    expect((await ws.commit(['images/*.png'], 'A star')).ok).toBe(true);
    expect(git(repos.editor, 'show', '--format=', '--name-only', 'HEAD').trim()).toBe('images/*.png');
    expect(porcelainOf(repos.editor)).toBe('?? images/other.png\n');
  });

  it('refuses without an identity and says how to set one (HOME empty, no identity in the environment)', async () => {
    const repos = makeRepos();
    git(repos.editor, 'config', '--unset', 'user.name');
    git(repos.editor, 'config', '--unset', 'user.email');
    const ws = new Workspace(repos.site, { backupDir: tempDir(), git: { env: isolatedEnv() } });
    await saveReply(ws, QUIET);
    const result = await ws.commit([QUIET], 'Who am I');
    expect(result).toMatchObject({ ok: false, reason: 'no-identity' });
    expect(result.message).toContain('git config --global user.name "Your Name"');
    expect(result.message).toContain('git config --global user.email');
    expect(git(repos.editor, 'log', '--oneline').trim().split('\n')).toHaveLength(1);
    // The same repository with an identity from the environment commits.
    const withEnv = new Workspace(repos.site, { backupDir: tempDir(), git: { env: isolatedEnv({ GIT_AUTHOR_NAME: 'Env', GIT_AUTHOR_EMAIL: 'env@example.com', GIT_COMMITTER_NAME: 'Env', GIT_COMMITTER_EMAIL: 'env@example.com' }) } });
    expect((await withEnv.commit([QUIET], 'Now I am')).ok).toBe(true);
    expect(git(repos.editor, 'log', '-1', '--format=%an').trim()).toBe('Env');
  });

  it('shows a failing pre-commit hook\'s output and loses nothing', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    const hook = path.join(repos.editor, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\necho "lint: the reply has a trailing space" >&2\nexit 1\n', { mode: 0o755 });
    await saveReply(ws, QUIET);
    fs.writeFileSync(path.join(repos.site, 'images', 'new.png'), 'png');
    fs.appendFileSync(path.join(repos.editor, 'README.md'), 'staged\n');
    git(repos.editor, 'add', 'README.md');
    const head = headOf(repos.editor);
    const before = porcelainOf(repos.editor);
    const index = git(repos.editor, 'ls-files', '--stage');
    const text = fs.readFileSync(path.join(repos.site, QUIET), 'utf8');

    const result = await ws.commit([QUIET, 'images/new.png'], 'Blocked by the hook');
    expect(result).toMatchObject({ ok: false, reason: 'hook-failed' });
    expect(result.message).toContain('pre-commit');
    if (!result.ok) expect(result.output).toContain('lint: the reply has a trailing space');
    expect(headOf(repos.editor)).toBe(head);
    expect(porcelainOf(repos.editor)).toBe(before);
    expect(git(repos.editor, 'ls-files', '--stage')).toBe(index);
    expect(fs.readFileSync(path.join(repos.site, QUIET), 'utf8')).toBe(text);
  });
});

describe('readAtHead', () => {
  it('gives the text at HEAD and on disk; null for a side that has no file; images as binary', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    const original = fs.readFileSync(path.join(repos.site, QUIET), 'utf8');
    await saveReply(ws, QUIET);
    const changed = await ws.readAtHead(QUIET);
    expect(changed.head).toBe(original);
    expect(changed.current).toBe(fs.readFileSync(path.join(repos.site, QUIET), 'utf8'));
    expect(changed.binary).toBe(false);
    const book = await ws.newBook({ title: 'Brand New', authors: ['lenavoss'], week: '2024-07-01' });
    expect(await ws.readAtHead(book.path)).toMatchObject({ head: null, current: book.text, binary: false });
    fs.rmSync(path.join(repos.site, TIDES));
    expect((await ws.readAtHead(TIDES)).current).toBeNull();
    expect(await ws.readAtHead('images/books/20240318-the-quiet-compiler/cover.jpg')).toMatchObject({ head: null, current: null, binary: true });
  });
});

describe('a site inside a folder of the repository', () => {
  it('speaks site-relative paths while git speaks repository paths', async () => {
    const repos = makeRepos('site');
    const ws = gitWorkspace(repos.site);
    await saveReply(ws, QUIET);
    fs.appendFileSync(path.join(repos.editor, 'README.md'), 'outside the site\n');
    const s = await repoStatus(ws);
    expect(s.files.map((f) => f.path)).toEqual([QUIET]);
    expect((await ws.readAtHead(QUIET)).head).toBe(git(repos.editor, 'show', `HEAD:site/${QUIET}`));
    expect((await ws.commit([QUIET], 'In a folder')).ok).toBe(true);
    expect(git(repos.editor, 'show', '--format=', '--name-only', 'HEAD').trim()).toBe(`site/${QUIET}`);
    expect(porcelainOf(repos.editor)).toBe(' M README.md\n');
  });
});
