// @vitest-environment jsdom
// The cover and the preview card in the form: choosing or dropping a cover, refusals in words, asking
// before replacing a file, setting `cover` and `image` as one undo step each, and the card's state.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CoverResult, PreviewImageResult, PreviewImageState } from '../../shared/api';
import { MAX_COVER_BYTES } from '../../shared/api';
import { cardStatusLabel, coverRefusal } from '../../renderer/src/form/useBookImages';
import { openEditor } from './render';
import { fakeApi, PEOPLE, SMALL_BOOK, SMALL_PATH } from './fakeApi';

vi.mock('../../renderer/src/raw/RawEditor', async () => ({ default: (await import('./fakeMonaco')).FakeRawEditor }));

afterEach(cleanup);

const ID = '20240304-gardening-with-graphs';
const COVER = `images/books/${ID}/cover.jpg`;
const CARD = `images/books/${ID}/preview.jpg`;
/** The small book with no cover and no image yet. */
const BARE = SMALL_BOOK.replace(`cover: "${COVER}"`, 'cover: ""').replace(`image: "${COVER}"`, 'image: ""');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const state = (over: Partial<PreviewImageState> = {}): PreviewImageState => ({ path: CARD, imageEmpty: false, status: 'current', changed: [], message: 'The preview image is up to date.', ...over });

/** The editor on the small book (or `text`), with the image methods replaced by `over`. */
async function editor(text: string, over: { writeCover?: (...a: [string, string, boolean]) => Promise<CoverResult>; makePreviewImage?: (...a: [string, string | null, boolean]) => Promise<PreviewImageResult>; previewImageState?: (...a: [string, string | null]) => Promise<PreviewImageState> } = {}) {
  const api = fakeApi({ [SMALL_PATH]: text }, { people: PEOPLE, existing: [COVER] });
  const spies = {
    writeCover: vi.fn(over.writeCover ?? (async (): Promise<CoverResult> => ({ ok: true, path: COVER, width: 267, height: 400 }))),
    makePreviewImage: vi.fn(over.makePreviewImage ?? (async (): Promise<PreviewImageResult> => ({ ok: true, path: CARD, setImage: false, ms: 42, warnings: [] }))),
    previewImageState: vi.fn(over.previewImageState ?? (async () => state())),
  };
  Object.assign(api, spies);
  const opened = await openEditor({ [SMALL_PATH]: text }, api);
  return { ...opened, spies };
}

const coverInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;
const undoLabels = (store: Awaited<ReturnType<typeof editor>>['store']) => store.get().book!.history.undo.map((s) => s.label);

