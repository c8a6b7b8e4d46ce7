// @vitest-environment jsdom
// Issue 15's first-hour fixes in the editor on a fake API: each test failed before its fix.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/app/App';
import { createEditorStore } from '../../renderer/src/store/editorStore';
import { fakeApi, PEOPLE, SMALL_BOOK, SMALL_PATH } from './fakeApi';
import { openEditor } from './render';

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
});
