// The store of the open book: edits from the core, undo with merged typing bursts, dirty state, unparsable text.
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../renderer/src/store/editorStore';
import { isDirty } from '../../renderer/src/store/bookSlice';
import { MAX_BYTES, MAX_STEPS, MERGE_MS, stepBytes } from '../../renderer/src/store/history';
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

  it('keeps changes in history, not documents: undo re-reads only the part of the tree the step changed', () => {
    const { store } = setup();
    const first = store.get().book!.doc;
    store.edit('Move reply', [{ op: 'move', from: ['archive', 0, 'replies', 1], to: ['archive', 1, 'replies'], index: 0 }]);
    const step = store.get().book!.history.undo[0]!;
    expect(step.undo.insert.length + step.redo.insert.length).toBeLessThan(200);
    store.undo();
    const doc = store.get().book!.doc;
    expect(doc.text).toBe(first.text);
    expect(doc.data).toEqual(first.data);
    // The title's node is the object the book was opened with: the undo read nothing outside the archive.
    expect(doc.tree!.root.entries[0]).toBe(first.tree!.root.entries[0]);
    store.redo();
    expect(store.get().book!.doc.tree!.root.entries[0]).toBe(first.tree!.root.entries[0]);
  });

  it('groups raw typing by its pauses, however often it was committed', () => {
    const { store, clock } = setup();
    const typed = (suffix: string, pause: number) => {
      clock.tick(1000);
      store.replaceText(SMALL_BOOK.replace('The body.', `The body.${suffix}`), 'Edit raw text', 'raw', pause);
    };
    typed(' a', Infinity);
    typed(' ab', 40);
    typed(' abc', 120);
    expect(store.get().book!.history.undo).toHaveLength(1);
    typed(' abcd', MERGE_MS + 1);
    expect(store.get().book!.history.undo).toHaveLength(2);
    store.undo();
    expect(store.get().book!.doc.text).toContain('The body. abc\n');
    store.undo();
    expect(store.get().book!.doc.text).toBe(SMALL_BOOK);
  });

  it('bounds the history by bytes as well as by steps, keeping the newest', () => {
    const { store } = setup();
    // Each step replaces a body of MAX_BYTES / 8 characters by another: a quarter of the budget kept twice (before and after).
    const body = (i: number) => String.fromCharCode(97 + i).repeat(MAX_BYTES / 8);
    for (let i = 0; i < 6; i++) store.replaceText(SMALL_BOOK.replace('The body.', body(i)), 'Edit raw text', null);
    const history = store.get().book!.history;
    expect(history.undo.length).toBeGreaterThan(0);
    expect(history.undo.length).toBeLessThan(6);
    expect(history.undo.reduce((n, s) => n + stepBytes(s), 0)).toBeLessThanOrEqual(MAX_BYTES);
    store.undo();
    expect(store.get().book!.doc.text).toContain(body(4));
    for (let i = 0; i <= MAX_STEPS; i++) store.edit('Edit title', [{ op: 'set', path: ['title'], value: `Title ${i}` }]);
    expect(store.get().book!.history.undo).toHaveLength(MAX_STEPS);
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
