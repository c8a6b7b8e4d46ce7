// @vitest-environment jsdom
// Issue 15's first-hour fixes in the editor on a fake API: each test failed before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/app/App';
import { createEditorStore } from '../../renderer/src/store/editorStore';
import { fakeApi, PEOPLE, SMALL_BOOK, SMALL_PATH } from './fakeApi';
import { openEditor } from './render';
import { createHttpClient, UNREACHABLE } from '../../renderer/src/api/httpClient';
import type { BookApi } from '../../shared/api';

afterEach(cleanup);

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
    expect(screen.getByText(/No file at images\/books\/20240304-gardening-with-graphs\/preview\.jpg yet\./)).toBeTruthy();
    await user.click(status);
    const problems = await screen.findByRole('region', { name: 'Problems' });
    expect(within(problems).getAllByRole('button').filter((b) => /problem-warning/.test(b.className))).toHaveLength(warnings);
  });
});
