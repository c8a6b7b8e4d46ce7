// @vitest-environment jsdom
// A book whose bytes are not UTF-8 opens read-only in the raw view, says where its first bad
// byte is, and is never saved; an entry of _books/ that is not a book says why in the library.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { createEditorStore } from '../../renderer/src/store/editorStore';
import { openEditor } from './render';
import { fakeApi, PEOPLE, SMALL_BOOK, SMALL_PATH } from './fakeApi';

vi.mock('../../renderer/src/raw/RawEditor', async () => ({ default: (await import('./fakeMonaco')).FakeRawEditor }));

afterEach(cleanup);

const LATIN1 = SMALL_BOOK.replace('Gardening with Graphs', 'Gardening with Graphs \uFFFD');
const fp = { mtimeMs: 1, size: 1, hash: '0'.repeat(64) };

describe('a book that is not UTF-8', () => {
  it('loads read-only in the raw view: no edit applies, and the reason names the byte offset', () => {
    const store = createEditorStore();
    store.load({ path: SMALL_PATH, text: LATIN1, fingerprint: fp, notUtf8At: 42 });
    expect(store.get().ui.view).toBe('raw');
    expect(store.get().ui.readOnly).toMatch(/not valid UTF-8: its first bad byte is at byte offset 42/);
    expect(store.edit('Edit title', [{ op: 'set', path: ['title'], value: 'x' }])).toBe(false);
    store.replaceText('changed');
    expect(store.get().book!.doc.text).toBe(LATIN1);
    store.load({ path: SMALL_PATH, text: SMALL_BOOK, fingerprint: fp });
    expect(store.get().ui.readOnly).toBeNull();
  });

  it('shows the reason in a banner, and Save refuses without calling the host', async () => {
    const api = fakeApi({ [SMALL_PATH]: LATIN1 }, { people: PEOPLE });
    const read = api.readBook;
    api.readBook = async (p) => ({ ...(await read(p)), notUtf8At: 42 });
    const { store, user } = await openEditor({ [SMALL_PATH]: LATIN1 }, api);
    expect(screen.getByText(/its first bad byte is at byte offset 42/).closest('[role="alert"]')).toBeTruthy();
    expect(store.get().ui.view).toBe('raw');
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).readOnly).toBe(true);
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(store.get().ui.notice?.text).toMatch(/^Not saved: This file is not valid UTF-8/));
    expect(api.saves).toEqual([]);
  });
});

describe('the library', () => {
  it('shows an entry that is not a book with the reason, and opening it does nothing', async () => {
    const api = fakeApi({ [SMALL_PATH]: SMALL_BOOK }, { people: PEOPLE });
    const list = api.listBooks;
    api.listBooks = async () => [...(await list()), { id: '20240101-pipe', path: '_books/20240101-pipe.md', title: '', authors: [], start: '', end: '', errors: 1, warnings: 0, problem: 'It is a FIFO (named pipe), not a file: it was not read.' }];
    const { store, user } = await openEditor({ [SMALL_PATH]: SMALL_BOOK }, api);
    const row = screen.getByRole('option', { name: /20240101-pipe/ });
    expect(row.getAttribute('aria-disabled')).toBe('true');
    expect(row.textContent).toContain('It is a FIFO (named pipe)');
    await user.click(row);
    expect(store.get().book!.path).toBe(SMALL_PATH);
  });
});
