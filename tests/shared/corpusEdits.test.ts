import { describe, expect, it } from 'vitest';
import { openBook, rangeOf, promoteReply } from '../../shared/index';
import type { BookDocument, Edit } from '../../shared/index';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';
import { lineDiff } from '../lineDiff';
import { changedRegion, checkedEdit } from './check';

const books = corpusBooks();

interface Thread { name: string; text: string; replies?: { name: string; text: string }[] }
const archive = (doc: BookDocument) => ((doc.data as { archive?: Thread[] }).archive ?? []);

/** The old text outside [from, to) is unchanged in the new text. */
function onlyInside(doc: BookDocument, next: BookDocument, from: number, to: number) {
  const [p, oldEnd] = changedRegion(doc.text, next.text);
  expect(p).toBeGreaterThanOrEqual(from);
  expect(oldEnd).toBeLessThanOrEqual(to);
}

/** Line start of `offset`, and the offset after the line holding `offset - 1`. */
const lineStart = (t: string, o: number) => t.lastIndexOf('\n', o - 1) + 1;
const lineEnd = (t: string, o: number) => (t[o - 1] === '\n' ? o : t.indexOf('\n', o) + 1 || t.length);

describe.skipIf(!hasCorpus)(`one edit on every corpus file (${hasCorpus ? `${books.length} files` : corpusSkipReason})`, () => {
  it.each(books)('%s: set the last reply text touches only that value', (_n, text) => {
    const doc = openBook(text);
    const t = archive(doc).findIndex((x) => (x.replies ?? []).length > 0);
    if (t < 0) return expect(archive(doc).length).toBeLessThanOrEqual(1);
    const r = archive(doc)[t]!.replies!.length - 1;
    const path = ['archive', t, 'replies', r, 'text'];
    const [from, to] = rangeOf(doc.tree!, path)!;
    const next = checkedEdit(doc, { op: 'set', path, value: 'A new answer: with "quotes", a # sign,\nand a second line ✓' });
    onlyInside(doc, next, from, to);
  });

  it.each(books)('%s: one word changed in a long thread text keeps the rest of the file', (_n, text) => {
    const doc = openBook(text);
    const t = archive(doc).findIndex((x) => x.text.length > 200);
    if (t < 0) return;
    const path = ['archive', t, 'text'];
    const old = archive(doc)[t]!.text;
    const [from, to] = rangeOf(doc.tree!, path)!;
    const next = checkedEdit(doc, { op: 'set', path, value: old.replace(/\b(\w{4,})\b/, '$1 really') });
    onlyInside(doc, next, from, to);
    // The line breaks of the unchanged parts stay: one line changes, not the rest of the paragraph.
    const diff = lineDiff(doc.text, next.text);
    expect([diff.removed.length, diff.added.length]).toEqual([1, 1]);
  });

  it.each(books)('%s: add a reply inserts lines and removes none', (_n, text) => {
    const doc = openBook(text);
    if (archive(doc).length === 0) return;
    const t = archive(doc).length - 1;
    const n = (archive(doc)[t]!.replies ?? []).length;
    const next = checkedEdit(doc, { op: 'insert', path: ['archive', t, 'replies'], index: n, value: { name: 'Tino', text: 'Thanks!' } });
    const diff = lineDiff(doc.text, next.text);
    if (n > 0) {
      expect(diff.removed).toEqual([]);
      expect(diff.added.map((l) => l.text.trim())).toEqual(['- name: Tino', 'text: Thanks!']);
    }
  });

  it.each(books)('%s: remove a reply deletes exactly its lines', (_n, text) => {
    const doc = openBook(text);
    const t = archive(doc).findIndex((x) => (x.replies ?? []).length > 1);
    if (t < 0) return;
    const path = ['archive', t, 'replies', 0];
    const [from, to] = rangeOf(doc.tree!, path)!;
    const next = checkedEdit(doc, { op: 'remove', path });
    expect(lineDiff(doc.text, next.text).added).toEqual([]);
    // Exactly the reply's own lines go, from its dash to its last line.
    const a = lineStart(doc.text, from - 2);
    expect(next.text).toBe(doc.text.slice(0, a) + doc.text.slice(lineEnd(doc.text, to)));
  });

  it.each(books)('%s: move a reply to another thread moves its lines, re-indented only if needed', (_n, text) => {
    const doc = openBook(text);
    const threads = archive(doc);
    const t = threads.findIndex((x) => (x.replies ?? []).length > 0);
    const u = threads.findIndex((x, i) => i !== t && (x.replies ?? []).length > 0);
    if (t < 0 || u < 0) return;
    const next = checkedEdit(doc, { op: 'move', from: ['archive', t, 'replies', 0], to: ['archive', u, 'replies'], index: 0 });
    const diff = lineDiff(doc.text, next.text);
    const removed = diff.removed.map((l) => l.text.trim()).filter(Boolean).sort();
    const added = diff.added.map((l) => l.text.trim()).filter(Boolean).sort();
    if (threads[t]!.replies!.length > 1) expect(added).toEqual(removed);
  });

  it.each(books)('%s: promote a reply to a thread', (_n, text) => {
    const doc = openBook(text);
    const t = archive(doc).findIndex((x) => (x.replies ?? []).length > 1);
    if (t < 0) return;
    for (const e of promoteReply(doc, { thread: t, reply: 1 })) checkedEdit(doc, e as Edit);
  });

  it.each(books)('%s: set title, add an author and a link, remove a link', (_n, text) => {
    let doc = openBook(text);
    const [from, to] = rangeOf(doc.tree!, ['title'])!;
    const next = checkedEdit(doc, { op: 'set', path: ['title'], value: 'A Changed Title: Second Edition' });
    onlyInside(doc, next, from, to);
    // The removed lines are the title's own (one, or more when PyYAML folded it).
    expect(lineDiff(doc.text, next.text).removed).toHaveLength(doc.text.slice(from, to).split('\n').length);
    doc = checkedEdit(next, { op: 'insert', path: ['authors'], index: 1, value: 'sara-robinson' });
    doc = checkedEdit(doc, { op: 'insert', path: ['links'], index: 0, value: { text: 'Publisher', link: 'https://example.org/book' } });
    checkedEdit(doc, { op: 'remove', path: ['links', 1] });
  });
});
