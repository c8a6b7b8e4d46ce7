// @vitest-environment jsdom
// Git in the editor on a fake API: the library's marks, the branch in the status bar, and the
// Changes view (checkboxes, the prefilled message, Commit, Commit and sync, Sync, progress,
// results and errors in words, unsaved work, focus). Real git runs in tests/e2e/git.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { CommitResult, FileAtHead, GitFileChange, GitRepoStatus, SyncResult } from '../../shared/api';
import { openEditor } from './render';
import { fakeApi, PEOPLE, SMALL_BOOK, SMALL_PATH } from './fakeApi';
import type { FakeApi } from './fakeApi';

vi.mock('../../renderer/src/review/DiffView', async () => ({ default: (await import('./fakeMonaco')).FakeDiffView }));

afterEach(cleanup);

const OTHER_PATH = '_books/20240311-second-harvest.md';
const OTHER = SMALL_BOOK.replace('Gardening with Graphs', 'Second Harvest').replace('2024-03-04', '2024-03-11').replace('2024-03-08', '2024-03-15');
const COVER = 'images/books/20240304-gardening-with-graphs/cover.jpg';
/** The open book as it was at the last commit: one reply fewer in its first thread. */
const HEAD_TEXT = SMALL_BOOK.replace('      - name: Tino\n        text: "Thanks!"\n', '');

interface GitFake {
  status: GitRepoStatus;
  commits: { paths: string[]; message: string }[];
  commit: (paths: string[], message: string) => Promise<CommitResult>;
  sync: () => Promise<SyncResult>;
  statusCalls: number;
}

const repo = (files: GitFileChange[], more: Partial<GitRepoStatus> = {}): GitRepoStatus => ({ available: true, branch: 'main', head: 'abc1234', upstream: 'origin/main', ahead: 0, behind: 0, files, blocked: null, ...more });
const FILES: GitFileChange[] = [
  { path: COVER, kind: 'image', change: 'modified', staged: false },
  { path: SMALL_PATH, kind: 'book', change: 'modified', staged: false },
  { path: OTHER_PATH, kind: 'book', change: 'untracked', staged: false },
];

/** A fake API with git behind it: the status given, texts at HEAD, and commit and sync that the test can replace. */
function withGit(status: GitRepoStatus): { api: FakeApi; git: GitFake } {
  const api = fakeApi({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER }, { people: PEOPLE });
  const git: GitFake = {
    status,
    commits: [],
    statusCalls: 0,
    commit: async (paths, message) => {
      git.commits.push({ paths, message });
      git.status = { ...git.status, ahead: git.status.ahead + 1, files: git.status.files.filter((f) => !paths.includes(f.path)) };
      return { ok: true, commit: 'def5678', subject: message.split('\n')[0]!, paths, message: `Committed ${paths.length} files as def5678: ${message.split('\n')[0]}` };
    },
    sync: async () => ({ ok: true, message: 'Pushed 1 commit to origin/main.', pushed: 1, broughtIn: 0, changedBooks: [] }),
  };
  Object.assign(api, {
    gitStatus: async () => {
      git.statusCalls++;
      return { ...git.status };
    },
    readAtHead: async (path: string): Promise<FileAtHead> => ({ path, head: path === SMALL_PATH ? HEAD_TEXT : null, current: path.endsWith('.md') ? (api.files.get(path) ?? null) : null, binary: !path.endsWith('.md') }),
    commit: (paths: string[], message: string) => git.commit(paths, message),
    sync: () => git.sync(),
  });
  return { api, git };
}

async function openChanges(user: Awaited<ReturnType<typeof openEditor>>['user']) {
  await user.keyboard('{Control>}{Shift>}g{/Shift}{/Control}');
  const dialog = await screen.findByRole('dialog', { name: 'Changes' });
  return dialog;
}
const messageBox = () => screen.getByLabelText('Commit message') as HTMLTextAreaElement;

