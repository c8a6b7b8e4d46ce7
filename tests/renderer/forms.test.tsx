// @vitest-environment jsdom
// The metadata and links editors, New Book, and bad input that must not break the form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { openEditor } from './render';
import { SMALL_BOOK, SMALL_PATH } from './fakeApi';
import { fromPicker } from '../../renderer/src/form/DateTimeField';
import { lineDiff } from '../../renderer/src/diff/lineDiff';

vi.mock('../../renderer/src/raw/RawEditor', async () => ({ default: (await import('./fakeMonaco')).FakeRawEditor }));

afterEach(cleanup);

describe('the metadata form', () => {
  it('edits the title in place and merges the typing into one undo step', async () => {
    const { user, store, text } = await openEditor();
    await user.type(screen.getByLabelText('Title'), ' II');
    expect(text()).toBe(SMALL_BOOK.replace('title: "Gardening with Graphs"', 'title: "Gardening with Graphs II"'));
    expect(store.get().book!.history.undo).toHaveLength(1);
  });

  it('keeps dates as YYYY-MM-DD HH:MM:SS', async () => {
    expect(fromPicker('2024-03-05T09:30')).toBe('2024-03-05 09:30:00');
    expect(fromPicker('2024-03-05T09:30:15.000')).toBe('2024-03-05 09:30:15');
    expect(fromPicker('')).toBeNull();
    const { text } = await openEditor();
    const start = screen.getByLabelText('Start') as HTMLInputElement;
    // The field shows what the file says, never the browser's locale.
    expect(start.type).toBe('text');
    expect(start.value).toBe('2024-03-04 00:00:00');
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.change(start, { target: { value: '2024-03-05 08:15:00' } });
    expect(text()).toContain('start: 2024-03-05 08:15:00\n');
  });

  it('adds an author from people by name, removes one, and shows a missing people page', async () => {
    const { user, store } = await openEditor();
    const authors = () => (store.get().book!.doc.data as { authors: string[] }).authors;
    await user.type(screen.getByRole('combobox', { name: 'Add author' }), 'tomas');
    await user.click(within(screen.getByRole('listbox', { name: 'People' })).getByRole('option', { name: /Tomas Okafor/ }));
    expect(authors()).toEqual(['lenavoss', 'tomasokafor']);
    await user.type(screen.getByRole('combobox', { name: 'Add author' }), 'Sara Robinson{Enter}');
    expect(authors()).toEqual(['lenavoss', 'tomasokafor', 'Sara Robinson']);
    expect(store.get().book!.doc.text).toContain('authors: [lenavoss, tomasokafor, Sara Robinson]');
    await user.click(screen.getByRole('button', { name: 'Remove Tomas Okafor' }));
    expect(authors()).toEqual(['lenavoss', 'Sara Robinson']);
  });

  it('moves an author chip with Alt+Arrow keys', async () => {
    const { user, store } = await openEditor();
    await user.type(screen.getByRole('combobox', { name: 'Add author' }), 'Sara Robinson{Enter}');
    screen.getByRole('button', { name: /^Author 2: Sara Robinson/ }).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect((store.get().book!.doc.data as { authors: string[] }).authors).toEqual(['Sara Robinson', 'lenavoss']);
  });

  it('shows a field problem inline', async () => {
    const { user } = await openEditor();
    await user.clear(screen.getByLabelText('Title'));
    expect(await screen.findByText('The title is empty.')).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the links editor', () => {
  it('adds, edits, moves and deletes links', async () => {
    const { user, store } = await openEditor();
    const links = () => (store.get().book!.doc.data as { links: { text: string; link: string }[] }).links;
    await user.click(screen.getByRole('button', { name: 'Add link' }));
    const row = screen.getByRole('listitem', { name: 'Link 2: empty' });
    await waitFor(() => expect(document.activeElement).toBe(within(row).getByLabelText('Text')));
    await user.type(within(row).getByLabelText('Text'), 'Errata');
    await user.type(within(screen.getByRole('listitem', { name: /^Link 2/ })).getByLabelText('Link'), 'https://example.com/errata');
    expect(links()).toEqual([{ text: "Book's page", link: 'https://example.com/book' }, { text: 'Errata', link: 'https://example.com/errata' }]);
    await user.click(within(screen.getByRole('listitem', { name: 'Link 2: Errata' })).getByRole('button', { name: 'Move up' }));
    expect(links().map((l) => l.text)).toEqual(['Errata', "Book's page"]);
    await user.click(within(screen.getByRole('listitem', { name: 'Link 1: Errata' })).getByRole('button', { name: 'Delete' }));
    expect(links().map((l) => l.text)).toEqual(["Book's page"]);
  });

  it('flags a link that is not an http(s) address', async () => {
    const { user } = await openEditor();
    const link = within(screen.getByRole('listitem', { name: /^Link 1/ })).getByLabelText('Link');
    await user.clear(link);
    await user.type(link, 'example.com');
    expect(await screen.findByText(/"example.com" is not an http\(s\) address/)).toBeTruthy();
  });
});

describe('new books and bad input', () => {
  it('creates a book through the workspace and opens it', async () => {
    const { user, store } = await openEditor();
    await user.click(screen.getAllByRole('button', { name: 'New book…' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'New book' });
    await user.type(within(dialog).getByLabelText('Title'), 'Tidy Tables');
    await user.type(within(dialog).getByRole('combobox', { name: 'Add author' }), 'lenavoss');
    await user.clear(within(dialog).getByLabelText('Start week'));
    await user.type(within(dialog).getByLabelText('Start week'), '2024-05-06');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(store.get().book?.path).toBe('_books/20240506-tidy-tables.md'));
    expect(screen.getByRole('option', { name: /Tidy Tables/ })).toBeTruthy();
    // A book without an archive renders its (empty) thread list, not a crash.
    expect(await screen.findByText(/No questions yet/)).toBeTruthy();
    expect(screen.queryByText(/Something went wrong|could not show this book/)).toBeNull();
  });

  it('shows odd values without breaking: a thread that is text, replies that are a mapping', async () => {
    const odd = SMALL_BOOK.replace('  - name: Mira\n    text: "Which soil?"\n    replies:\n      - name: Lena Voss\n        text: "Loam."\n', '  - just a line\n  - name: Mira\n    text: 42\n    replies:\n      name: Lena Voss\n');
    await openEditor({ [SMALL_PATH]: odd });
    expect(screen.getByRole('article', { name: 'Thread 2 by nobody yet' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Thread 3 by Mira' })).toBeTruthy();
    expect(screen.getByText(/Thread 2 must be a thread with name and text, but it is text/)).toBeTruthy();
  });

  it('keeps the last readable form read-only while the raw text does not parse', async () => {
    const { user, store } = await openEditor();
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    const raw = (await screen.findByLabelText('Raw text')) as HTMLTextAreaElement;
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.change(raw, { target: { value: SMALL_BOOK.replace('title: "Gardening with Graphs"', 'title: [unclosed') } });
    await waitFor(() => expect(store.get().book!.doc.data).toBeNull(), { timeout: 10_000 });
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect(screen.getByRole('alert').textContent).toMatch(/The front matter cannot be read \(line \d+, column \d+\)/);
    expect((screen.getByLabelText('Title') as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Add thread' })).toBeNull();
    await user.keyboard('{Control>}z{/Control}');
    expect(store.get().book!.doc.text).toBe(SMALL_BOOK);
    expect((screen.getByLabelText('Title') as HTMLInputElement).readOnly).toBe(false);
  });

  it('diffs lines for the Compare view', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n').filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'b', line: 2 },
      { kind: 'added', text: 'B', line: 2 },
      { kind: 'added', text: 'd', line: 4 },
    ]);
  });
});
