// @vitest-environment jsdom
// Keep both (issue 10): a conflict with the disk merges your changes into the disk's version,
// shows the result against the disk, names the places both changed, and saves.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { SMALL_BOOK, SMALL_PATH } from './fakeApi';
import { openEditor } from './render';

vi.mock('../../renderer/src/review/DiffView', async () => ({ default: (await import('./fakeMonaco')).FakeDiffView }));

afterEach(cleanup);

describe('Keep both', () => {
  it('replays a form edit on a file changed elsewhere, shows the diff against the disk, and saves both changes', async () => {
    const { user, api, store } = await openEditor();
    await user.type(screen.getAllByLabelText('Title')[0]!, '!');
    const onDisk = SMALL_BOOK.replace('Which soil?', 'Which soil is best?');
    api.writeOnDisk(SMALL_PATH, onDisk);
    await user.keyboard('{Control>}s{/Control}');
    const conflict = await screen.findByRole('alertdialog', { name: 'The file changed on disk' });
    await user.click(within(conflict).getByRole('button', { name: 'Keep both' }));
    const dialog = await screen.findByRole('dialog', { name: /^Keep both/ });
    expect(within(dialog).getByText(/1 of your changes replayed on the file on disk; no conflicts\./)).toBeTruthy();
    const merged = onDisk.replace('title: "Gardening with Graphs"', 'title: "Gardening with Graphs!"');
    // The diff is the disk's version against the merged one: only the title line differs.
    expect((await within(dialog).findByTestId('diff')).textContent).toBe(`${onDisk}\n=====\n${merged}`);
    expect(await within(dialog).findByText('Change 1 of 1')).toBeTruthy();
    expect(api.saves).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Save merged version' }));
    await waitFor(() => expect(api.saves).toHaveLength(1));
    expect(api.files.get(SMALL_PATH)).toBe(merged);
    expect(store.get().book!.doc.text).toBe(merged);
    expect(store.get().book!.savedText).toBe(merged);
    // One undo step goes back to your own version.
    expect(store.get().book!.history.undo.at(-1)!.label).toBe('Keep both');
  });

  it('names a place both changed, keeps the disk’s by default, and yours when chosen, one by one or for all', async () => {
    const { user, api } = await openEditor();
    const title = screen.getAllByLabelText('Title')[0]!;
    await user.clear(title);
    await user.type(title, 'Mine');
    const onDisk = SMALL_BOOK.replace('Gardening with Graphs', 'Theirs').replace('The body.', 'The body, longer.');
    api.writeOnDisk(SMALL_PATH, onDisk);
    await user.keyboard('{Control>}s{/Control}');
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Keep both' }));
    const dialog = await screen.findByRole('dialog', { name: /^Keep both/ });
    const list = within(dialog).getByRole('region', { name: /Both sides changed one place/ });
    const place = within(list).getByRole('group', { name: /Title — changed here and on disk/ });
    const disks = within(place).getByRole('radio', { name: /The disk’s: “Theirs”/ });
    const yours = within(place).getByRole('radio', { name: /Yours: “Mine”/ });
    expect((disks as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByTestId('diff').textContent).toBe(`${onDisk}\n=====\n${onDisk}`);
    await user.click(yours);
    expect((yours as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByTestId('diff').textContent).toContain('title: "Mine"');
    await user.click(within(dialog).getByRole('button', { name: 'Keep the disk’s for all' }));
    expect((disks as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Keep yours for all' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save merged version' }));
    await waitFor(() => expect(api.saves).toHaveLength(1));
    expect(api.files.get(SMALL_PATH)).toBe(onDisk.replace('title: "Theirs"', 'title: "Mine"'));
  });

  it('is offered by the banner of a watched change on a dirty book', async () => {
    const { user, api } = await openEditor();
    await user.type(screen.getAllByLabelText('Title')[0]!, '!');
    const onDisk = SMALL_BOOK.replace('Loam.', 'Loam, mostly.');
    api.writeOnDisk(SMALL_PATH, onDisk);
    api.push({ kind: 'book-changed', path: SMALL_PATH });
    const banner = (await screen.findByText('This file changed on disk.')).closest('.banner') as HTMLElement;
    await user.click(within(banner).getByRole('button', { name: 'Keep both' }));
    const dialog = await screen.findByRole('dialog', { name: /^Keep both/ });
    await user.click(within(dialog).getByRole('button', { name: 'Save merged version' }));
    await waitFor(() => expect(api.saves).toHaveLength(1));
    const saved = api.files.get(SMALL_PATH)!;
    expect(saved).toContain('Loam, mostly.');
    expect(saved).toContain('title: "Gardening with Graphs!"');
    await waitFor(() => expect(screen.queryByText('This file changed on disk.')).toBeNull());
  });
});

describe('Review changes', () => {
  it('starts at the first change, and Next / Previous step through them, staying at the ends', async () => {
    const { user } = await openEditor();
    await user.type(screen.getAllByLabelText('Title')[0]!, '!');
    const reply = screen.getAllByLabelText('Text').find((el) => (el as HTMLTextAreaElement).value === 'Loam.')!;
    await user.type(reply, ' Mostly.');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const dialog = screen.getByRole('dialog', { name: 'Review changes' });
    expect(await within(dialog).findByText('Change 1 of 2')).toBeTruthy();
    const diff = within(dialog).getByTestId('diff');
    expect(diff.dataset.at).toBe('0');
    const previous = within(dialog).getByRole('button', { name: 'Previous change' });
    const next = within(dialog).getByRole('button', { name: 'Next change' });
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    await user.click(next);
    expect(within(dialog).getByText('Change 2 of 2')).toBeTruthy();
    expect(diff.dataset.at).toBe('1');
    expect(next.getAttribute('aria-disabled')).toBe('true');
    await user.click(next);
    expect(diff.dataset.at).toBe('1');
    expect(document.activeElement).toBe(next);
    await user.click(previous);
    expect(diff.dataset.at).toBe('0');
  });
});
