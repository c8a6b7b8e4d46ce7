// Edits on small books, with the exact text expected: the cases a reviewer cares about.
import { describe, expect, it } from 'vitest';
import { applyEdit, applyBookEdit, openBook, EditError, demoteThread, mergeThreads, promoteReply, addReply } from '../../shared/index';
import { checkedEdit } from './check';

const hand = `---
title: "Engineering MLOps"
description: "Book of the Week. Engineering MLOps by Emmanuel Raj"
cover: "images/books/20210705-engineering-mlops/cover.jpg"
start: 2021-07-05 00:00:00
end: 2021-07-09 23:59:59
authors: [emmanuelraj]
links: 
  - text: Book's page
    link: https://example.org/mlops

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
  replies: []
---

Body.
`;

const body = (text: string) => text.slice(text.indexOf('\n---\n', 4));

describe('set', () => {
  it('changes only the bytes of a scalar and keeps its quote style', () => {
    const doc = checkedEdit(openBook(hand), { op: 'set', path: ['title'], value: 'Engineering MLOps, 2nd Ed.' });
    expect(doc.text).toBe(hand.replace('"Engineering MLOps"', '"Engineering MLOps, 2nd Ed."'));
  });

  it('keeps a plain date plain', () => {
    const doc = checkedEdit(openBook(hand), { op: 'set', path: ['start'], value: '2021-07-12 00:00:00' });
    expect(doc.text).toBe(hand.replace('start: 2021-07-05 00:00:00', 'start: 2021-07-12 00:00:00'));
  });

  it('quotes a plain value only when it must', () => {
    let doc = checkedEdit(openBook(hand), { op: 'set', path: ['archive', 0, 'replies', 0, 'text'], value: 'yes' });
    expect(doc.text).toContain("    text: 'yes'\n");
    doc = checkedEdit(doc, { op: 'set', path: ['archive', 0, 'replies', 0, 'text'], value: 'key: value # not a comment' });
    expect(doc.text).toContain("    text: 'key: value # not a comment'\n");
    doc = checkedEdit(doc, { op: 'set', path: ['archive', 0, 'replies', 0, 'text'], value: 'plain again' });
    expect(doc.text).toContain('    text: plain again\n');
  });

  it('writes a multi-line text as PyYAML would where the neighbours are PyYAML-style', () => {
    const doc = checkedEdit(openBook(hand), { op: 'set', path: ['archive', 0, 'replies', 0, 'text'], value: 'Line one.\nLine two: it\'s "quoted".' });
    expect(doc.text).toContain(`    text: 'Line one.\n\n      Line two: it''s "quoted".'\n  - name: Tino`);
  });

  it('keeps the line breaks of a folded text around a changed word', () => {
    const folded = hand.replace('  text: What is MLOps?\n', "  text: What is MLOps? I keep hearing the word in every meeting and every job\n    description, and I would like to know where it starts and where it ends before\n    I buy a book about it.\n");
    const doc = openBook(folded);
    const next = checkedEdit(doc, { op: 'set', path: ['archive', 0, 'text'], value: (doc.data as { archive: { text: string }[] }).archive[0]!.text.replace('every job', 'every single job') });
    expect(next.text).toBe(folded.replace('meeting and every job\n', 'meeting and every single job\n'));
  });

  it('survives a line holding only a space, emoji, very long lines and leading spaces', () => {
    const values = ['a\n \nb', ' leading', 'trailing ', '😀 '.repeat(60), 'x'.repeat(300), '\n\nstarts with breaks', 'tab\there', '- dash', '# hash', '"quoted"', "'single'", '---', '...', '\u2028', 'ümlaut’s'];
    let doc = openBook(hand);
    for (const value of values) doc = checkedEdit(doc, { op: 'set', path: ['archive', 0, 'text'], value });
    for (const value of values) doc = checkedEdit(doc, { op: 'set', path: ['title'], value });
  });

  it('adds a missing key at the end of its mapping', () => {
    const doc = checkedEdit(openBook(hand), { op: 'set', path: ['image'], value: 'images/books/x/preview.jpg' });
    expect(doc.text).toContain('Thanks!\n- name: Sara\n  text: Second question\n  replies: []\nimage: "images/books/x/preview.jpg"\n---');
  });

  it('sets a whole link object key by key, so unchanged keys keep their bytes', () => {
    const doc = checkedEdit(openBook(hand), { op: 'set', path: ['links', 0], value: { text: "Book's page", link: 'https://example.org/new' } });
    expect(doc.text).toBe(hand.replace('https://example.org/mlops', 'https://example.org/new'));
  });

  it('refuses a path that does not exist, with a message that names it', () => {
    expect(() => applyEdit(openBook(hand), { op: 'set', path: ['archive', 7, 'text'], value: 'x' })).toThrow(/archive\[7\]\.text.*list of 2/);
    expect(() => applyEdit(openBook(hand), { op: 'remove', path: ['links', 3] })).toThrow(EditError);
    expect(() => applyEdit(openBook(hand), { op: 'insert', path: ['title'], index: 0, value: 'x' })).toThrow(/not a list/);
  });
});

