// @vitest-environment jsdom
// The editor as a user drives it: threads, replies, moves by keyboard, undo, and the save flow on a fake API.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { openEditor } from './render';
import { SMALL_BOOK, SMALL_PATH } from './fakeApi';

afterEach(cleanup);

const thread = (name: string) => screen.getByRole('article', { name });

describe('the Q&A editor', () => {
  it('shows threads and replies as cards named by position and person', async () => {
    await openEditor();
    expect(thread('Thread 1 by Tino')).toBeTruthy();
    expect(within(thread('Thread 1 by Tino')).getByRole('article', { name: 'Reply 2 by Tino' })).toBeTruthy();
    expect(within(thread('Thread 2 by Mira')).getByText('1 reply')).toBeTruthy();
  });

  it('adds a reply at the end with the author as name, and focuses its text', async () => {
    const { user, text } = await openEditor();
    await user.click(within(thread('Thread 2 by Mira')).getByRole('button', { name: 'Add reply' }));
    const reply = await screen.findByRole('article', { name: 'Reply 2 by Lena Voss' });
    const field = within(reply).getByLabelText('Text');
    await waitFor(() => expect(document.activeElement).toBe(field));
    await user.type(field, 'Sand, then loam.');
    expect(text()).toContain('      - name: Lena Voss\n        text: "Sand, then loam."\n---');
  });

  it('inserts a reply after a given reply', async () => {
    const { user, store } = await openEditor();
    await user.click(within(within(thread('Thread 1 by Tino')).getByRole('article', { name: 'Reply 1 by Lena Voss' })).getByRole('button', { name: 'Insert reply below' }));
    const replies = (store.get().book!.doc.data as { archive: { replies: { name: string }[] }[] }).archive[0]!.replies;
    expect(replies.map((r) => r.name)).toEqual(['Lena Voss', 'Lena Voss', 'Tino']);
  });

  it('moves a reply to another thread with the Move to… dialog, by keyboard', async () => {
    const { user, store } = await openEditor();
    const reply = within(thread('Thread 1 by Tino')).getByRole('article', { name: 'Reply 2 by Tino' });
    await user.click(within(reply).getByRole('button', { name: 'Move to…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move reply' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Thread'));
    await user.selectOptions(within(dialog).getByLabelText('Thread'), 'Thread 2 by Mira');
    await user.selectOptions(within(dialog).getByLabelText('Position'), '1');
    expect(within(dialog).getByText('First, before Reply 1 by Lena Voss.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const data = store.get().book!.doc.data as { archive: { replies: { name: string; text: string }[] }[] };
    expect(data.archive[0]!.replies.map((r) => r.text)).toEqual(['With a seed.']);
    expect(data.archive[1]!.replies.map((r) => r.text)).toEqual(['Thanks!', 'Loam.']);
    expect(within(thread('Thread 2 by Mira')).getByRole('article', { name: 'Reply 1 by Tino' })).toBeTruthy();
  });

  it('closes a dialog with Escape and changes nothing', async () => {
    const { user, text } = await openEditor();
    await user.click(within(within(thread('Thread 1 by Tino')).getByRole('article', { name: 'Reply 1 by Lena Voss' })).getByRole('button', { name: 'Move to…' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(text()).toBe(SMALL_BOOK);
  });

  it('moves replies and threads up and down', async () => {
    const { user, store } = await openEditor();
    await user.click(within(within(thread('Thread 1 by Tino')).getByRole('article', { name: 'Reply 2 by Tino' })).getByRole('button', { name: 'Move up' }));
    let data = store.get().book!.doc.data as { archive: { name: string; replies: { name: string }[] }[] };
    expect(data.archive[0]!.replies.map((r) => r.name)).toEqual(['Tino', 'Lena Voss']);
    const bar = thread('Thread 2 by Mira').querySelector('.thread-bar') as HTMLElement;
    await user.click(within(bar).getByRole('button', { name: 'Move up' }));
    data = store.get().book!.doc.data as typeof data;
    expect(data.archive.map((t) => t.name)).toEqual(['Mira', 'Tino']);
  });

  it('promotes a reply to a thread and demotes it back, with undo and redo by keyboard', async () => {
    const { user, store, text } = await openEditor();
    await user.click(within(within(thread('Thread 1 by Tino')).getByRole('article', { name: 'Reply 2 by Tino' })).getByRole('button', { name: 'Promote to thread' }));
    expect(thread('Thread 2 by Tino')).toBeTruthy();
    expect(thread('Thread 3 by Mira')).toBeTruthy();
    const bar = thread('Thread 2 by Tino').querySelector('.thread-bar') as HTMLElement;
    await user.click(within(bar).getByRole('button', { name: 'Demote to reply…' }));
    const dialog = screen.getByRole('dialog', { name: 'Demote thread to reply' });
    await user.selectOptions(within(dialog).getByLabelText('Thread'), 'Thread 1 by Tino');
    await user.click(within(dialog).getByRole('button', { name: 'Demote' }));
    expect(text()).toBe(SMALL_BOOK);
    expect(store.get().book!.history.undo.map((s) => s.label)).toEqual(['Promote reply to thread', 'Demote thread to reply']);
    await user.keyboard('{Control>}z{/Control}');
    expect(thread('Thread 2 by Tino')).toBeTruthy();
    await user.keyboard('{Control>}z{/Control}');
    expect(text()).toBe(SMALL_BOOK);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(thread('Thread 2 by Tino')).toBeTruthy();
    await user.keyboard('{Control>}y{/Control}');
    expect(text()).toBe(SMALL_BOOK);
  });

  it('merges two threads', async () => {
    const { user, store } = await openEditor();
    const bar = thread('Thread 2 by Mira').querySelector('.thread-bar') as HTMLElement;
    await user.click(within(bar).getByRole('button', { name: 'Merge into…' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Merge threads' })).getByRole('button', { name: 'Merge' }));
    const data = store.get().book!.doc.data as { archive: { replies: { name: string; text: string }[] }[] };
    expect(data.archive).toHaveLength(1);
    expect(data.archive[0]!.replies.map((r) => r.text)).toEqual(['With a seed.', 'Thanks!', 'Which soil?', 'Loam.']);
  });

  it('deletes a thread and brings it back with Undo', async () => {
    const { user, text } = await openEditor();
    const bar = thread('Thread 2 by Mira').querySelector('.thread-bar') as HTMLElement;
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('article', { name: 'Thread 2 by Mira' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Undo' }).title).toMatch(/Undo Delete thread/);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(text()).toBe(SMALL_BOOK);
    expect(thread('Thread 2 by Mira')).toBeTruthy();
  });

  it('filters threads by name or text, and collapses them', async () => {
    const { user } = await openEditor();
    await user.type(screen.getByLabelText('Filter threads'), 'loam');
    expect(screen.queryByRole('article', { name: 'Thread 1 by Tino' })).toBeNull();
    expect(thread('Thread 2 by Mira')).toBeTruthy();
    await user.clear(screen.getByLabelText('Filter threads'));
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(screen.queryAllByRole('article', { name: 'Reply 1 by Lena Voss' })).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Expand thread 1' }));
    expect(screen.getAllByRole('article', { name: 'Reply 1 by Lena Voss' })).toHaveLength(1);
  });

  it('adds a thread and focuses its name', async () => {
    const { user, text } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Add thread' }));
    const card = await screen.findByRole('article', { name: 'Thread 3 by nobody yet' });
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByLabelText('Name')));
    await user.type(within(card).getByLabelText('Name'), 'Ada');
    expect(text()).toContain('  - name: Ada\n');
  });
});

describe('saving', () => {
  it('saves with Ctrl+S, and the window state follows the dirty flag', async () => {
    const { user, api, text } = await openEditor();
    await user.type(within(within(thread('Thread 1 by Tino')).getByRole('article', { name: 'Reply 1 by Lena Voss' })).getByLabelText('Text'), ' Water it.');
    await waitFor(() => expect(api.windowStates.at(-1)).toEqual({ title: '● Gardening with Graphs — Book Editor', dirty: true }));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.saves).toHaveLength(1));
    expect(api.saves[0]!.text).toBe(text());
    expect(api.files.get(SMALL_PATH)).toContain('text: "With a seed. Water it."');
    await waitFor(() => expect(api.windowStates.at(-1)).toEqual({ title: 'Gardening with Graphs — Book Editor', dirty: false }));
    expect(screen.getByText('Saved', { selector: '.status-state' })).toBeTruthy();
  });

  it('refuses to save with errors: the problems list names them and takes you to the field', async () => {
    const { user, api } = await openEditor();
    const name = within(thread('Thread 2 by Mira')).getAllByLabelText('Name')[0]!;
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const problems = await screen.findByRole('region', { name: 'Problems' });
    const item = within(problems).getByRole('button', { name: /Thread 2.*has no name/ });
    expect(api.saves).toHaveLength(0);
    expect(api.files.get(SMALL_PATH)).toBe(SMALL_BOOK);
    await user.click(item);
    await waitFor(() => expect(document.activeElement?.getAttribute('data-path')).toMatch(/^archive\.1/));
  });

  it('saves with warnings', async () => {
    const { user, api } = await openEditor();
    await user.clear(within(within(thread('Thread 1 by Tino')).getByRole('article', { name: 'Reply 1 by Lena Voss' })).getByLabelText('Text'));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.saves).toHaveLength(1));
  });

  it('detects a conflict and offers Reload, Overwrite or Compare', async () => {
    const { user, api, text } = await openEditor();
    await user.type(screen.getAllByLabelText('Title')[0]!, '!');
    api.writeOnDisk(SMALL_PATH, SMALL_BOOK.replace('The body.', 'Changed elsewhere.'));
    await user.keyboard('{Control>}s{/Control}');
    const dialog = await screen.findByRole('alertdialog', { name: 'The file changed on disk' });
    expect(api.saves).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Compare' }));
    const compare = screen.getByRole('dialog', { name: 'Compare with the file on disk' });
    expect(within(compare).getByText(/Changed elsewhere\./)).toBeTruthy();
    await user.click(within(compare).getByRole('button', { name: 'Overwrite' }));
    await waitFor(() => expect(api.saves).toHaveLength(1));
    expect(api.files.get(SMALL_PATH)).toBe(text());
  });

  it('reloads a clean book that changed on disk, and shows a banner for a dirty one', async () => {
    const { user, api, text } = await openEditor();
    const changed = SMALL_BOOK.replace('Which soil?', 'Which soil is best?');
    api.writeOnDisk(SMALL_PATH, changed);
    api.push({ kind: 'book-changed', path: SMALL_PATH });
    await waitFor(() => expect(text()).toBe(changed));
    await user.type(screen.getAllByLabelText('Title')[0]!, '!');
    api.writeOnDisk(SMALL_PATH, SMALL_BOOK);
    api.push({ kind: 'book-changed', path: SMALL_PATH });
    expect(await screen.findByText('This file changed on disk.')).toBeTruthy();
    expect(text()).toContain('Gardening with Graphs!');
  });

  it('backs up unsaved work and offers it back on the next start', async () => {
    const first = await openEditor();
    await first.user.type(first.view.container.querySelector('[data-path="title"]') as HTMLElement, '?');
    await waitFor(() => expect(first.api.backups.get(SMALL_PATH)?.text).toContain('Gardening with Graphs?'));
    cleanup();
    const { fakeApi, PEOPLE } = await import('./fakeApi');
    const api = fakeApi({ [SMALL_PATH]: SMALL_BOOK }, { people: PEOPLE, backups: [...first.api.backups.values()] });
    const { render } = await import('@testing-library/react');
    const { App } = await import('../../renderer/src/app/App');
    const { createEditorStore } = await import('../../renderer/src/store/editorStore');
    const store = createEditorStore();
    render(<App api={api} store={store} />);
    const dialog = await screen.findByRole('dialog', { name: 'Recover unsaved work' });
    await first.user.click(within(dialog).getByRole('button', { name: `Restore ${SMALL_PATH}` }));
    await waitFor(() => expect(store.get().book?.doc.text).toContain('Gardening with Graphs?'));
    expect(store.get().book!.savedText).toBe(SMALL_BOOK);
  });

  it('asks before switching books with unsaved changes', async () => {
    const other = SMALL_BOOK.replace('Gardening with Graphs', 'The Quiet Compiler');
    const { user, store } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, '_books/20240318-the-quiet-compiler.md': other });
    await user.type(screen.getAllByLabelText('Title')[0]!, '!');
    await user.click(screen.getByRole('option', { name: /The Quiet Compiler/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Unsaved changes' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(store.get().book!.path).toBe(SMALL_PATH);
    await user.click(screen.getByRole('option', { name: /The Quiet Compiler/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(store.get().book!.path).toBe('_books/20240318-the-quiet-compiler.md'));
  });
});
