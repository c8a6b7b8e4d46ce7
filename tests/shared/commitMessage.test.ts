// The prefilled commit message: what changed in a book, in words, from its value at HEAD
// against now (never from the text diff).
import { describe, expect, it } from 'vitest';
import { addReply, applyEdit, applyEdits, bookOf, openBook, promoteReply, demoteThread } from '../../shared/index';
import type { BookDocument, Edit } from '../../shared/index';
import { commitMessage, messageLines } from '../../shared/git/commitMessage';
import type { MessageFile } from '../../shared/git/commitMessage';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';

const BOOK = `---
title: "Engineering MLOps"
description: "Book of the Week"
cover: "images/books/20210705-engineering-mlops/cover.jpg"
image: "images/books/20210705-engineering-mlops/card.jpg"
start: 2021-07-05 00:00:00
end: 2021-07-09 23:59:59
authors: [emmanuelraj, Sara Robinson]
links:
  - text: Book's page
    link: https://example.org/mlops
  - text: Code
    link: https://example.org/code
archive:
- name: Tino
  text: What is MLOps?
  replies:
  - name: Emmanuel Raj
    text: A practice.
  - name: Tino
    text: Thanks!
- name: Sara
  text: Second question
  replies:
  - name: Emmanuel Raj
    text: Second answer.
- name: Ana
  text: Third question
---

Body.
`;

const PATH = '_books/20210705-engineering-mlops.md';
const edit = (doc: BookDocument, ...edits: Edit[]) => applyEdits(doc, edits);
const say = (before: string, after: string, path = PATH) => commitMessage([{ path, change: 'modified', before, after }]);
const doc = () => openBook(BOOK);

describe('one book, in words', () => {
  it('says the issue\'s example: add 2 replies, move 1 reply, fix the title', () => {
    let d = addReply(doc(), 0, { name: 'Ana', text: 'One more.' });
    d = addReply(d, 1, { name: 'Tino', text: 'And another.' });
    d = edit(d, { op: 'move', from: ['archive', 0, 'replies', 0], to: ['archive', 2, 'replies'], index: 0 });
    d = edit(d, { op: 'set', path: ['title'], value: 'Engineering MLOps, 2nd Ed.' });
    expect(say(BOOK, d.text)).toBe('Engineering MLOps, 2nd Ed.: add 2 replies, move 1 reply, fix the title');
  });

  it('recognises a reply moved within its thread, and a thread moved', () => {
    expect(say(BOOK, edit(doc(), { op: 'move', from: ['archive', 0, 'replies', 1], to: ['archive', 0, 'replies'], index: 0 }).text)).toBe('Engineering MLOps: move 1 reply');
    expect(say(BOOK, edit(doc(), { op: 'move', from: ['archive', 2], to: ['archive'], index: 0 }).text)).toBe('Engineering MLOps: move 1 thread');
  });

  it('tells an edited reply from a removed and an added one', () => {
    expect(say(BOOK, edit(doc(), { op: 'set', path: ['archive', 0, 'replies', 0, 'text'], value: 'A practice, mostly.' }).text)).toBe('Engineering MLOps: edit 1 reply');
    expect(say(BOOK, edit(doc(), { op: 'set', path: ['archive', 1, 'text'], value: 'Second question, reworded' }).text)).toBe('Engineering MLOps: edit 1 thread');
    expect(say(BOOK, edit(doc(), { op: 'remove', path: ['archive', 0, 'replies', 1] }).text)).toBe('Engineering MLOps: remove 1 reply');
    expect(say(BOOK, edit(doc(), { op: 'remove', path: ['archive', 0] }).text)).toBe('Engineering MLOps: remove 1 thread and 2 replies');
  });

  it('says a promoted reply and a demoted thread as turns', () => {
    expect(say(BOOK, promoteReply(doc(), 0, 0).text)).toBe('Engineering MLOps: turn 1 reply into a thread');
    expect(say(BOOK, demoteThread(doc(), 2, 0).text)).toBe('Engineering MLOps: turn 1 thread into a reply');
  });

  it('adds threads with their replies as one verb', () => {
    const d = edit(doc(), { op: 'insert', path: ['archive'], index: 3, value: { name: 'Lee', text: 'New?', replies: [{ name: 'Emmanuel Raj', text: 'Yes.' }] } });
    expect(say(BOOK, d.text)).toBe('Engineering MLOps: add 1 thread and 1 reply');
  });

  it('says links, authors, fields, body and unknown keys', () => {
    expect(say(BOOK, edit(doc(), { op: 'insert', path: ['links'], index: 2, value: { text: 'Slides', link: 'https://example.org/s' } }).text)).toBe('Engineering MLOps: add 1 link');
    expect(say(BOOK, edit(doc(), { op: 'set', path: ['links', 1, 'link'], value: 'https://example.org/code2' }).text)).toBe('Engineering MLOps: edit 1 link');
    expect(say(BOOK, edit(doc(), { op: 'move', from: ['links', 1], to: ['links'], index: 0 }).text)).toBe('Engineering MLOps: move 1 link');
    expect(say(BOOK, edit(doc(), { op: 'insert', path: ['authors'], index: 2, value: 'lenavoss' }).text)).toBe('Engineering MLOps: add author lenavoss');
    expect(say(BOOK, edit(doc(), { op: 'move', from: ['authors', 1], to: ['authors'], index: 0 }).text)).toBe('Engineering MLOps: reorder the authors');
    expect(say(BOOK, edit(doc(), { op: 'set', path: ['start'], value: '2021-07-12 00:00:00' }, { op: 'set', path: ['end'], value: '2021-07-16 23:59:59' }).text)).toBe('Engineering MLOps: change the week');
    expect(say(BOOK, edit(doc(), { op: 'set', path: ['description'], value: 'Better' }, { op: 'set', path: ['cover'], value: 'x.jpg' }).text)).toBe('Engineering MLOps: fix the description, change the cover');
    expect(say(BOOK, edit(doc(), { op: 'setBody', value: '\nA new body.\n' }).text)).toBe('Engineering MLOps: edit the body');
    expect(say(BOOK, BOOK.replace('authors:', 'list: x\nauthors:'))).toBe('Engineering MLOps: add list');
  });

  it('reads values, not text: a change of quotes only is a reformat; an unreadable side is an edit of the file', () => {
    expect(say(BOOK, BOOK.replace('"Book of the Week"', "'Book of the Week'"))).toBe('Engineering MLOps: reformat');
    expect(say(BOOK, BOOK.replace('title: "Engineering MLOps"', 'title: [unclosed'))).toBe('Engineering MLOps: edit the file');
  });

  it('names a new book by its title, a deleted one too, and falls back on the file name', () => {
    expect(commitMessage([{ path: PATH, change: 'untracked', after: BOOK }])).toBe('Add Engineering MLOps');
    expect(commitMessage([{ path: PATH, change: 'added', after: BOOK }])).toBe('Add Engineering MLOps');
    expect(commitMessage([{ path: PATH, change: 'deleted', before: BOOK }])).toBe('Remove Engineering MLOps');
    expect(commitMessage([{ path: PATH, change: 'added', after: '---\n---\n' }])).toBe('Add 20210705-engineering-mlops');
  });
});