describe('choosing a cover', () => {
  it('sends the file, sets an empty cover to the written path as one "Set cover" step, and says so', async () => {
    const { user, store, spies, text } = await editor(BARE);
    expect(screen.getByRole('button', { name: 'Choose cover…' })).toBeTruthy();
    expect(coverInput().accept).toBe('image/jpeg,image/png,image/webp');
    await user.upload(coverInput(), new File([PNG], 'big.png', { type: 'image/png' }));
    await waitFor(() => expect(text()).toContain(`cover: "${COVER}"`));
    expect(spies.writeCover).toHaveBeenCalledTimes(1);
    const [path, base64, overwrite] = spies.writeCover.mock.calls[0]!;
    expect([path, overwrite]).toEqual([SMALL_PATH, false]);
    expect(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))).toEqual(PNG);
    expect(undoLabels(store)).toEqual(['Set cover']);
    expect(text()).toBe(BARE.replace('cover: ""', `cover: "${COVER}"`));
    expect(await screen.findByText(/Cover written: images\/books\/20240304-gardening-with-graphs\/cover\.jpg, 267×400 px, and the book’s cover set to it\./)).toBeTruthy();
  });

  it('asks before replacing an existing cover: Cancel writes nothing, Replace writes with overwrite and leaves an equal cover alone', async () => {
    const { user, store, spies, text } = await editor(SMALL_BOOK, {
      writeCover: async (_p, _b, overwrite) => (overwrite ? { ok: true, path: COVER, width: 267, height: 400 } : { ok: false, reason: 'exists', path: COVER }),
    });
    const button = screen.getByRole('button', { name: 'Choose cover…' });
    await user.upload(coverInput(), new File([PNG], 'new.png', { type: 'image/png' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Replace the cover?' });
    expect(dialog.textContent).toContain(COVER);
    expect(dialog.textContent).toContain('new.png');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(spies.writeCover).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(`The cover ${COVER} was kept as it is.`)).toBeTruthy();

    button.focus();
    await user.upload(coverInput(), new File([PNG], 'new.png', { type: 'image/png' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Replace the cover?' });
    await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(spies.writeCover).toHaveBeenCalledTimes(3));
    expect(spies.writeCover.mock.calls.map((c) => c[2])).toEqual([false, false, true]);
    expect(await screen.findByText(/^Cover written: .*267×400 px\.$/)).toBeTruthy();
    // The cover already pointed there: the text and the undo history are untouched.
    expect(text()).toBe(SMALL_BOOK);
    expect(undoLabels(store)).toEqual([]);
  });

  it('replaces a different cover path with the written one', async () => {
    const other = SMALL_BOOK.replace(`cover: "${COVER}"`, 'cover: "images/old/cover.png"');
    const { user, store, text } = await editor(other);
    await user.upload(coverInput(), new File([PNG], 'c.webp', { type: 'image/webp' }));
    await waitFor(() => expect(text()).toContain(`cover: "${COVER}"`));
    expect(undoLabels(store)).toEqual(['Set cover']);
    await user.keyboard('{Control>}z{/Control}');
    expect(text()).toBe(other);
  });

  it('takes an image file dropped on the cover field, and shows the drop target while one is over it', async () => {
    const { spies, text } = await editor(BARE);
    const field = screen.getByLabelText('Cover').closest('.field')!;
    const file = new File([PNG], 'dropped.png', { type: 'image/png' });
    fireEvent.dragEnter(field, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(field.classList.contains('drop-over')).toBe(true);
    expect(screen.getByText('Drop to make this image the cover')).toBeTruthy();
    fireEvent.drop(field, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(field.classList.contains('drop-over')).toBe(false);
    await waitFor(() => expect(text()).toContain(`cover: "${COVER}"`));
    expect(spies.writeCover).toHaveBeenCalledTimes(1);
  });

  it('refuses an SVG, another type and a file over the limit in words, before sending anything', async () => {
    const { user, spies } = await editor(BARE);
    // The chooser filters by type; a drop or "all files" does not, so the page checks again.
    const field = screen.getByLabelText('Cover').closest('.field')!;
    const drop = (file: File) => fireEvent.drop(field, { dataTransfer: { types: ['Files'], files: [file] } });
    drop(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'cover.svg', { type: 'image/svg+xml' }));
    expect((await screen.findByRole('alert')).textContent).toBe('cover.svg is an SVG drawing. A cover must be a JPEG, PNG or WebP picture; SVG files are never drawn.');
    drop(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect((await screen.findByRole('alert')).textContent).toBe('notes.txt is not a JPEG, PNG or WebP image. Choose a JPEG, PNG or WebP picture.');
    const huge = new File([PNG], 'scan.png', { type: 'image/png' });
    Object.defineProperty(huge, 'size', { value: 50 * 1024 * 1024 });
    await user.upload(coverInput(), huge);
    expect((await screen.findByRole('alert')).textContent).toBe('scan.png is 50 MB: a cover image can be at most 20 MB. Save it smaller and choose it again.');
    expect(spies.writeCover).not.toHaveBeenCalled();
    expect(coverRefusal({ name: 'a.gif', type: 'image/gif', size: 10 })).toBe('a.gif is not a JPEG, PNG or WebP image (it is GIF). Choose a JPEG, PNG or WebP picture.');
    expect(coverRefusal({ name: 'a.jpg', type: 'image/jpeg', size: MAX_COVER_BYTES })).toBeNull();
    expect(coverRefusal({ name: 'a.jpg', type: 'image/jpeg', size: MAX_COVER_BYTES + 1 })).toMatch(/at most 20 MB/);
  });

  it('shows the Node side’s refusal (a damaged image) and changes nothing', async () => {
    const { user, text, store } = await editor(BARE, { writeCover: async () => Promise.reject(new Error('broken.png is not a JPEG, PNG or WebP image (its bytes are damaged).')) });
    await user.upload(coverInput(), new File([PNG], 'broken.png', { type: 'image/png' }));
    expect((await screen.findByRole('alert')).textContent).toBe('broken.png was not made the cover: broken.png is not a JPEG, PNG or WebP image (its bytes are damaged).');
    expect(text()).toBe(BARE);
    expect(undoLabels(store)).toEqual([]);
  });
});

describe('the preview card', () => {
  it('labels its state: up to date, missing, out of date with what changed', () => {
    expect(cardStatusLabel(state())).toBe('Up to date');
    expect(cardStatusLabel(state({ status: 'missing' }))).toBe('Missing');
    expect(cardStatusLabel(state({ status: 'out-of-date', changed: ['title', 'authors'] }))).toBe('Out of date: title, authors changed');
    expect(cardStatusLabel(state({ status: 'out-of-date', changed: ['unrecorded'] }))).toBe('May be out of date: not made by this editor');
  });

  it('asks for the state with the text as the page holds it, again after the title changes, and shows "Out of date"', async () => {
    const { user, spies } = await editor(SMALL_BOOK, {
      previewImageState: async (_p, text) => (text?.includes('Gardening with Graphs II') ? state({ status: 'out-of-date', changed: ['title'], message: 'The title changed.' }) : state()),
    });
    const field = screen.getByLabelText('Preview image').closest('.field')!;
    expect(await within(field as HTMLElement).findByText('Up to date')).toBeTruthy();
    const calls = spies.previewImageState.mock.calls.length;
    expect(calls).toBeGreaterThanOrEqual(1);
    await user.type(screen.getByLabelText('Title'), ' II');
    expect(await within(field as HTMLElement).findByText('Out of date: title changed', {}, { timeout: 3000 })).toBeTruthy();
    // Debounced: typing three characters asks once more, not three times.
    expect(spies.previewImageState.mock.calls.length).toBe(calls + 1);
    expect(spies.previewImageState.mock.calls.at(-1)![1]).toContain('title: "Gardening with Graphs II"');
    expect(screen.getByLabelText('Preview image').getAttribute('aria-describedby')).toContain(field.querySelector('.card-status')!.id);
  });

  it('offers "Make preview image" with the missing-file warning; making it sets an empty image as one step, and the state refreshes', async () => {
    let made = false;
    const { user, store, spies, text } = await editor(BARE, {
      previewImageState: async () => (made ? state() : state({ status: 'missing', imageEmpty: true, message: 'No preview image.' })),
      makePreviewImage: async () => {
        made = true;
        return { ok: true, path: CARD, setImage: true, ms: 61.4, warnings: [] };
      },
    });
    const field = screen.getByLabelText('Preview image').closest('.field') as HTMLElement;
    expect(await within(field).findByText('Missing')).toBeTruthy();
    expect(within(field).getByText(`No preview image yet (it will be ${CARD}).`)).toBeTruthy();
    await user.click(within(field).getByRole('button', { name: 'Make preview image' }));
    await waitFor(() => expect(text()).toContain(`image: "${CARD}"`));
    expect(spies.makePreviewImage.mock.calls[0]![0]).toBe(SMALL_PATH);
    expect(spies.makePreviewImage.mock.calls[0]![2]).toBe(false);
    expect(undoLabels(store)).toEqual(['Set preview image']);
    expect(await within(field).findByText('Up to date')).toBeTruthy();
    expect(await screen.findByText(`Preview image made: ${CARD}, and the book’s image set to it.`)).toBeTruthy();
    expect(within(field).getByRole('button', { name: 'Make preview image' }).title).toBe('Last made in 61 ms.');
  });

  it('asks before replacing a card not made by this editor, then makes it with overwrite; shows what the card left out', async () => {
    const { user, spies } = await editor(SMALL_BOOK, {
      previewImageState: async () => state({ status: 'out-of-date', changed: ['unrecorded'], message: 'Not made by this editor.' }),
      makePreviewImage: async (_p, _t, overwrite) => (overwrite ? { ok: true, path: CARD, setImage: false, ms: 50, warnings: ['The picture of Lena Voss could not be read: her initials are drawn instead.'] } : { ok: false, reason: 'exists', path: CARD }),
    });
    const button = await screen.findByRole('button', { name: 'Make preview image' });
    await user.click(button);
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the preview image?' });
    expect(dialog.textContent).toContain(CARD);
    expect(dialog.textContent).not.toContain('This file is the book’s cover');
    // Cancel is where the focus starts: Enter does not overwrite by accident.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(spies.makePreviewImage).toHaveBeenCalledTimes(2));
    expect(spies.makePreviewImage.mock.calls.map((c) => c[2])).toEqual([false, true]);
    expect(await screen.findByText('The picture of Lena Voss could not be read: her initials are drawn instead.', { selector: '.msg span' })).toBeTruthy();
    // The dialog gave the focus back to the button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Make preview image' }));
  });

  it('says "Making…" while drawing, keeps the focus on the button, ignores a second press, and announces the end', async () => {
    let finish: (r: PreviewImageResult) => void = () => undefined;
    const { user, spies } = await editor(SMALL_BOOK, { makePreviewImage: () => new Promise((r) => (finish = r)) });
    const button = await screen.findByRole('button', { name: 'Make preview image' });
    button.focus();
    await user.keyboard('{Enter}');
    const busy = await screen.findByRole('button', { name: 'Making…' });
    expect(busy).toBe(button);
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    expect(spies.makePreviewImage).toHaveBeenCalledTimes(1);
    await act(async () => finish({ ok: true, path: CARD, setImage: false, ms: 70, warnings: [] }));
    expect(await screen.findByRole('button', { name: 'Make preview image' })).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(document.querySelector('.notice-region[aria-live="polite"]')!.textContent).toContain(`Preview image made: ${CARD}.`);
  });

  it('shows why a card cannot be made, and no button then', async () => {
    await editor(SMALL_BOOK, { previewImageState: async () => state({ path: null, status: 'invalid', message: 'The image path ../outside.jpg is outside images/.' }) });
    const field = screen.getByLabelText('Preview image').closest('.field') as HTMLElement;
    expect(await within(field).findByText('Cannot be made')).toBeTruthy();
    expect(within(field).getByText('The image path ../outside.jpg is outside images/.')).toBeTruthy();
    expect(within(field).queryByRole('button', { name: 'Make preview image' })).toBeNull();
  });

  it('warns when the card would replace the book’s cover file (image and cover are the same path)', async () => {
    // The small book's image is its cover's path, as some of the site's books have it.
    expect(SMALL_BOOK).toContain(`image: "${COVER}"`);
    const { user, spies } = await editor(SMALL_BOOK, { makePreviewImage: async () => ({ ok: false, reason: 'exists', path: COVER }) });
    await user.click(await screen.findByRole('button', { name: 'Make preview image' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the preview image?' });
    expect(dialog.textContent).toContain('This file is the book’s cover: the card would replace it.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(spies.makePreviewImage).toHaveBeenCalledTimes(1);
  });
});
