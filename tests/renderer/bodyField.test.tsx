// @vitest-environment jsdom
// The body (the markdown after the front matter) as a field of the form: one lossless edit of
// the body only, a burst of typing one undo step, and a rendered preview.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { SMALL_BOOK } from './fakeApi';
import { openEditor } from './render';

afterEach(cleanup);

describe('the body field', () => {
  it('edits the body only, as one undo step, and previews it', async () => {
    const { user, store, text } = await openEditor();
    const body = screen.getByRole('textbox', { name: 'Body' }) as HTMLTextAreaElement;
    expect(body.value).toBe('The body.\n');
    await user.type(body, 'A **bold** line.');
    const front = SMALL_BOOK.slice(0, SMALL_BOOK.indexOf('The body.'));
    expect(text()).toBe(`${front}The body.\nA **bold** line.`);
    expect(store.get().book!.history.undo).toHaveLength(1);
    expect(store.get().book!.history.undo[0]!.label).toBe('Edit body');
    await user.click(within(screen.getByRole('group', { name: 'Body view' })).getByRole('button', { name: 'Rendered' }));
    const preview = screen.getByRole('region', { name: 'Body preview' });
    expect(preview.querySelector('strong')?.textContent).toBe('bold');
    await user.click(within(screen.getByRole('group', { name: 'Body view' })).getByRole('button', { name: 'Markdown' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(text()).toBe(SMALL_BOOK);
  });
});
