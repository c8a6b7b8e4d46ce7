// @vitest-environment jsdom
// Issue 15's first-hour fixes in the editor on a fake API: each test failed before its fix.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/app/App';
import { createEditorStore } from '../../renderer/src/store/editorStore';
import { fakeApi, PEOPLE, SMALL_BOOK, SMALL_PATH } from './fakeApi';
import { openEditor } from './render';
import { createHttpClient, UNREACHABLE } from '../../renderer/src/api/httpClient';
import type { BookApi } from '../../shared/api';

vi.mock('../../renderer/src/raw/RawEditor', async () => ({ default: (await import('./fakeMonaco')).FakeRawEditor }));

afterEach(cleanup);

const OTHER_PATH = '_books/20240318-the-quiet-compiler.md';
const OTHER = SMALL_BOOK.replace('Gardening with Graphs', 'The Quiet Compiler').replace(/2024-03-0(\d)/g, '2024-03-1$1');

describe('the first hour', () => {
  it('the Recover dialog focuses Restore, so Enter never throws the backup away', async () => {
    const api = fakeApi({ [SMALL_PATH]: SMALL_BOOK }, { people: PEOPLE, backups: [{ path: SMALL_PATH, text: SMALL_BOOK.replace('Graphs', 'Graphs?'), base: null, savedAt: Date.now() }] });
    const store = createEditorStore();
    const user = userEvent.setup();
    render(<App api={api} store={store} />);
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved work' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: `Restore ${SMALL_PATH}` }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(store.get().book?.doc.text).toContain('Graphs?'));
    expect(api.backups.size).toBe(1);
  });

  it('Ctrl+P selects the old query, so typing replaces it', async () => {
    const { user } = await openEditor();
    const search = screen.getByRole('searchbox', { name: 'Search books' });
    await user.type(search, 'garden');
    await user.click(screen.getAllByLabelText('Title')[0]!);
    await user.keyboard('{Control>}p{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(search));
    await user.keyboard('quiet');
    expect((search as HTMLInputElement).value).toBe('quiet');
  });

  it('shows the connection to the host in the status bar, turns Save off with the reason while it is gone, and back on', async () => {
    const api = fakeApi({ [SMALL_PATH]: SMALL_BOOK }, { people: PEOPLE });
    let down = false;
    const poll = api.nextEvents.bind(api);
    const gone = () => Promise.reject(new Error(UNREACHABLE));
    api.nextEvents = async (cursor) => {
      if (down) return gone();
      const batch = await poll(cursor);
      return down ? gone() : batch;
    };
    const { user, store } = await openEditor(undefined, api);
    const status = await screen.findByText('Connected');
    expect(status.closest('.status-connection')).toBeTruthy();
    await user.type(screen.getAllByLabelText('Title')[0]!, '!');
    const saveButton = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(saveButton.disabled).toBe(false);
    down = true;
    api.push({ kind: 'people-changed' });
    const lost = await screen.findByText('Host not reachable: Save is off');
    expect(lost.closest('.status-connection')!.getAttribute('title')).toBe(UNREACHABLE);
    expect(saveButton.disabled).toBe(true);
    expect(saveButton.getAttribute('aria-describedby')).toBe('status-connection');
    expect(store.get().ui.notice?.text).toBe(UNREACHABLE);
    await user.keyboard('{Control>}s{/Control}');
    expect(api.saves).toHaveLength(0);
    down = false;
    await screen.findByText('Connected', undefined, { timeout: 4000 });
    expect(saveButton.disabled).toBe(false);
  });

  it('a call to a host that is gone says so in words, not "Failed to fetch"', async () => {
    const client: BookApi = createHttpClient('token', 'http://127.0.0.1:9');
    await expect(client.saveBook(SMALL_PATH, SMALL_BOOK, null)).rejects.toThrow(/^The editor's host is not reachable/);
  });

  it('counts the same warnings in the form, the problems list and the status bar (a book whose cover and preview card are not made yet)', async () => {
    const book = SMALL_BOOK.replace('image: "images/books/20240304-gardening-with-graphs/cover.jpg"', 'image: "images/books/20240304-gardening-with-graphs/preview.jpg"');
    const { user, view } = await openEditor({ [SMALL_PATH]: book });
    // Both files were asked about, and neither is there.
    await waitFor(() => expect(view.container.querySelectorAll('.thumb-missing')).toHaveLength(2));
    const status = screen.getByRole('button', { name: /^Problems: / });
    const warnings = Number(/(\d+) warnings?/.exec(status.getAttribute('aria-label')!)![1]);
    expect(warnings).toBeGreaterThan(0);
    expect(view.container.querySelectorAll('.editor .msg-warning, .pane-editor .msg-warning').length).toBe(warnings);
    // The card's missing file is said by its state (with Make preview image), not as a second warning.
    expect(screen.getByText(/The file images\/books\/20240304-gardening-with-graphs\/preview\.jpg does not exist in the site\./)).toBeTruthy();
    await user.click(status);
    const problems = await screen.findByRole('region', { name: 'Problems' });
    expect(within(problems).getAllByRole('button').filter((b) => /problem-warning/.test(b.className))).toHaveLength(warnings);
  });

  it('after a file that opens raw-only, the next book opens in the view the user chose', async () => {
    const { user, store } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, '_books/20240311-notes.md': 'No front matter here.\n' });
    expect(store.get().ui.view).toBe('form');
    await user.click(screen.getByRole('option', { name: /20240311-notes/ }));
    await waitFor(() => expect(store.get().book?.path).toBe('_books/20240311-notes.md'));
    expect(store.get().ui.view).toBe('raw');
    await user.click(screen.getByRole('option', { name: /Gardening with Graphs/ }));
    await waitFor(() => expect(store.get().book?.path).toBe(SMALL_PATH));
    expect(store.get().ui.view).toBe('form');
    expect(screen.getByRole('tab', { name: 'Form' }).getAttribute('aria-selected')).toBe('true');
    // A view chosen on purpose stays chosen.
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    await user.click(screen.getByRole('option', { name: /20240311-notes/ }));
    await user.click(screen.getByRole('option', { name: /Gardening with Graphs/ }));
    await waitFor(() => expect(store.get().book?.path).toBe(SMALL_PATH));
    expect(store.get().ui.view).toBe('raw');
  });

  it('a new book is not hidden by the library’s filter', async () => {
    const { user, store } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, [OTHER_PATH]: OTHER });
    await user.type(screen.getByRole('searchbox', { name: 'Search books' }), 'quiet');
    const library = screen.getByRole('navigation', { name: 'Library' });
    expect(within(library).queryByRole('option', { name: /Gardening/ })).toBeNull();
    await user.click(within(library).getByRole('button', { name: /New book/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Title/), 'Brand New Ideas');
    await user.click(within(dialog).getByRole('button', { name: /^Create/ }));
    await waitFor(() => expect(store.get().book?.path).toMatch(/brand-new-ideas\.md$/));
    await waitFor(() => expect(within(library).getByRole('option', { name: /Brand New Ideas/ })).toBeTruthy());
    expect((screen.getByRole('searchbox', { name: 'Search books' }) as HTMLInputElement).value).toBe('');
  });

  it('the status bar does not say "Saved" after the open file was deleted', async () => {
    const { api } = await openEditor();
    expect(screen.getByText('Saved', { selector: '.status-state' })).toBeTruthy();
    api.files.delete(SMALL_PATH);
    api.push({ kind: 'book-removed', path: SMALL_PATH });
    await screen.findByText('Deleted on disk: Save writes it again', { selector: '.status-state' });
    expect(screen.queryByText('Saved', { selector: '.status-state' })).toBeNull();
  });

  it('labels a link edit in words: "Edit link text", "Edit link address"', async () => {
    const { user, store } = await openEditor();
    const links = screen.getByRole('region', { name: /Links/ });
    await user.type(within(links).getAllByLabelText('Link', { exact: true })[0]!, 'x');
    expect(store.get().book!.history.undo.at(-1)!.label).toBe('Edit link address');
    await user.type(within(links).getAllByLabelText('Text', { exact: true })[0]!, 'x');
    expect(store.get().book!.history.undo.at(-1)!.label).toBe('Edit link text');
  });
});
