// The store of the open book: edits from the core, undo with merged typing bursts, dirty state, unparsable text.
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../renderer/src/store/editorStore';
import { isDirty } from '../../renderer/src/store/bookSlice';
import { MERGE_MS } from '../../renderer/src/store/history';
import { formBookOf } from '../../renderer/src/store/derived';
import { SMALL_BOOK, SMALL_PATH } from './fakeApi';

const fp = { mtimeMs: 1, size: 1, hash: '0'.repeat(64) };

function setup() {
  let now = 1000;
  const clock = { tick: (ms: number) => (now += ms) };
  const store = createEditorStore(undefined, () => now);
  store.load({ path: SMALL_PATH, text: SMALL_BOOK, fingerprint: fp });
  return { store, clock };
}

describe('the editor store', () => {
  it('loads a book without an undo step and clean', () => {
    const { store } = setup();
    const book = store.get().book!;
    expect(book.history.undo).toEqual([]);
    expect(isDirty(book)).toBe(false);
    expect(formBookOf(store.get())!.title).toBe('Gardening with Graphs');
  });

  it('applies an edit through the core, touching only the changed bytes', () => {
    const { store } = setup();
    expect(store.edit('Edit title', [{ op: 'set', path: ['title'], value: 'Graph Gardens' }], 'set:title')).toBe(true);
    const text = store.get().book!.doc.text;
    expect(text).toBe(SMALL_BOOK.replace('"Gardening with Graphs"', '"Graph Gardens"'));
    expect(isDirty(store.get().book)).toBe(true);
  });

  it('merges a burst of typing in one field into one undo step', () => {
    const { store, clock } = setup();
    for (const v of ['W', 'Wi', 'Wit', 'With']) {
      store.edit('Edit reply text', [{ op: 'set', path: ['archive', 0, 'replies', 0, 'text'], value: v }], 'set:archive.0.replies.0.text');
      clock.tick(100);
    }
    expect(store.get().book!.history.undo).toHaveLength(1);
    clock.tick(MERGE_MS + 1);
    store.edit('Edit reply text', [{ op: 'set', path: ['archive', 0, 'replies', 0, 'text'], value: 'With a' }], 'set:archive.0.replies.0.text');
    expect(store.get().book!.history.undo).toHaveLength(2);
    // Another field starts another step at once.
    store.edit('Edit title', [{ op: 'set', path: ['title'], value: 'X' }], 'set:title');
    expect(store.get().book!.history.undo.map((s) => s.label)).toEqual(['Edit reply text', 'Edit reply text', 'Edit title']);
    store.undo();
    store.undo();
    expect(store.get().book!.doc.text).toContain('text: "With"');
    store.undo();
    expect(store.get().book!.doc.text).toBe(SMALL_BOOK);
    expect(isDirty(store.get().book)).toBe(false);
    store.redo();
    expect(store.get().book!.doc.text).toContain('text: "With"');
  });

  it('keeps the document objects in history: undo does not re-parse', () => {
    const { store } = setup();
    const first = store.get().book!.doc;
    store.edit('Move reply', [{ op: 'move', from: ['archive', 0, 'replies', 1], to: ['archive', 1, 'replies'], index: 0 }]);
    store.undo();
    expect(store.get().book!.doc).toBe(first);
  });

  it('is clean again when the text returns to what was read, and after a save', () => {
    const { store } = setup();
    store.edit('Edit title', [{ op: 'set', path: ['title'], value: 'A' }], 'set:title');
    store.markSaved(store.get().book!.doc.text, { ...fp, hash: '1'.repeat(64) });
    expect(isDirty(store.get().book)).toBe(false);
    expect(store.get().book!.fingerprint!.hash).toBe('1'.repeat(64));
    store.undo();
    expect(isDirty(store.get().book)).toBe(true);
  });

  it('reports an edit that cannot apply and leaves the text alone', () => {
    const { store } = setup();
    expect(store.edit('Delete reply', [{ op: 'remove', path: ['archive', 7] }])).toBe(false);
    expect(store.get().book!.doc.text).toBe(SMALL_BOOK);
    expect(store.get().ui.notice?.kind).toBe('error');
    expect(store.get().ui.notice?.text).toMatch(/Delete reply did not apply/);
  });

  it('keeps the last readable book while the raw text does not parse', () => {
    const { store } = setup();
    const broken = SMALL_BOOK.replace('title: "Gardening with Graphs"', 'title: "Gardening with Graphs');
    store.replaceText(broken);
    const book = store.get().book!;
    expect(book.doc.data).toBeNull();
    expect(book.readable!.text).toBe(SMALL_BOOK);
    expect(formBookOf(store.get())!.title).toBe('Gardening with Graphs');
    store.undo();
    expect(store.get().book!.doc.text).toBe(SMALL_BOOK);
  });

  it('a new edit after undo drops the redo steps', () => {
    const { store } = setup();
    store.edit('Edit title', [{ op: 'set', path: ['title'], value: 'A' }]);
    store.undo();
    expect(store.get().book!.history.redo).toHaveLength(1);
    store.edit('Edit description', [{ op: 'set', path: ['description'], value: 'B' }]);
    expect(store.get().book!.history.redo).toHaveLength(0);
  });
});
