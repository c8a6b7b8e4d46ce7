// sync against a real bare origin with a second clone playing the daily bot: rebase and
// push, fast-forward, nothing to push, and the conflict that leaves everything as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SiteEvent } from '../../shared/api';
import type { Workspace } from '../../electron/workspace/index';
import { botCommits, git, gitWorkspace, headOf, makeRepos, oneCommitted, porcelainOf, saveReply } from './gitRepos';
import { removeTemps } from './tempSites';

afterAll(removeTemps);

const QUIET = '_books/20240318-the-quiet-compiler.md';
const TIDES = '_books/20240408-practical-tide-tables.md';
const GARDEN = '_books/20240304-gardening-with-graphs.md';

/** The events queued so far. */
async function eventsOf(ws: Workspace, from: number): Promise<SiteEvent[]> {
  return ws.events.next(from).then((b) => [...b.events]);
}

const fixTitle = (text: string) => text.replace('title: Small Data, Big Decisions', 'title: Small Data, Bigger Decisions');

describe('sync', () => {
  it('rebases the editor\'s commit onto the bot\'s and pushes: origin holds both, the editor\'s commit touches only its lines', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    await saveReply(ws, QUIET, 'Pushed through the editor.');
    expect((await ws.commit([QUIET], 'The Quiet Compiler: add 1 reply')).ok).toBe(true);
    botCommits(repos, '_books/20240422-small-data-big-decisions.md', fixTitle, 'Bot: fix a title');
    const cursor = ws.events.cursor;

    const result = await ws.sync();
    expect(result).toMatchObject({ ok: true, pushed: 1, broughtIn: 1, changedBooks: [{ path: '_books/20240422-small-data-big-decisions.md', title: 'Small Data, Bigger Decisions', change: 'modified' }] });
    expect(result.message).toBe('Brought in 1 commit from origin/main, changing Small Data, Bigger Decisions; your 1 commit now comes after it. Pushed 1 commit to origin/main.');
    expect(await eventsOf(ws, cursor)).toContainEqual({ kind: 'book-changed', path: '_books/20240422-small-data-big-decisions.md' });

    expect(git(repos.origin, 'log', '--format=%s', 'main').trim().split('\n')).toEqual(['The Quiet Compiler: add 1 reply', 'Bot: fix a title', 'The site as it was']);
    expect(headOf(repos.editor)).toBe(headOf(repos.origin, 'main'));
    const lines = git(repos.origin, 'show', '--format=', '--unified=0', 'main').split('\n').filter((l) => /^[+-](?![+-])/.test(l));
    expect(lines).toEqual(['+  - name: Editor', '+    text: Pushed through the editor.']);
    expect(fs.readFileSync(path.join(repos.site, '_books/20240422-small-data-big-decisions.md'), 'utf8')).toContain('Bigger Decisions');
    expect(await ws.gitStatus()).toMatchObject({ ahead: 0, behind: 0 });

    const again = await ws.sync();
    expect(again).toMatchObject({ ok: true, pushed: 0, broughtIn: 0, message: 'Already up to date with origin/main: nothing to push.' });
  });

  it('brings in the remote\'s commits by fast-forward when there is nothing to push, keeping uncommitted work', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    await saveReply(ws, QUIET, 'Not committed yet.');
    botCommits(repos, '_books/20240422-small-data-big-decisions.md', fixTitle, 'Bot: fix a title');
    botCommits(repos, '_books/20240601-bot-book.md', () => '---\ntitle: "From the Bot"\n---\n', 'Bot: a new book');
    const cursor = ws.events.cursor;
    const result = await ws.sync();
    expect(result).toMatchObject({ ok: true, pushed: 0, broughtIn: 2 });
    expect(result.message).toBe('Brought in 2 commits from origin/main, changing Small Data, Bigger Decisions and From the Bot. Nothing to push.');
    const events = await eventsOf(ws, cursor);
    expect(events).toContainEqual({ kind: 'book-added', path: '_books/20240601-bot-book.md' });
    expect(events).toContainEqual({ kind: 'book-changed', path: '_books/20240422-small-data-big-decisions.md' });
    expect(porcelainOf(repos.editor)).toBe(` M ${QUIET}\n`);
    expect(fs.readFileSync(path.join(repos.site, QUIET), 'utf8')).toContain('Not committed yet.');
  });

  it('rebases with uncommitted work in other files and puts it back, staged parts staged', async () => {
    const { repos, ws } = await oneCommitted(QUIET);
    await saveReply(ws, GARDEN, 'Still being written.');
    fs.writeFileSync(path.join(repos.site, 'images', 'draft.png'), 'draft');
    fs.appendFileSync(path.join(repos.editor, 'README.md'), 'staged\n');
    git(repos.editor, 'add', 'README.md');
    fs.appendFileSync(path.join(repos.editor, 'README.md'), 'and not staged\n');
    botCommits(repos, TIDES, (t) => t.replace('Data sets used in the book', 'The data sets'), 'Bot: a link');
    const result = await ws.sync();
    expect(result).toMatchObject({ ok: true, pushed: 1, broughtIn: 1 });
    expect(porcelainOf(repos.editor).split('\n').filter(Boolean).sort()).toEqual([` M ${GARDEN}`, '?? images/draft.png', 'MM README.md']);
    expect(git(repos.editor, 'diff', '--cached', '--unified=0', 'README.md').split('\n').filter((l) => /^\+(?!\+)/.test(l))).toEqual(['+staged']);
    expect(fs.readFileSync(path.join(repos.site, GARDEN), 'utf8')).toContain('Still being written.');
    expect(git(repos.editor, 'stash', 'list')).toBe('');
  });

  it('stops on a conflict naming the file and lines: the rebase is aborted, the local commit and the working tree exactly as they were', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    const book = path.join(repos.site, QUIET);
    const edit = (from: string, to: string) => async () => {
      const file = await ws.readBook(QUIET);
      expect((await ws.saveBook(QUIET, file.text.replace(from, to), file.fingerprint)).ok).toBe(true);
    };
    await edit('Which language do the examples use?', 'Which language do the examples use, and why?')();
    expect((await ws.commit([QUIET], 'Mine')).ok).toBe(true);
    await saveReply(ws, GARDEN, 'Uncommitted and elsewhere.');
    fs.appendFileSync(path.join(repos.editor, 'README.md'), 'staged\n');
    git(repos.editor, 'add', 'README.md');
    botCommits(repos, QUIET, (t) => t.replace('Which language do the examples use?', 'Which programming language do the examples use?'), 'Bot: same line');
    const head = headOf(repos.editor);
    const status = porcelainOf(repos.editor);
    const text = fs.readFileSync(book, 'utf8');
    const originHead = headOf(repos.origin, 'main');

    const result = await ws.sync();
    expect(result).toMatchObject({ ok: false, reason: 'conflict', pushed: 0 });
    if (result.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('Which language do the examples use, and why?')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(result.conflicts).toEqual([{ path: QUIET, yours: [{ from: line, to: line }], theirs: [{ from: line, to: line }], message: `${QUIET}: your line ${line} and the remote's line ${line}` }]);
    expect(result.message).toContain(`${QUIET}: your line ${line} and the remote's line ${line}`);
    expect(result.message).toContain('The rebase was undone');
    expect(headOf(repos.editor)).toBe(head);
    expect(git(repos.editor, 'log', '-1', '--format=%s').trim()).toBe('Mine');
    expect(porcelainOf(repos.editor)).toBe(status);
    expect(status).toContain('M  README.md');
    expect(fs.readFileSync(book, 'utf8')).toBe(text);
    expect(fs.existsSync(path.join(repos.editor, '.git', 'rebase-merge'))).toBe(false);
    expect(git(repos.editor, 'stash', 'list')).toBe('');
    expect(headOf(repos.origin, 'main')).toBe(originHead);
    expect(await ws.gitStatus()).toMatchObject({ blocked: null, ahead: 1, behind: 1 });
  });

  it('refuses when uncommitted changes touch a file the remote changed, changing nothing', async () => {
    const { repos, ws } = await oneCommitted(QUIET);
    await saveReply(ws, TIDES, 'Uncommitted.');
    botCommits(repos, TIDES, (t) => t.replace('Data sets used in the book', 'The data sets'), 'Bot: a link');
    const head = headOf(repos.editor);
    const status = porcelainOf(repos.editor);
    const result = await ws.sync();
    expect(result).toMatchObject({ ok: false, reason: 'local-changes', pushed: 0, broughtIn: 0 });
    expect(result.message).toContain(TIDES);
    expect(headOf(repos.editor)).toBe(head);
    expect(porcelainOf(repos.editor)).toBe(status);
  });

  it('says so when the branch has no upstream', async () => {
    const repos = makeRepos();
    git(repos.editor, 'switch', '--quiet', '-c', 'draft');
    const result = await gitWorkspace(repos.site).sync();
    expect(result).toMatchObject({ ok: false, reason: 'no-upstream' });
    expect(result.message).toContain('git push -u origin draft');
    git(repos.editor, 'switch', '--quiet', 'main');
    git(repos.editor, 'config', 'branch.main.merge', 'refs/heads/gone');
    expect(await gitWorkspace(repos.site).sync()).toMatchObject({ ok: false, reason: 'no-upstream' });
  });

  it('reports a push the remote refuses, keeping the commits', async () => {
    const repos = makeRepos();
    fs.writeFileSync(path.join(repos.origin, 'hooks', 'pre-receive'), '#!/bin/sh\necho "main is protected" >&2\nexit 1\n', { mode: 0o755 });
    const ws = gitWorkspace(repos.site);
    await saveReply(ws, QUIET, 'Refused.');
    expect((await ws.commit([QUIET], 'Mine')).ok).toBe(true);
    const head = headOf(repos.editor);
    const result = await ws.sync();
    expect(result).toMatchObject({ ok: false, reason: 'push-rejected', pushed: 0 });
    if (!result.ok) expect(result.output).toContain('main is protected');
    expect(headOf(repos.editor)).toBe(head);
    expect(await ws.gitStatus()).toMatchObject({ ahead: 1 });
  });
});