describe('several files', () => {
  const other = '_books/20240318-other.md';
  const otherText = BOOK.replace('Engineering MLOps', 'Other');

  it('joins short lines with "; "', () => {
    const files: MessageFile[] = [
      { path: PATH, change: 'modified', before: BOOK, after: addReply(doc(), 0, { name: 'A', text: 'b' }).text },
      { path: other, change: 'added', after: otherText },
    ];
    expect(commitMessage(files)).toBe('Engineering MLOps: add 1 reply; Add Other');
  });

  it('gives a counting subject and one line per file when they do not fit on one line', () => {
    const files: MessageFile[] = [
      { path: PATH, change: 'modified', before: BOOK, after: edit(doc(), { op: 'set', path: ['title'], value: 'Engineering MLOps: The Long Title' }).text },
      { path: other, change: 'added', after: otherText },
      { path: '_people/lenavoss.md', change: 'modified', before: '---\ntitle: Lena\n---\n', after: '---\ntitle: Lena Voss\n---\n' },
      { path: 'images/authors/x.jpg', change: 'untracked' },
    ];
    expect(commitMessage(files)).toBe(['Add 1 book, update 1 book, 1 people page and 1 image', '', 'Engineering MLOps: The Long Title: fix the title', 'Add Other', 'Update person Lena Voss', 'Add images/authors/x.jpg'].join('\n'));
  });

  it('puts a book\'s images on its own line', () => {
    const files: MessageFile[] = [
      { path: PATH, change: 'modified', before: BOOK, after: edit(doc(), { op: 'set', path: ['archive', 0, 'text'], value: 'What is MLOps, really?' }).text },
      { path: 'images/books/20210705-engineering-mlops/cover.jpg', change: 'modified' },
      { path: 'images/books/20210705-engineering-mlops/extra.png', change: 'untracked' },
    ];
    expect(messageLines(files)).toEqual(['Engineering MLOps: add image extra.png, edit 1 thread, change the cover image']);
  });
});

describe.skipIf(!hasCorpus)(`real books (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
  it('says "add 1 reply", "move 1 reply" and "turn 1 reply into a thread" for every corpus book that has replies', () => {
    let checked = 0;
    for (const [name, text] of corpusBooks()) {
      const d = openBook(text);
      const book = bookOf(d.data);
      if (!book || !d.tree) continue;
      const t = book.archive.findIndex((x) => x.replies.length >= 2);
      if (t < 0) continue;
      const title = book.title.trim() || name.slice(0, -3);
      const path = `_books/${name}`;
      const replies = book.archive[t]!.replies;
      // A reply whose twin sits elsewhere in the thread cannot be told apart from it: skip those.
      if (new Set(replies.map((r) => `${r.name}\0${r.text}`)).size !== replies.length) continue;
      expect(say(text, addReply(d, t, { name: 'Editor', text: 'A new reply.' }).text, path)).toBe(`${title}: add 1 reply`);
      expect(say(text, applyEdit(d, { op: 'move', from: ['archive', t, 'replies', 0], to: ['archive', t, 'replies'], index: replies.length - 1 }).text, path)).toBe(`${title}: move 1 reply`);
      const alone = book.archive.every((x) => x.name !== replies[0]!.name || x.text !== replies[0]!.text);
      if (alone) expect(say(text, promoteReply(d, t, 0).text, path)).toBe(`${title}: turn 1 reply into a thread`);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