describe('insert', () => {
  it('adds a reply after a given reply, in the neighbours’ style', () => {
    const doc = checkedEdit(openBook(hand), { op: 'insert', path: ['archive', 0, 'replies'], index: 1, value: { name: 'Ann', text: 'Me too' } });
    expect(doc.text).toBe(hand.replace('    text: A practice.\n', '    text: A practice.\n  - name: Ann\n    text: Me too\n'));
  });

  it('adds the first reply to an empty flow list as a block list', () => {
    const doc = checkedEdit(openBook(hand), { op: 'insert', path: ['archive', 1, 'replies'], index: 0, value: { name: 'Ann', text: 'Answer' } });
    expect(doc.text).toContain('  text: Second question\n  replies:\n  - name: Ann\n    text: Answer\n---');
  });

  it('creates a missing list: the first thread of a book without archive, written as every archive of the site is (PyYAML, lists not indented)', () => {
    const bare = '---\ntitle: "X"\nlinks: []\n---\nBody\n';
    const doc = checkedEdit(openBook(bare), { op: 'insert', path: ['archive'], index: 0, value: { name: 'Tino', text: 'Hi', replies: [] } });
    expect(doc.text).toBe('---\ntitle: "X"\nlinks: []\narchive:\n- name: Tino\n  text: Hi\n  replies: []\n---\nBody\n');
  });

  it('puts a new archive last in a sorted (PyYAML) file, after the blank lines that end the front matter, keys in the archive\'s order', () => {
    const sorted = '---\nauthors:\n- ann\ncover: c.jpg\ntitle: T\n\n---\nBody\n';
    const doc = checkedEdit(openBook(sorted), { op: 'insert', path: ['archive'], index: 0, value: { name: 'Tino', text: 'Hi \u{1F642}', replies: [] } });
    expect(doc.text).toBe('---\nauthors:\n- ann\ncover: c.jpg\ntitle: T\n\narchive:\n- name: Tino\n  text: "Hi \\U0001F642"\n  replies: []\n---\nBody\n');
  });

  it('keeps a flow list flow', () => {
    const doc = checkedEdit(openBook(hand), { op: 'insert', path: ['authors'], index: 1, value: 'Sara Robinson' });
    expect(doc.text).toContain('authors: [emmanuelraj, Sara Robinson]\n');
  });

  it('keeps the blank lines between items when the list has them', () => {
    const spaced = '---\nlinks:\n- text: a\n  link: https://a\n\n- text: b\n  link: https://b\n---\n';
    const doc = checkedEdit(openBook(spaced), { op: 'insert', path: ['links'], index: 2, value: { text: 'c', link: 'https://c' } });
    expect(doc.text).toBe('---\nlinks:\n- text: a\n  link: https://a\n\n- text: b\n  link: https://b\n\n- text: c\n  link: https://c\n---\n');
  });

  it('fills an empty front matter', () => {
    const doc = checkedEdit(openBook('---\n---\nBody\n'), { op: 'set', path: ['title'], value: 'New' });
    expect(doc.text).toBe('---\ntitle: New\n---\nBody\n');
  });
});

describe('remove', () => {
  it('removes a reply with its lines and nothing else', () => {
    const doc = checkedEdit(openBook(hand), { op: 'remove', path: ['archive', 0, 'replies', 0] });
    expect(doc.text).toBe(hand.replace('  - name: Emmanuel Raj\n    text: A practice.\n', ''));
  });

  it('leaves an empty list as [] when its last item goes', () => {
    let doc = checkedEdit(openBook(hand), { op: 'remove', path: ['links', 0] });
    expect(doc.text).toContain('links: []\n\narchive:\n');
    doc = checkedEdit(doc, { op: 'remove', path: ['archive', 0, 'replies', 1] });
    doc = checkedEdit(doc, { op: 'remove', path: ['archive', 0, 'replies', 0] });
    expect(doc.text).toContain('  text: What is MLOps?\n  replies: []\n- name: Sara');
  });

  it('removes the first pair of a compact mapping in a list item', () => {
    const doc = checkedEdit(openBook(hand), { op: 'remove', path: ['archive', 1, 'name'] });
    expect(doc.text).toContain('- text: Second question\n  replies: []\n---');
  });
});

