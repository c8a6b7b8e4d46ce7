// @vitest-environment jsdom
// Focus after moves and removals, the live region, Alt+Arrow moves, the author box's Enter, a double-clicked
// Delete, the library as one listbox, New Book's names as you type, and keyboard drag's landing places.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openEditor } from './render';
import { fakeApi, PEOPLE, SMALL_BOOK, SMALL_PATH } from './fakeApi';
import { keyboardSlots } from '../../renderer/src/threads/dnd';
import type { DragItem, DropTarget } from '../../renderer/src/threads/dnd';

afterEach(cleanup);

const BOOK = SMALL_BOOK.replace('authors: [lenavoss]', 'authors: [lenavoss, tomasokafor, Sara Robinson]').replace(
  `links: 
  - text: "Book's page"
    link: "https://example.com/book"`,
  `links:
  - text: "One"
    link: "https://example.com/1"
  - text: "Two"
    link: "https://example.com/2"
  - text: "Three"
    link: "https://example.com/3"`,
);
const THIRD = `  - name: Ada
    text: "Clay?"
    replies:
      - name: Lena Voss
        text: "No."
---`;
const BOOK3 = BOOK.replace(/---\nThe body/, `${THIRD}\nThe body`);

const data = (store: Awaited<ReturnType<typeof openEditor>>['store']) => store.get().book!.doc.data as { authors: string[]; links: { text: string }[]; archive: { name: string; replies: { name: string; text: string }[] }[] };
const announced = () => screen.getByTestId('announcer').textContent ?? '';
const focused = () => document.activeElement as HTMLElement;
const links = () => screen.getAllByRole('listitem').filter((li) => li.getAttribute('data-path')?.startsWith('links.'));

