// Renders the whole editor on a fake API and opens a book, for component tests.
import { expect } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/app/App';
import { createEditorStore } from '../../renderer/src/store/editorStore';
import { fakeApi, PEOPLE, SMALL_BOOK, SMALL_PATH } from './fakeApi';
import type { FakeApi } from './fakeApi';

export async function openEditor(books: Record<string, string> = { [SMALL_PATH]: SMALL_BOOK }, api: FakeApi = fakeApi(books, { people: PEOPLE })) {
  const store = createEditorStore();
  const user = userEvent.setup();
  const view = render(<App api={api} store={store} backupDelayMs={30} />);
  const path = Object.keys(books)[0]!;
  const title = /title: "?([^"\n]+)/.exec(books[path]!)![1]!.replace(/[()]/g, '.');
  await user.click(await screen.findByRole('option', { name: new RegExp(title) }));
  await waitFor(() => expect(store.get().book?.path).toBe(path));
  return { store, user, api, view, text: () => store.get().book!.doc.text };
}
