// Undo and redo go back to a text by one change; when that text is known to read cleanly,
// only the entries that hold the change are read again. Whatever path it takes, the
// document must be the one a fresh read of the text builds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addReply, addThread, applyBookEdit, editReply, moveReply, openBook, removeThread, setField } from '../../shared/index';
import type { BookDocument } from '../../shared/index';
import { changeText } from '../../shared/book/changeText';
import { minimalEdit } from '../../shared/book/textEdit';
import { synthBook } from '../bench/synth';
import { corpusBooks } from '../corpus';

/** `doc` taken to `text` by one change, checked against a fresh read; `clean` as the history would say. */
function changedTo(doc: BookDocument, text: string, clean = true): BookDocument {
  const next = changeText(doc, minimalEdit(doc.text, text)!, clean);
  const fresh = openBook(text);
  expect(next.text).toBe(text);
  expect(next.data).toEqual(fresh.data);
  expect(next.tree?.root ?? null).toEqual(fresh.tree?.root ?? null);
  expect(next.tree?.profile).toEqual(fresh.tree?.profile);
  expect(next.split).toEqual(fresh.split);
  expect(next.body).toBe(fresh.body);
  expect(next.diagnostics).toEqual(fresh.diagnostics);
  return next;
}

const archive = (doc: BookDocument) => (doc.data as { archive: unknown[] }).archive;

describe('undo and redo by one change', () => {
  const big = openBook(synthBook(400));

  it('re-reads only the thread a reply edit touched, in a 400-thread book', () => {
    const edited = applyBookEdit(big, editReply, { thread: 200, reply: 2, key: 'text', value: 'Changed.' });
    const undone = changedTo(edited, big.text);
    // Every other thread is the same object: nothing else was read again.
    expect(archive(undone)[199]).toBe(archive(edited)[199]);
    expect(archive(undone)[201]).toBe(archive(edited)[201]);
    const redone = changedTo(undone, edited.text);
    expect(archive(redone)[0]).toBe(archive(undone)[0]);
  });

  it('re-reads only the threads an added, moved or removed thread or reply touched', () => {
    for (const edited of [
      applyBookEdit(big, addThread, {}),
      applyBookEdit(big, addThread, { index: 0 }),
      applyBookEdit(big, removeThread, { thread: 399 }),
      applyBookEdit(big, removeThread, { thread: 5 }),
      applyBookEdit(big, addReply, { thread: 7, reply: { name: 'Tino', text: 'New.' } }),
      applyBookEdit(big, moveReply, { thread: 7, reply: 0, toThread: 7, toIndex: 3 }),
      applyBookEdit(big, moveReply, { thread: 7, reply: 0, toThread: 8, toIndex: 0 }),
    ]) {
      const undone = changedTo(edited, big.text);
      // All but the threads the change touched are the very objects they were: nothing else was read again.
      const kept = new Set(archive(edited));
      expect(archive(undone).filter((t) => kept.has(t)).length).toBeGreaterThanOrEqual(397);
      changedTo(undone, edited.text);
    }
  });

  it('reads the whole text when the target is not known to read cleanly, or the change touches the front matter’s edges', () => {
    const small = openBook('---\ntitle: "A"\nauthors: [a]\n---\nBody.\n');
    changedTo(small, '---\ntitle: "A\nauthors: [a]\n---\nBody.\n', false);
    changedTo(small, '---\ntitle: "A"\n---\nauthors: [a]\n---\nBody.\n');
    changedTo(small, '---\ntitle: "A"\nauthors: [a]\n---\nAnother body.\n');
    changedTo(small, '---\ntitle: "A"\nauthors: [a]\nlinks: []\n---\nBody.\n');
    changedTo(small, 'no front matter\n');
    const edited = applyBookEdit(small, setField, { key: 'title', value: 'B' });
    changedTo(edited, small.text);
  });

  it('agrees with a fresh read for random changes between texts that read cleanly', () => {
    const samples = [synthBook(3), ...corpusBooks().slice(0, 8).map(([, t]) => t)];
    const pieces = ['', ' ', '  ', '- ', ': ', '\n', '\n  ', '\n- name: X\n  text: Y\n', 'word', '"', "'", '#', '[', ']', ',', '  - name: R\n    text: S\n'];
    let incremental = 0;
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.array(fc.record({ at: fc.nat(1_000_000), del: fc.nat(40), ins: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 3 }), (s, edits) => {
        const before = openBook(samples[s]!);
        let text = before.text;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins + text.slice(at + e.del);
        }
        const after = openBook(text);
        fc.pre(text !== before.text && after.tree !== null && after.diagnostics.length === 0);
        const next = changedTo(before, text);
        const back = changedTo(next, before.text);
        if (next.tree!.root.entries[0] === before.tree!.root.entries[0] || back.tree!.root.entries[0] === next.tree!.root.entries[0]) incremental++;
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
    // Most of these changes were handled without reading the whole text.
    expect(incremental).toBeGreaterThan(15);
  });
});