describe('focus after a move or a removal, and what is announced', () => {
  it('keeps focus on a link\'s Move up button in its new slot, so Enter again moves it again', async () => {
    const { user, store } = await openEditor({ [SMALL_PATH]: BOOK });
    within(links()[2]!).getByRole('button', { name: 'Move up' }).focus();
    await user.keyboard('{Enter}');
    expect(data(store).links.map((l) => l.text)).toEqual(['One', 'Three', 'Two']);
    await waitFor(() => expect(focused().getAttribute('data-control')).toBe('links.1:up'));
    expect(announced()).toMatch(/Link Three moved to position 2 of 3/);
    await user.keyboard('{Enter}');
    expect(data(store).links.map((l) => l.text)).toEqual(['Three', 'One', 'Two']);
    // At the top its Move up is disabled: focus goes to its Move down, not to the page.
    await waitFor(() => expect(focused().getAttribute('data-control')).toBe('links.0:down'));
    expect(announced()).toMatch(/moved to position 1 of 3/);
  });

  it('moves a link with Alt+Up from its text field and keeps the focus in that field', async () => {
    const { user, store } = await openEditor({ [SMALL_PATH]: BOOK });
    within(links()[1]!).getByLabelText('Text').focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(data(store).links.map((l) => l.text)).toEqual(['Two', 'One', 'Three']);
    await waitFor(() => expect(focused().getAttribute('data-path')).toBe('links.0.text'));
  });

  it('puts focus on the next author chip after Remove, then on the input, and announces each', async () => {
    const { user, store } = await openEditor({ [SMALL_PATH]: BOOK });
    await user.click(screen.getByRole('button', { name: 'Remove Tomas Okafor' }));
    expect(data(store).authors).toEqual(['lenavoss', 'Sara Robinson']);
    await waitFor(() => expect(focused().getAttribute('data-control')).toBe('authors.1:chip'));
    expect(announced()).toMatch(/Removed author Tomas Okafor; 2 authors left/);
    await user.click(screen.getByRole('button', { name: 'Remove Sara Robinson' }));
    // The last chip: focus goes to the input, never to the page's body.
    await waitFor(() => expect(focused()).toBe(screen.getByRole('combobox', { name: 'Add author' })));
    expect(focused()).not.toBe(document.body);
  });

  it('keeps focus on a chip moved with Alt+Arrow and announces its new place', async () => {
    const { user, store } = await openEditor({ [SMALL_PATH]: BOOK });
    screen.getByRole('button', { name: /^Author 1: Lena Voss/ }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(data(store).authors).toEqual(['tomasokafor', 'lenavoss', 'Sara Robinson']);
    await waitFor(() => expect(focused().getAttribute('aria-label')).toMatch(/^Author 2: Lena Voss/));
    expect(announced()).toMatch(/Lena Voss moved to position 2 of 3/);
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await waitFor(() => expect(focused().getAttribute('aria-label')).toMatch(/^Author 3: Lena Voss/));
  });

  it('keeps focus on a visible element after Move to… into a thread the filter hides', async () => {
    const { user, store } = await openEditor({ [SMALL_PATH]: BOOK });
    await user.type(screen.getByLabelText('Filter threads'), 'start');
    expect(screen.queryByRole('article', { name: 'Thread 2 by Mira' })).toBeNull();
    const reply = within(screen.getByRole('article', { name: 'Thread 1 by Tino' })).getByRole('article', { name: 'Reply 2 by Tino' });
    await user.click(within(reply).getByRole('button', { name: 'Move to…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move reply' });
    await user.selectOptions(within(dialog).getByLabelText('Thread'), within(dialog).getByRole('option', { name: /Thread 2/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(data(store).archive[1]!.replies.map((r) => r.text)).toEqual(['Loam.', 'Thanks!']);
    // The reply was the thread's last: focus goes to the one before it, in view.
    await waitFor(() => expect(focused().getAttribute('data-path')).toBe('archive.0.replies.0'));
    expect(focused()).not.toBe(document.body);
    expect(announced()).toMatch(/which the filter hides/);
  });

  it('moves a reply with Alt+Down from its text, and a thread with Alt+Up, keeping the focus', async () => {
    const { user, store } = await openEditor({ [SMALL_PATH]: BOOK3 });
    const first = within(screen.getByRole('article', { name: 'Thread 1 by Tino' })).getByRole('article', { name: 'Reply 1 by Lena Voss' });
    within(first).getByLabelText('Text').focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(data(store).archive[0]!.replies.map((r) => r.text)).toEqual(['Thanks!', 'With a seed.']);
    await waitFor(() => expect(focused().getAttribute('data-path')).toBe('archive.0.replies.1.text'));
    expect(data(store).archive.map((t) => t.name)).toEqual(['Tino', 'Mira', 'Ada']);
    within(screen.getByRole('article', { name: 'Thread 3 by Ada' })).getAllByRole('button', { name: 'Move up' })[0]!.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(data(store).archive.map((t) => t.name)).toEqual(['Tino', 'Ada', 'Mira']);
    await waitFor(() => expect(focused().getAttribute('data-control')).toBe('archive.1:up'));
    expect(announced()).toMatch(/Thread by Ada moved to position 2 of 3/);
  });
});

describe('the author box', () => {
  it('adds the one suggestion shown on Enter, not the typed text', async () => {
    const { user, store } = await openEditor();
    await user.type(screen.getByRole('combobox', { name: 'Add author' }), 'toma{Enter}');
    expect(data(store).authors).toEqual(['lenavoss', 'tomasokafor']);
    // Escape closes the list, and then Enter adds the text as typed.
    await user.type(screen.getByRole('combobox', { name: 'Add author' }), 'Lena V{Escape}{Enter}');
    expect(data(store).authors).toEqual(['lenavoss', 'tomasokafor', 'Lena V']);
  });
});

describe('deleting threads', () => {
  it('deletes one thread on a double click, and offers Undo in the notice', async () => {
    const { user, store, text } = await openEditor({ [SMALL_PATH]: BOOK3 });
    const bar = screen.getByRole('article', { name: 'Thread 1 by Tino' }).querySelector('.thread-bar') as HTMLElement;
    await user.dblClick(within(bar).getByRole('button', { name: 'Delete' }));
    expect(data(store).archive.map((t) => t.name)).toEqual(['Mira', 'Ada']);
    expect(screen.getByText(/Thread 1 by Tino and its 2 replies deleted/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo delete' }));
    expect(text()).toBe(BOOK3);
    // From the keyboard, focus goes to the thread that took its place (not to its Delete, where Enter would delete again).
    (screen.getByRole('article', { name: 'Thread 2 by Mira' }).querySelector('.thread-bar [aria-label="Delete"]') as HTMLElement).focus();
    await user.keyboard('{Enter}');
    expect(data(store).archive.map((t) => t.name)).toEqual(['Tino', 'Ada']);
    await waitFor(() => expect(focused().getAttribute('data-path')).toBe('archive.1'));
  });
});

describe('the library', () => {
  const books = {
    [SMALL_PATH]: SMALL_BOOK,
    '_books/20240318-the-quiet-compiler.md': SMALL_BOOK.replace('Gardening with Graphs', 'The Quiet Compiler'),
    '_books/20240408-practical-tide-tables.md': SMALL_BOOK.replace('Gardening with Graphs', 'Practical Tide Tables'),
    '_books/20240422-small-data.md': SMALL_BOOK.replace('Gardening with Graphs', 'Small Data'),
  };

  it('is one tab stop: arrows, Home, End and typing move; Enter opens', async () => {
    const { user, store } = await openEditor(books, fakeApi(books, { people: PEOPLE }));
    const list = screen.getByRole('listbox', { name: 'Books' });
    expect(list.tabIndex).toBe(0);
    expect(within(list).getAllByRole('option').every((o) => o.tabIndex < 0 && !o.querySelector('button'))).toBe(true);
    list.focus();
    const active = () => document.getElementById(list.getAttribute('aria-activedescendant')!)?.textContent ?? '';
    expect(active()).toMatch(/Gardening/);
    await user.keyboard('{Home}');
    expect(active()).toMatch(/Small Data/);
    await user.keyboard('{ArrowDown}');
    expect(active()).toMatch(/Practical Tide Tables/);
    await user.keyboard('{End}');
    expect(active()).toMatch(/Gardening/);
    await user.keyboard('th');
    expect(active()).toMatch(/The Quiet Compiler/);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(store.get().book?.path).toBe('_books/20240318-the-quiet-compiler.md'));
    // Tab leaves the list at once: one stop for all its books.
    await user.tab();
    expect(list.contains(document.activeElement)).toBe(false);
  });
});

describe('New Book', () => {
  it('shows the file, the week and the image paths as you type, and completes every author', async () => {
    const { user, api } = await openEditor();
    await user.click(screen.getAllByRole('button', { name: 'New book…' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'New book' });
    await user.type(within(dialog).getByLabelText('Title'), 'Tidy Tables');
    fireEvent.change(within(dialog).getByLabelText('Start week'), { target: { value: '2024-05-08' } });
    const names = dialog.querySelector('.new-book-names')!;
    expect(names.textContent).toContain('_books/20240506-tidy-tables.md');
    expect(names.textContent).toContain('Mon 6 May 2024 – Fri 10 May 2024');
    expect(names.textContent).toContain('images/books/20240506-tidy-tables/cover.jpg');
    expect(names.textContent).toContain('images/books/20240506-tidy-tables/preview.jpg');
    const box = within(dialog).getByRole('combobox', { name: 'Add author' });
    await user.type(box, 'lena{Enter}');
    await user.type(box, 'tomas{Enter}');
    expect(within(dialog).getByText('Lena Voss')).toBeTruthy();
    expect(within(dialog).getByText('Tomas Okafor')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    // The fake workspace names the file from the day given; the authors are what the dialog sends.
    await waitFor(() => expect(api.files.get('_books/20240508-tidy-tables.md')).toContain('authors: [lenavoss, tomasokafor]'));
  });
});

describe('keyboard drag', () => {
  const rect = (top: number, height: number) => ({ top, height, left: 0, width: 100, right: 100, bottom: top + height });
  const replies = (t: number, tops: number[]) => tops.map((top, r) => ({ id: `r${t}-${r}`, target: { kind: 'reply', thread: t, reply: r } as DropTarget, rect: rect(top, 90) }));
  const targets = [
    { id: 't0', target: { kind: 'thread', thread: 0 } as DropTarget, rect: rect(0, 500) },
    ...replies(0, [50, 150, 250]),
    { id: 'e0', target: { kind: 'replyEnd', thread: 0 } as DropTarget, rect: rect(350, 40) },
    { id: 't1', target: { kind: 'thread', thread: 1 } as DropTarget, rect: rect(510, 40) },
    { id: 't2', target: { kind: 'thread', thread: 2 } as DropTarget, rect: rect(560, 300) },
    ...replies(2, [610]),
    { id: 'e2', target: { kind: 'replyEnd', thread: 2 } as DropTarget, rect: rect(710, 40) },
  ];

  it('has one landing place per arrow press for a reply: no two for the same place, none where it is', () => {
    const item: DragItem = { kind: 'reply', thread: 0, reply: 1, label: 'Reply 2' };
    expect(keyboardSlots(item, targets).map((s) => s.id)).toEqual(['r0-0', 'e0', 't1', 'r2-0', 'e2']);
  });

  it('has one landing place per arrow press for a thread', () => {
    const item: DragItem = { kind: 'thread', thread: 0, label: 'Thread 1' };
    expect(keyboardSlots(item, targets.filter((t) => t.target.kind === 'thread')).map((s) => s.id)).toEqual(['t2', 't2']);
    const middle: DragItem = { kind: 'thread', thread: 1, label: 'Thread 2' };
    expect(keyboardSlots(middle, targets.filter((t) => t.target.kind === 'thread')).map((s) => s.id)).toEqual(['t0', 't2']);
  });
});
