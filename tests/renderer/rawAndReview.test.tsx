// @vitest-environment jsdom
// The raw view, the preview, the problems list and Review changes, wired to the store (Monaco stands in
// as a text area here; tests/e2e drives the real one in Chromium).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openEditor } from './render';
import { SMALL_BOOK, SMALL_PATH } from './fakeApi';
import { RAW_COMMIT_MS } from '../../renderer/src/raw/rawSync';

vi.mock('../../renderer/src/raw/RawEditor', async () => ({ default: (await import('./fakeMonaco')).FakeRawEditor }));
vi.mock('../../renderer/src/review/DiffView', async () => ({ default: (await import('./fakeMonaco')).FakeDiffView }));

afterEach(cleanup);

const rawText = () => screen.findByLabelText('Raw text') as Promise<HTMLTextAreaElement>;

describe('the raw view', () => {
  it('commits typing to the store after a pause, as one undo step the forms follow', async () => {
    const { user, store } = await openEditor();
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    const raw = await rawText();
    fireEvent.change(raw, { target: { value: SMALL_BOOK.replace('Gardening with Graphs', 'Gardening') } });
    fireEvent.change(raw, { target: { value: SMALL_BOOK.replace('Gardening with Graphs', 'Gardening II') } });
    expect(store.get().book!.doc.text).toBe(SMALL_BOOK);
    await waitFor(() => expect(store.get().book!.doc.text).toContain('title: "Gardening II"'), { timeout: RAW_COMMIT_MS * 5 });
    expect(store.get().book!.history.undo.map((s) => s.label)).toEqual(['Edit raw text']);
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Gardening II');
  });

  it('commits at once before a command: undo right after typing takes the typing back', async () => {
    const { user, store } = await openEditor();
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    const raw = await rawText();
    fireEvent.change(raw, { target: { value: `${SMALL_BOOK}More body.\n` } });
    fireEvent.keyDown(raw, { key: 'z', ctrlKey: true });
    expect(store.get().book!.doc.text).toBe(SMALL_BOOK);
    await waitFor(() => expect(raw.value).toBe(SMALL_BOOK));
    expect(store.get().book!.history.redo.map((s) => s.label)).toEqual(['Edit raw text']);
  });

  it('shows a form edit in the raw view, and keeps the place of the focused field', async () => {
    const { user, store } = await openEditor();
    await user.type(screen.getByLabelText('Title'), '!');
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    expect((await rawText()).value).toContain('title: "Gardening with Graphs!"');
    const reveal = store.get().ui.rawReveal!;
    expect(store.get().book!.doc.text.slice(reveal.from, reveal.to)).toBe('"Gardening with Graphs!"');
  });

  it('keeps the place of the raw cursor when going back to the form', async () => {
    const { user, store } = await openEditor();
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    await rawText();
    store.setUi({ place: 'archive.1.replies.0.text' });
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-path')).toBe('archive.1.replies.0.text'));
  });

  it('shows the last readable form, read-only, with a banner that says where, while the text does not parse', async () => {
    const { user, store } = await openEditor();
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    const broken = SMALL_BOOK.replace('title: "Gardening with Graphs"', 'title: [unclosed');
    fireEvent.change(await rawText(), { target: { value: broken } });
    const banner = await screen.findByRole('alert', {}, { timeout: RAW_COMMIT_MS * 5 });
    expect(banner.textContent).toMatch(/The front matter cannot be read \(line \d+, column \d+\)/);
    expect((await rawText()).value).toBe(broken);
    expect(store.get().book!.doc.text).toBe(broken);
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Gardening with Graphs');
  });
});

