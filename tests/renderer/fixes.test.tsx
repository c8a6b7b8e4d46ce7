// @vitest-environment jsdom
// Fixes in the editor: the problems list's and the fields' fix buttons (one undo step named after the fix, focus, announcement),
// the rename to the week and its undo through the contract, Create person…, Reschedule…, the description that follows, name suggestions.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { openEditor } from './render';
import { fakeApi, PEOPLE, SMALL_BOOK } from './fakeApi';
import { undoLabel } from '../../renderer/src/store/history';
import { fixesAt } from '../../renderer/src/raw/codeActions';
import { openBook, validate } from '../../shared/index';
import type { EditorStore } from '../../renderer/src/store/editorStore';

afterEach(cleanup);

const LIST_BOOK = SMALL_BOOK.replace('    link: "https://example.com/book"', '    list: "https://example.com/book"');
const LIST_PATH = '_books/20240304-gardening-with-graphs.md';
/** The same book, named for the week after its start (a Monday too). */
const LATE_PATH = '_books/20240311-gardening-with-graphs.md';
const LATE_BOOK = SMALL_BOOK.replaceAll('images/books/20240304-gardening-with-graphs/', 'images/books/20240311-gardening-with-graphs/');

const problems = async (store: EditorStore) => {
  store.setUi({ problemsOpen: true });
  return screen.findByRole('region', { name: 'Problems' });
};