describe('the library and the status bar', () => {
  it('mark books changed since the last commit, in words, and show the branch with ahead and behind', async () => {
    const { api } = withGit(repo(FILES, { ahead: 2, behind: 1 }));
    await openEditor({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER }, api);
    const library = screen.getByRole('navigation', { name: 'Library' });
    expect(await within(library).findByRole('option', { name: /^Gardening with Graphs , modified since the last commit 4–8 Mar 2024/ })).toBeTruthy();
    expect(within(library).getByRole('option', { name: /^Second Harvest , new since the last commit/ })).toBeTruthy();
    const branch = screen.getByRole('button', { name: /^Branch main;/ });
    expect(branch.getAttribute('aria-label')).toBe('Branch main; 2 commits to push, 1 to bring in from origin/main; 3 changed files. Open Changes (Ctrl+Shift+G).');
    expect(branch.textContent).toBe('main↑2 ↓1');
    expect(screen.getByRole('button', { name: 'Changes: 3 changed files' })).toBeTruthy();
  });

  it('hide the git features without git, and say why', async () => {
    const { user, store } = await openEditor();
    expect(screen.queryByRole('button', { name: /^Changes/ })).toBeNull();
    const off = await screen.findByRole('button', { name: 'Git features are off: The fake API has no git.' });
    expect(screen.getByRole('navigation', { name: 'Library' }).querySelector('.change-mark')).toBeNull();
    await user.keyboard('{Control>}{Shift>}g{/Shift}{/Control}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(off);
    expect(store.get().ui.notice?.text).toBe('The fake API has no git.');
  });

  it('show a blocked state, and the view refuses to commit or sync with the reason', async () => {
    const message = 'A rebase is in progress: finish it (git rebase --continue) or abort it (git rebase --abort) in a terminal first.';
    const { api } = withGit(repo(FILES, { blocked: { reason: 'rebase-in-progress', message } }));
    const { user } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER }, api);
    expect(screen.getByRole('button', { name: /^Branch main;/ }).textContent).toContain('rebase in progress');
    const dialog = await openChanges(user);
    expect(within(dialog).getByRole('alert').textContent).toBe(message);
    for (const name of ['Commit', 'Commit and sync', 'Sync']) expect((within(dialog).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the Changes view', () => {
  it('checks the open book and its images, prefills the message from the values, and commits exactly those files', async () => {
    const { api, git } = withGit(repo(FILES));
    const { user } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER }, api);
    const opener = screen.getByRole('button', { name: 'Changes: 3 changed files' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Changes' });
    expect((within(dialog).getByRole('checkbox', { name: 'Commit Gardening with Graphs' }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('checkbox', { name: `Commit ${COVER}` }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('checkbox', { name: 'Commit Second Harvest' }) as HTMLInputElement).checked).toBe(false);
    await waitFor(() => expect(messageBox().value).toBe('Gardening with Graphs: add 1 reply, change the cover image'));
    expect(document.activeElement).toBe(messageBox());
    // The diff of the open book against HEAD.
    expect(within(dialog).getByTestId('diff').textContent).toBe(`${HEAD_TEXT}\n=====\n${SMALL_BOOK}`);

    // Checking another file changes the prefilled message; showing it changes the diff.
    await user.click(within(dialog).getByRole('checkbox', { name: 'Commit Second Harvest' }));
    // Too long for one line: a subject that counts, and a line per book.
    await waitFor(() => expect(messageBox().value).toBe('Add 1 book, update 1 book\n\nGardening with Graphs: add 1 reply, change the cover image\nAdd Second Harvest'));
    await user.click(within(dialog).getByRole('button', { name: 'Show the changes of Second Harvest, new since the last commit' }));
    await waitFor(() => expect(within(dialog).getByTestId('diff').textContent).toBe(`\n=====\n${OTHER}`));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Commit Second Harvest' }));

    // A message of the user's own stays; the suggestion is one click away.
    await user.clear(messageBox());
    await user.type(messageBox(), 'My words');
    await user.click(within(dialog).getByRole('checkbox', { name: `Commit ${COVER}` }));
    expect(messageBox().value).toBe('My words');
    await user.click(within(dialog).getByRole('button', { name: 'Use the suggested message' }));
    expect(messageBox().value).toBe('Gardening with Graphs: add 1 reply');
    await user.click(within(dialog).getByRole('checkbox', { name: `Commit ${COVER}` }));
    await waitFor(() => expect(messageBox().value).toBe('Gardening with Graphs: add 1 reply, change the cover image'));

    const before = git.statusCalls;
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    expect(git.commits).toEqual([{ paths: [COVER, SMALL_PATH], message: 'Gardening with Graphs: add 1 reply, change the cover image' }]);
    await within(dialog).findByText('Committed 2 files as def5678: Gardening with Graphs: add 1 reply, change the cover image');
    // The keyboard goes to the result (the Commit button is disabled now: nothing is checked).
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Committed 2 files as def5678: Gardening with Graphs: add 1 reply, change the cover image'));
    // The list, the marks and the branch follow.
    expect(git.statusCalls).toBeGreaterThan(before);
    await waitFor(() => expect(within(dialog).queryByRole('checkbox', { name: 'Commit Gardening with Graphs' })).toBeNull());
    expect(screen.getByRole('button', { name: /^Branch main;/ }).textContent).toBe('main↑1 ↓0');
    expect(within(screen.getByRole('navigation', { name: 'Library' })).queryByRole('option', { name: /Gardening with Graphs , modified/ })).toBeNull();

    // Escape closes, and the keyboard goes back to the button that opened it.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('shows progress while git runs, with the buttons disabled', async () => {
    const { api, git } = withGit(repo(FILES));
    let finish: (r: CommitResult) => void = () => undefined;
    git.commit = () => new Promise((r) => (finish = r));
    const { user } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER }, api);
    const dialog = await openChanges(user);
    await waitFor(() => expect(messageBox().value).not.toBe(''));
    await user.click(within(dialog).getByRole('button', { name: 'Commit and sync' }));
    expect(within(dialog).getByText('Committing, then syncing…')).toBeTruthy();
    for (const name of ['Commit', 'Commit and sync', 'Sync']) expect((within(dialog).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    finish({ ok: false, reason: 'hook-failed', message: 'The pre-commit hook refused the commit: nothing was committed, and your files are as they were.', paths: [], output: 'lint: trailing space in _books/x.md\n' });
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The pre-commit hook refused the commit');
    expect(within(alert).getByText('Git’s output').closest('details')!.textContent).toContain('lint: trailing space in _books/x.md');
    expect((within(dialog).getByRole('button', { name: 'Commit and sync' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('lists the conflicts of a sync with their files and lines', async () => {
    const { api, git } = withGit(repo([], { ahead: 1 }));
    git.sync = async () => ({
      ok: false, reason: 'conflict', message: 'Your commit and the remote’s change the same lines: nothing was changed.', output: 'CONFLICT (content): Merge conflict in _books/x.md', hint: 'Bring the remote’s change in by hand, then sync again.',
      conflicts: [{ path: SMALL_PATH, yours: [{ from: 12, to: 14 }], theirs: [{ from: 12, to: 15 }], message: 'your lines 12–14 and the remote’s lines 12–15 change the same part' }],
      pushed: 0, broughtIn: 0, changedBooks: [],
    });
    const { user } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER }, api);
    const dialog = await openChanges(user);
    expect(within(dialog).getByText('Nothing to commit: the books, people and images are as in the last commit.')).toBeTruthy();
    expect(within(dialog).getByText('On branch main: 1 commit to push (as of the last fetch)')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Sync' }));
    const conflicts = await within(dialog).findByRole('list', { name: 'Conflicts' });
    expect(conflicts.textContent).toBe(`${SMALL_PATH}: your lines 12–14 and the remote’s lines 12–15 change the same part`);
    expect(within(dialog).getByRole('alert').textContent).toContain('Bring the remote’s change in by hand');
  });

  it('reloads the open clean book when sync brings in a change to it', async () => {
    const { api, git } = withGit(repo([], { behind: 1 }));
    const theirs = SMALL_BOOK.replace('"Which soil?"', '"Which soil, and when?"');
    git.sync = async () => {
      api.writeOnDisk(SMALL_PATH, theirs);
      return { ok: true, message: 'Brought in 1 commit (Gardening with Graphs). Nothing to push.', pushed: 0, broughtIn: 1, changedBooks: [{ path: SMALL_PATH, title: 'Gardening with Graphs', change: 'modified' }] };
    };
    const { user, store } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER }, api);
    const dialog = await openChanges(user);
    await user.click(within(dialog).getByRole('button', { name: 'Sync' }));
    await within(dialog).findByText('Brought in 1 commit (Gardening with Graphs). Nothing to push.');
    expect(store.get().book!.doc.text).toBe(theirs);
    expect(store.get().book!.savedText).toBe(theirs);
  });

  it('refuses to commit an unsaved open book, and saves it first on request', async () => {
    const { api, git } = withGit(repo(FILES));
    const { user, store } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER }, api);
    await user.type(screen.getByLabelText('Title'), '!');
    const dialog = await openChanges(user);
    const banner = within(dialog).getByRole('alert');
    expect(banner.textContent).toContain('“Gardening with Graphs” has unsaved changes. A commit takes the file as it is on disk, so it is refused until you save.');
    expect((within(dialog).getByRole('button', { name: 'Commit' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByText(/^Save the open book first/)).toBeTruthy();
    await user.click(within(banner).getByRole('button', { name: 'Save now' }));
    await waitFor(() => expect(api.saves.map((s) => s.path)).toEqual([SMALL_PATH]));
    await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull());
    await waitFor(() => expect(messageBox().value).toBe('Gardening with Graphs!: add 1 reply, fix the title, change the cover image'));
    await user.click(within(dialog).getByRole('button', { name: 'Commit' }));
    expect(git.commits.map((c) => c.paths)).toEqual([[COVER, SMALL_PATH]]);
    expect(store.get().book!.doc.text).toContain('title: "Gardening with Graphs!"');
  });
});