describe('the raw view and other books', () => {
  it('opens a file the forms cannot show in the raw view, with the banner', async () => {
    // No front matter: the library names it by its file (openEditor finds it by this "title").
    const text = 'title: "gardening-with-graphs"\nno front matter here\n';
    const { store } = await openEditor({ [SMALL_PATH]: text });
    expect(store.get().ui.view).toBe('raw');
    expect(screen.getByRole('tab', { name: 'Raw' }).getAttribute('aria-selected')).toBe('true');
    expect((await rawText()).value).toBe(text);
    expect(screen.getByRole('alert').textContent).toMatch(/Fix it in the raw view/);
  });

  it('commits typing still waiting when another book is picked, so the switch asks first', async () => {
    const other = '_books/20240311-other.md';
    const { user, store } = await openEditor({ [SMALL_PATH]: SMALL_BOOK, [other]: SMALL_BOOK.replace('Gardening with Graphs', 'Another Book') });
    expect(store.get().book!.path).toBe(SMALL_PATH);
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    fireEvent.change(await rawText(), { target: { value: `${SMALL_BOOK}Typed just now.\n` } });
    await user.click(within(screen.getByRole('navigation', { name: 'Library' })).getByRole('option', { name: /Another Book/ }));
    expect(screen.getByRole('alertdialog', { name: 'Unsaved changes' })).toBeTruthy();
    expect(store.get().book!.doc.text).toBe(`${SMALL_BOOK}Typed just now.\n`);
  });
});

describe('the preview', () => {
  it('is a region with a sandboxed, script-less frame, toggled by its button and remembered', async () => {
    const { user, store } = await openEditor();
    const region = screen.getByRole('region', { name: 'Preview' });
    const frame = within(region).getByTitle('Preview');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull();
    expect(store.get().ui.preview).toBe(false);
    expect(localStorage.getItem('book-editor.preview')).toBe('off');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByRole('region', { name: 'Preview' })).toBeTruthy();
    expect(localStorage.getItem('book-editor.preview')).toBe('on');
  });
});

describe('the problems list', () => {
  it('lists errors first with their place in words, and takes you to the raw range in the raw view', async () => {
    const book = SMALL_BOOK.replace('        text: "With a seed."', '        text: ""').replace('  - name: Mira', '  - name: ""');
    const { user, store } = await openEditor({ [SMALL_PATH]: book });
    await user.click(screen.getByRole('button', { name: /^Problems: 1 error, \d+ warnings?/ }));
    const items = within(screen.getByRole('region', { name: 'Problems' })).getAllByRole('button', { name: /Thread/ });
    expect(items.map((b) => b.textContent)).toEqual([expect.stringMatching(/^Thread 2 has no name\./), expect.stringMatching(/^Thread 1, reply 1: text is empty\./)]);
    expect(items[0]!.className).toContain('problem-error');
    await user.click(items[1]!);
    await waitFor(() => expect(document.activeElement?.getAttribute('data-path')).toBe('archive.0.replies.0.text'));
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    await rawText();
    await user.click(within(screen.getByRole('region', { name: 'Problems' })).getAllByRole('button', { name: /Thread/ })[0]!);
    const reveal = store.get().ui.rawReveal!;
    expect(store.get().ui.view).toBe('raw');
    expect(book.slice(reveal.from, reveal.to)).toBe('""');
  });
});

describe('Review changes', () => {
  it('shows the file on disk against what Save would write, counts the lines, and saves from there', async () => {
    const { user, api, text } = await openEditor();
    await user.type(screen.getByLabelText('Title'), '!');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const dialog = screen.getByRole('dialog', { name: 'Review changes' });
    await within(dialog).findByText('2 lines changed: +1 −1');
    expect((await within(dialog).findByTestId('diff')).textContent).toBe(`${SMALL_BOOK}\n=====\n${text()}`);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.saves.map((s) => s.text)).toEqual([text()]);
  });

  it('says why Save is off while errors block it', async () => {
    const { user } = await openEditor();
    await user.clear(screen.getByLabelText('Title'));
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const dialog = screen.getByRole('dialog', { name: 'Review changes' });
    const save = await within(dialog).findByRole('button', { name: 'Save' });
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(true));
    expect(within(dialog).getByText(/Fix the error in the problems list first/)).toBeTruthy();
  });
});