describe('fixes in the editor', () => {
  it('fixes a link item written list: from the problems list in one click: one changed line, one undo step named after the fix, focus and announcement', async () => {
    const { store, user, text } = await openEditor({ [LIST_PATH]: LIST_BOOK });
    const panel = await problems(store);
    // The error (no link) and the warning (unknown key) both offer it; the error comes first.
    const button = within(panel).getAllByRole('button', { name: 'Rename "list" to "link"' })[0]!;
    // The button is read with the problem it fixes.
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toMatch(/list/);
    await user.click(button);
    expect(text()).toBe(SMALL_BOOK);
    expect(undoLabel(store.get().book!.history)).toBe('Rename "list" to "link"');
    expect(store.get().book!.history.undo).toHaveLength(1);
    expect(store.get().ui.notice?.text).toMatch(/^Fixed: Rename "list" to "link"\. (No problems left|\d+ problems? left)\./);
    expect(within(panel).queryByRole('button', { name: 'Rename "list" to "link"' })).toBeNull();
    // The keyboard is on what took the fixed problem's place, or on the list's heading.
    const rows = panel.querySelectorAll('.problem-list > li');
    const expected = rows.length ? (rows[0]!.querySelector('.fix-btn') ?? rows[0]!.querySelector('.problem')) : within(panel).getByRole('heading', { name: 'Problems' });
    await waitFor(() => expect(document.activeElement).toBe(expected));
    await user.keyboard('{Control>}z{/Control}');
    expect(text()).toBe(LIST_BOOK);
  });

  it('offers both fixes where there are two, and the same buttons under the field', async () => {
    const { store, user, text } = await openEditor({ [LATE_PATH]: LATE_BOOK });
    const panel = await problems(store);
    expect(within(panel).getByRole('button', { name: 'Rename to match the week: 20240304-gardening-with-graphs.md' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: "Set the week to the file name's: 2024-03-11 00:00:00 – 2024-03-15 23:59:59" })).toBeTruthy();
    // Under the Start field, the same two.
    const start = screen.getByLabelText('Start').closest('.field') as HTMLElement;
    const inline = within(start).getByRole('button', { name: /^Set the week to the file name's/ });
    expect(within(start).getByRole('button', { name: /^Rename to match the week/ })).toBeTruthy();
    await user.click(inline);
    expect(text()).toContain('start: 2024-03-11 00:00:00\nend: 2024-03-15 23:59:59\n');
    expect(undoLabel(store.get().book!.history)).toMatch(/^Set the week to the file name's/);
    expect(within(start).queryByRole('button', { name: /^Rename to match the week/ })).toBeNull();
  });

  it('renames the book to match its week through the contract, as one step that Undo takes back on disk', async () => {
    const api = fakeApi({ [LATE_PATH]: LATE_BOOK }, { people: PEOPLE });
    const { store, user, text } = await openEditor({ [LATE_PATH]: LATE_BOOK }, api);
    const panel = await problems(store);
    await user.click(within(panel).getByRole('button', { name: /^Rename to match the week/ }));
    await waitFor(() => expect(store.get().book!.path).toBe(LIST_PATH));
    expect(api.files.has(LATE_PATH)).toBe(false);
    expect(api.files.get(LIST_PATH)).toBe(SMALL_BOOK);
    expect(text()).toBe(SMALL_BOOK);
    expect(store.get().book!.doc.text).toBe(store.get().book!.savedText); // what is on disk: nothing unsaved
    expect(undoLabel(store.get().book!.history)).toBe('Rename to match the week: 20240304-gardening-with-graphs.md');
    expect(store.get().ui.notice?.text).toMatch(/^Renamed to _books\/20240304/);
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(store.get().book!.path).toBe(LATE_PATH));
    expect(api.files.get(LATE_PATH)).toBe(LATE_BOOK);
    expect(api.files.has(LIST_PATH)).toBe(false);
    expect(text()).toBe(LATE_BOOK);
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(store.get().book!.path).toBe(LIST_PATH));
    expect(text()).toBe(SMALL_BOOK);
  });

  it('says in words when the rename is refused (the target exists) or the file changed on disk', async () => {
    const books = { [LATE_PATH]: LATE_BOOK, [LIST_PATH]: SMALL_BOOK.replace('Gardening with Graphs', 'Another book') };
    const { store, user, api } = await openEditor(books, fakeApi(books, { people: PEOPLE }));
    const panel = await problems(store);
    await user.click(within(panel).getByRole('button', { name: /^Rename to match the week/ }));
    await waitFor(() => expect(store.get().ui.notice?.text).toMatch(/^Not renamed: .*already exists/));
    expect(store.get().book!.path).toBe(LATE_PATH);
    expect(store.get().book!.history.undo).toHaveLength(0);
    api.files.delete(LIST_PATH);
    api.writeOnDisk(LATE_PATH, LATE_BOOK + '\n');
    await user.click(within(panel).getByRole('button', { name: /^Rename to match the week/ }));
    await waitFor(() => expect(store.get().ui.notice?.text).toMatch(/^Not renamed: .* changed on disk since it was opened/));
    expect(store.get().book!.path).toBe(LATE_PATH);
  });

  it('reschedules the book to another week: dates, file and paths follow as one undo step', async () => {
    const api = fakeApi({ [LIST_PATH]: SMALL_BOOK }, { people: PEOPLE });
    const { store, user, text } = await openEditor({ [LIST_PATH]: SMALL_BOOK }, api);
    await user.click(screen.getByRole('button', { name: 'Reschedule…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reschedule' });
    const week = within(dialog).getByLabelText('Week');
    await user.clear(week);
    await user.type(week, '2024-05-15');
    expect(within(dialog).getByText('_books/20240513-gardening-with-graphs.md')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Reschedule' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(store.get().book!.path).toBe('_books/20240513-gardening-with-graphs.md');
    expect(text()).toContain('cover: "images/books/20240513-gardening-with-graphs/cover.jpg"\n');
    expect(text()).toContain('start: 2024-05-13 00:00:00\nend: 2024-05-17 23:59:59\n');
    expect(store.get().book!.history.undo.map((s) => s.label)).toEqual(['Reschedule to the week of 2024-05-13']);
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(store.get().book!.path).toBe(LIST_PATH));
    expect(text()).toBe(SMALL_BOOK);
    expect(api.files.get(LIST_PATH)).toBe(SMALL_BOOK);
  });

  it('creates a people page for an author id that has none, and the warning goes', async () => {
    const book = SMALL_BOOK.replace('authors: [lenavoss]', 'authors: [lenavoss, mark-ryan]');
    const api = fakeApi({ [LIST_PATH]: book }, { people: PEOPLE });
    const { store, user } = await openEditor({ [LIST_PATH]: book }, api);
    const panel = await problems(store);
    await user.click(within(panel).getByRole('button', { name: 'Create person "mark-ryan"…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create person "mark-ryan"' });
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Mark Ryan');
    await user.click(within(dialog).getByRole('button', { name: 'Create _people/mark-ryan.md' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.files.get('_people/mark-ryan.md')).toContain('title: "Mark Ryan"');
    expect(store.get().site.people.map((p) => p.id)).toContain('mark-ryan');
    await waitFor(() => expect(within(panel).queryByRole('button', { name: /Create person/ })).toBeNull());
    expect(store.get().book!.history.undo).toHaveLength(0); // the book's text did not change
  });

  it('a description in the site form follows the title typed in the form, in the same undo step', async () => {
    const book = SMALL_BOOK.replace('description: "Book of the week"', 'description: "Book of the Week. Gardening with Graphs by Lena Voss"');
    const { store, user, text } = await openEditor({ [LIST_PATH]: book });
    const title = screen.getByLabelText('Title');
    await user.type(title, ' II');
    expect(text()).toContain('title: "Gardening with Graphs II"\ndescription: "Book of the Week. Gardening with Graphs II by Lena Voss"\n');
    expect(store.get().book!.history.undo).toHaveLength(1);
    store.undo();
    expect(text()).toBe(book);
    // An author added in the form: the same.
    await user.type(screen.getByRole('combobox', { name: 'Add author' }), 'tomasokafor{Enter}');
    expect(text()).toContain('description: "Book of the Week. Gardening with Graphs by Lena Voss and Tomas Okafor"\n');
    expect(text()).toContain('authors: [lenavoss, tomasokafor]\n');
    expect(store.get().book!.history.undo.map((s) => s.label)).toEqual(['Add author']);
  });

  it('suggests the names used in this book first in a Name field, then people', async () => {
    const { user } = await openEditor();
    const thread = screen.getByRole('article', { name: 'Thread 2 by Mira' });
    await user.click(within(thread).getAllByLabelText('Name')[0]!);
    const options = [...document.querySelectorAll<HTMLOptionElement>('#people-names option')].map((o) => o.value);
    expect(options).toEqual(['Lena Voss', 'Tino', 'Mira', 'Tomas Okafor']);
  });

  it('offers the raw view the fixes of the diagnostics at the cursor', () => {
    const doc = openBook(LIST_BOOK);
    const list = validate(doc, {});
    const d = list.find((x) => x.code === 'unknown-key' || x.fixes?.some((f) => f.id === 'rename-key'))!;
    const at = fixesAt(list, d.range.from + 1, d.range.from + 1);
    expect(at.map((x) => x.fix.label)).toEqual(['Rename "list" to "link"']);
    expect(at[0]!.preferred).toBe(true);
    expect(fixesAt(list, 0, 3)).toEqual([]);
  });
});