describe('move and the Q&A operations', () => {
  it('moves a reply into another thread as the same lines', () => {
    const doc = checkedEdit(openBook(hand), { op: 'move', from: ['archive', 0, 'replies', 1], to: ['archive', 0, 'replies'], index: 0 });
    expect(doc.text).toBe(hand.replace('  - name: Emmanuel Raj\n    text: A practice.\n  - name: Tino\n    text: Thanks!\n', '  - name: Tino\n    text: Thanks!\n  - name: Emmanuel Raj\n    text: A practice.\n'));
  });

  it('promotes a reply to a thread placed after its own, re-indented to the archive', () => {
    const doc = applyBookEdit(openBook(hand), promoteReply, { thread: 0, reply: 0 });
    expect(doc.text).toContain('- name: Tino\n  text: What is MLOps?\n  replies:\n  - name: Tino\n    text: Thanks!\n- name: Emmanuel Raj\n  text: A practice.\n- name: Sara');
  });

  it('demotes a thread to a reply of another thread; its own replies follow it', () => {
    const doc = applyBookEdit(openBook(hand), demoteThread, { thread: 0, target: 1 });
    expect(doc.data).toMatchObject({ archive: [{ name: 'Sara', text: 'Second question', replies: [{ name: 'Tino', text: 'What is MLOps?' }, { name: 'Emmanuel Raj', text: 'A practice.' }, { name: 'Tino', text: 'Thanks!' }] }] });
    expect(openBook(doc.text).data).toEqual(doc.data);
  });

  it('merges two threads by the same asker into one question', () => {
    let doc = openBook(hand);
    doc = applyBookEdit(doc, addReply, { thread: 1, reply: { name: 'Emmanuel Raj', text: 'Answer two' } });
    doc = checkedEdit(doc, { op: 'set', path: ['archive', 1, 'name'], value: 'Tino' });
    doc = applyBookEdit(doc, mergeThreads, { into: 0, from: 1 });
    expect((doc.data as { archive: unknown[] }).archive).toEqual([
      { name: 'Tino', text: 'What is MLOps?\n\nSecond question', replies: [{ name: 'Emmanuel Raj', text: 'A practice.' }, { name: 'Tino', text: 'Thanks!' }, { name: 'Emmanuel Raj', text: 'Answer two' }] },
    ]);
    expect(openBook(doc.text).data).toEqual(doc.data);
  });

  it('moves a thread before another', () => {
    checkedEdit(openBook(hand), { op: 'move', from: ['archive', 1], to: ['archive'], index: 0 });
  });
});

describe('file conventions survive edits', () => {
  it('keeps CRLF, a BOM and a missing final newline', () => {
    const crlf = '\uFEFF' + hand.replace(/\n/g, '\r\n').replace(/Body\.\r\n$/, 'Body.');
    let doc = openBook(crlf);
    expect(doc.text).toBe(crlf);
    doc = checkedEdit(doc, { op: 'insert', path: ['archive', 0, 'replies'], index: 2, value: { name: 'Ann', text: 'Two\nlines' } });
    doc = checkedEdit(doc, { op: 'set', path: ['title'], value: 'T' });
    doc = checkedEdit(doc, { op: 'remove', path: ['links', 0] });
    expect(doc.text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(doc.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(doc.text.endsWith('Body.')).toBe(true);
  });

  it('an edit after setBody keeps the new body', () => {
    const doc = applyEdit(applyEdit(openBook(hand), { op: 'setBody', value: '\nNew body\n' }), { op: 'set', path: ['title'], value: 'T' });
    expect(doc.text.endsWith('---\n\nNew body\n')).toBe(true);
    expect(openBook(doc.text).data).toEqual(doc.data);
  });

  it('setBody replaces only the body', () => {
    const doc = applyEdit(openBook(hand), { op: 'setBody', value: '\nNew body\n' });
    expect(doc.text).toBe(hand.slice(0, hand.length - body(hand).length) + '\n---\n\nNew body\n');
    expect(doc.body).toBe('\nNew body\n');
  });

  it('checks edits that come from outside', () => {
    const doc = openBook(hand);
    expect(() => applyEdit(doc, { op: 'set', path: ['title'], value: undefined } as never)).toThrow(EditError);
    expect(() => applyEdit(doc, { op: 'set', path: ['title'], value: new Date() } as never)).toThrow(/plain data/);
    expect(() => applyEdit(doc, { op: 'nope' } as never)).toThrow(/Unknown edit op/);
    expect(() => applyEdit(doc, { op: 'insert', path: ['authors'], index: -1, value: 'x' })).toThrow(/index/);
  });
});
