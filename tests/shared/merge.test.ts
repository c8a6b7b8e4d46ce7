// "Keep both": the editor's changes since the read replayed on the disk's text, with the
// places both sides changed reported in words.
import { describe, expect, it } from 'vitest';
import * as jsyaml from 'js-yaml';
import { applyEdits, demoteThread, mergeBook, mergeSummary, openBook } from '../../shared/index';
import type { Edit, MergeResult, Value } from '../../shared/index';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';

const BASE = `---
title: "A book"
description: "About things"
cover: "images/books/x/cover.jpg"
image: "images/books/x/preview.jpg"
start: 2021-07-05 00:00:00
end: 2021-07-09 23:59:59
authors: [alexey, tino]
links: 
  - text: "Amazon"
    link: https://amazon.com
  - text: "Publisher"
    link: https://example.org
archive:
- name: Ann
  text: Question one?
  replies:
  - name: Bob
    text: Answer one
  - name: Cid
    text: Answer two
- name: Dan
  text: Question two?
  replies:
  - name: Eve
    text: Answer three
- name: Fay
  text: Question three?
  replies: []
---

The body, line one.
Line two.
Line three.
`;

/** The text after edits (front matter edits first: a body set last). */
const edited = (text: string, ...edits: Edit[]) => applyEdits(openBook(text), edits).text;

/** The front matter as js-yaml reads it: the oracle for what a merged text means. */
function valueOf(text: string): Value {
  const doc = openBook(text);
  expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return jsyaml.load(text.slice(doc.split!.start, doc.split!.end), { schema: jsyaml.CORE_SCHEMA }) as Value;
}

const archive = (r: MergeResult) => (valueOf(r.text) as { archive: { name: string; text: string; replies?: { name: string; text: string }[] }[] }).archive;

describe('mergeBook: changes of different nodes', () => {
  it('replays ours on the disk byte for byte: a reply edited here, a thread added and the title changed on disk', () => {
    const ours = edited(BASE, { op: 'set', path: ['archive', 0, 'replies', 1, 'text'], value: 'Answer two, better' });
    const theirs = edited(BASE, { op: 'insert', path: ['archive'], index: 0, value: { name: 'Zed', text: 'A new question?', replies: [] } }, { op: 'set', path: ['title'], value: 'The book' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.applied).toBe(1);
    expect(r.text).toBe(theirs.replace('    text: Answer two\n', '    text: Answer two, better\n'));
    expect(mergeSummary(r)).toBe('1 of your changes replayed on the file on disk; no conflicts.');
  });

  it('keeps insertions of both sides at the same place, ours first', () => {
    const ours = edited(BASE,
      { op: 'insert', path: ['archive'], index: 1, value: { name: 'Ours', text: 'Q?', replies: [] } },
      { op: 'insert', path: ['archive', 0, 'replies'], index: 2, value: { name: 'Tino', text: 'Mine' } });
    const theirs = edited(BASE,
      { op: 'insert', path: ['archive'], index: 1, value: { name: 'Theirs', text: 'Q?', replies: [] } },
      { op: 'insert', path: ['archive', 0, 'replies'], index: 2, value: { name: 'Alexey', text: 'Yours' } });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(archive(r).map((t) => t.name)).toEqual(['Ann', 'Ours', 'Theirs', 'Dan', 'Fay']);
    expect(archive(r)[0]!.replies!.map((x) => x.text)).toEqual(['Answer one', 'Answer two', 'Mine', 'Yours']);
  });

  it('adds authors of both sides to a flow list', () => {
    const ours = edited(BASE, { op: 'insert', path: ['authors'], index: 2, value: 'sara' });
    const theirs = edited(BASE, { op: 'insert', path: ['authors'], index: 0, value: 'zoe' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toContain('authors: [zoe, alexey, tino, sara]\n');
  });

  it('moves a reply here that the disk edited: it moves with the disk\'s text', () => {
    const ours = edited(BASE, { op: 'move', from: ['archive', 0, 'replies', 1], to: ['archive', 2, 'replies'], index: 0 });
    const theirs = edited(BASE, { op: 'set', path: ['archive', 0, 'replies', 1, 'text'], value: 'Edited on disk' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(archive(r)[0]!.replies).toEqual([{ name: 'Bob', text: 'Answer one' }]);
    expect(archive(r)[2]!.replies).toEqual([{ name: 'Cid', text: 'Edited on disk' }]);
  });

  it('edits a reply here that the disk moved: the edit follows it', () => {
    const ours = edited(BASE, { op: 'set', path: ['archive', 0, 'replies', 1, 'text'], value: 'Edited here' });
    const theirs = edited(BASE, { op: 'move', from: ['archive', 0, 'replies', 1], to: ['archive'], index: 3 });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(archive(r).map((t) => [t.name, t.text])).toEqual([['Ann', 'Question one?'], ['Dan', 'Question two?'], ['Fay', 'Question three?'], ['Cid', 'Edited here']]);
  });

  it('demotes a thread here whose question the disk edited', () => {
    const base = openBook(BASE);
    const ours = applyEdits(base, demoteThread(base, { thread: 1, target: 0 })).text;
    const theirs = edited(BASE, { op: 'set', path: ['archive', 1, 'text'], value: 'Question two, clearer?' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(archive(r).map((t) => t.name)).toEqual(['Ann', 'Fay']);
    expect(archive(r)[0]!.replies!.map((x) => x.text)).toEqual(['Answer one', 'Answer two', 'Question two, clearer?', 'Answer three']);
  });

  it('demotes a thread into a later one without replies: the moved text stays as the demote wrote it', () => {
    const base = openBook(BASE);
    const ours = applyEdits(base, demoteThread(base, { thread: 0, target: 2 })).text;
    const theirs = edited(BASE, { op: 'set', path: ['title'], value: 'On disk' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(ours.replace('title: "A book"', 'title: "On disk"'));
  });

  it('edits a reply of a thread the disk demoted into another: the edit follows the reply, no conflict', () => {
    const base = openBook(BASE);
    const ours = edited(BASE, { op: 'set', path: ['archive', 1, 'replies', 0, 'text'], value: 'Answer three, edited' });
    const theirs = applyEdits(base, demoteThread(base, { thread: 1, target: 0 })).text;
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(archive(r)[0]!.replies!.map((x) => x.text)).toEqual(['Answer one', 'Answer two', 'Question two?', 'Answer three, edited']);
  });

  it('reorders links on disk and edits one here: the edit lands on its link', () => {
    const ours = edited(BASE, { op: 'set', path: ['links', 1, 'text'], value: 'The publisher' });
    const theirs = edited(BASE, { op: 'move', from: ['links', 1], to: ['links'], index: 0 });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect((valueOf(r.text) as { links: unknown }).links).toEqual([{ text: 'The publisher', link: 'https://example.org' }, { text: 'Amazon', link: 'https://amazon.com' }]);
  });

  it('removes a thread on disk that ours did not touch, and merges the body by lines', () => {
    const ours = edited(BASE, { op: 'set', path: ['archive', 0, 'text'], value: 'Q1?' }, { op: 'setBody', value: '\nThe body, line one.\nLine two, here.\nLine three.\n' });
    const theirs = edited(BASE, { op: 'remove', path: ['archive', 1] }, { op: 'setBody', value: '\nThe body, line one.\nLine two.\nLine three, on disk.\n' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.applied).toBe(2);
    expect(archive(r).map((t) => t.text)).toEqual(['Q1?', 'Question three?']);
    expect(openBook(r.text).body).toBe('\nThe body, line one.\nLine two, here.\nLine three, on disk.\n');
  });

  it('merges the same change on both sides silently', () => {
    const same: Edit[] = [{ op: 'set', path: ['title'], value: 'Same' }, { op: 'insert', path: ['archive', 2, 'replies'], index: 0, value: { name: 'Gus', text: 'Same reply' } }, { op: 'remove', path: ['archive', 1] }];
    const ours = edited(BASE, ...same);
    const theirs = edited(BASE, ...same, { op: 'set', path: ['description'], value: 'Theirs too' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(theirs);
  });

  it('returns the other text when one side did not change', () => {
    const ours = edited(BASE, { op: 'set', path: ['title'], value: 'Ours' });
    expect(mergeBook(BASE, BASE, ours)).toEqual({ text: ours, conflicts: [], applied: 0 });
    const raw = ours.replace('title: "Ours"', "title: 'Ours'  # a comment");
    expect(mergeBook(BASE, raw, BASE)).toEqual({ text: raw, conflicts: [], applied: 1 });
  });
});

describe('mergeBook: conflicts', () => {
  it('reports a node changed on both sides; the disk\'s version stays unless ours is kept', () => {
    const ours = edited(BASE, { op: 'set', path: ['archive', 0, 'replies', 1, 'text'], value: 'Ours' }, { op: 'set', path: ['title'], value: 'Our title' });
    const theirs = edited(BASE, { op: 'set', path: ['archive', 0, 'replies', 1, 'text'], value: 'Theirs' }, { op: 'set', path: ['title'], value: 'Their title' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.text).toBe(theirs);
    expect(r.applied).toBe(0);
    expect(r.conflicts.map(({ kind, where, line, ours: o, theirs: t, base: b, kept, path }) => ({ kind, where, line, o, t, b, kept, path }))).toEqual([
      { kind: 'changed', where: 'Title', line: 2, o: 'Our title', t: 'Their title', b: 'A book', kept: 'theirs', path: ['title'] },
      { kind: 'changed', where: 'Thread 1, reply 2: text', line: 21, o: 'Ours', t: 'Theirs', b: 'Answer two', kept: 'theirs', path: ['archive', 0, 'replies', 1, 'text'] },
    ]);
    expect(mergeSummary(r)).toBe("None of your changes replayed on the file on disk; 2 conflicts: Title (the disk's kept); Thread 1, reply 2: text (the disk's kept).");

    const all = mergeBook(BASE, ours, theirs, { preferOurs: true });
    expect(all.text).toBe(theirs.replace('Their title', 'Our title').replace('text: Theirs', 'text: Ours'));
    expect(all.conflicts.map((c) => [c.key, c.kept])).toEqual(r.conflicts.map((c) => [c.key, 'ours']));
    expect(all.applied).toBe(2);

    const one = mergeBook(BASE, ours, theirs, { preferOurs: [r.conflicts[1]!.key] });
    expect(one.text).toBe(theirs.replace('text: Theirs', 'text: Ours'));
    expect(one.conflicts.map((c) => c.kept)).toEqual(['theirs', 'ours']);
    expect(mergeSummary(one)).toBe("1 of your changes replayed on the file on disk; 2 conflicts: Title (the disk's kept); Thread 1, reply 2: text (yours kept).");
  });

  it('reports a key removed on disk and edited here', () => {
    const ours = edited(BASE, { op: 'set', path: ['image'], value: 'images/books/x/card.jpg' });
    const theirs = edited(BASE, { op: 'remove', path: ['image'] });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.text).toBe(theirs);
    expect(r.conflicts.map((c) => [c.kind, c.where, c.what, c.ours, c.theirs, c.kept])).toEqual([['removedOnDisk', 'Image', 'removed on disk, changed here', 'images/books/x/card.jpg', undefined, 'theirs']]);
    const kept = mergeBook(BASE, ours, theirs, { preferOurs: true });
    expect((valueOf(kept.text) as { image: string }).image).toBe('images/books/x/card.jpg');
  });

  it('reports a thread removed here whose reply the disk edited, and keeps it unless ours is kept', () => {
    const ours = edited(BASE, { op: 'remove', path: ['archive', 1] });
    const theirs = edited(BASE, { op: 'set', path: ['archive', 1, 'replies', 0, 'text'], value: 'Answer three, on disk' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.text).toBe(theirs);
    expect(r.conflicts.map((c) => [c.kind, c.where, c.kept])).toEqual([['removedHere', 'Thread 2', 'theirs']]);
    expect(archive(mergeBook(BASE, ours, theirs, { preferOurs: true })).map((t) => t.name)).toEqual(['Ann', 'Fay']);
  });

  it('reports a reply moved to different places on both sides', () => {
    const ours = edited(BASE, { op: 'move', from: ['archive', 0, 'replies', 0], to: ['archive', 1, 'replies'], index: 1 });
    const theirs = edited(BASE, { op: 'move', from: ['archive', 0, 'replies', 0], to: ['archive', 2, 'replies'], index: 0 });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.text).toBe(theirs);
    expect(r.conflicts.map((c) => [c.kind, c.where])).toEqual([['moved', 'Thread 3, reply 1']]);
    const kept = mergeBook(BASE, ours, theirs, { preferOurs: true });
    expect(archive(kept).map((t) => (t.replies ?? []).map((x) => x.name))).toEqual([['Cid'], ['Eve', 'Bob'], []]);
  });

  it('reports the whole file when each side moved a thread into the other', () => {
    const base = openBook(BASE);
    const ours = applyEdits(base, demoteThread(base, { thread: 0, target: 1 })).text;
    const theirs = applyEdits(base, demoteThread(base, { thread: 1, target: 0 })).text;
    const r = mergeBook(BASE, ours, theirs);
    expect(r.text).toBe(theirs);
    expect(r.conflicts.map((c) => [c.kind, c.what])).toEqual([['file', 'cannot be merged: both sides moved items into each other']]);
  });

  it('reports a key added on both sides with different values', () => {
    const ours = edited(BASE, { op: 'set', path: ['archive', 2, 'tag'], value: 'ours' });
    const theirs = edited(BASE, { op: 'set', path: ['archive', 2, 'tag'], value: 'theirs' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts.map((c) => [c.kind, c.where, c.base])).toEqual([['changed', 'Thread 3: tag', undefined]]);
  });

  it('reports lines of the body changed on both sides, with their lines in the file', () => {
    const ours = edited(BASE, { op: 'setBody', value: '\nThe body, line one.\nLine two, ours.\nLine three.\n' });
    const theirs = edited(BASE, { op: 'setBody', value: '\nThe body, line one.\nLine two, theirs.\nLine three.\n' });
    const r = mergeBook(BASE, ours, theirs);
    expect(r.text).toBe(theirs);
    expect(r.conflicts.map((c) => [c.kind, c.where, c.line, c.ours, c.theirs, c.base])).toEqual([['body', 'Body, line 33', 33, 'Line two, ours.\n', 'Line two, theirs.\n', 'Line two.\n']]);
    expect(r.text.split('\n')[32]).toBe('Line two, theirs.');
    expect(mergeBook(BASE, ours, theirs, { preferOurs: true }).text).toBe(ours);
  });

  it('merges adjacent lines of the body changed on each side; lines added at one place by both are a conflict unless the same', () => {
    const body = (text: string) => edited(BASE, { op: 'setBody', value: text });
    const adjacent = mergeBook(BASE, body('\nThe body, line one.\nLine two, ours.\nLine three.\n'), body('\nThe body, line one.\nLine two.\nLine three, theirs.\n'));
    expect(adjacent.conflicts).toEqual([]);
    expect(openBook(adjacent.text).body).toBe('\nThe body, line one.\nLine two, ours.\nLine three, theirs.\n');
    const same = mergeBook(BASE, body('\nThe body, line one.\nLine two.\nLine three.\nP.S.\n'), body('\nThe body, line one.\nLine two.\nLine three.\nP.S.\n'));
    expect(same.conflicts).toEqual([]);
    const both = mergeBook(BASE, body('\nThe body, line one.\nLine two.\nLine three.\nOurs.\n'), body('\nThe body, line one.\nLine two.\nLine three.\nTheirs.\n'));
    expect(both.conflicts.map((c) => [c.kind, c.where, c.ours, c.theirs, c.base])).toEqual([['body', 'Body, line 35', 'Ours.\n', 'Theirs.\n', '']]);
  });

  it('gives each conflict the same key whatever is kept', () => {
    const ours = edited(BASE, { op: 'set', path: ['title'], value: 'O' }, { op: 'remove', path: ['archive', 1] }, { op: 'setBody', value: 'ours\n' });
    const theirs = edited(BASE, { op: 'set', path: ['title'], value: 'T' }, { op: 'set', path: ['archive', 1, 'text'], value: 'T?' }, { op: 'setBody', value: 'theirs\n' });
    const keys = mergeBook(BASE, ours, theirs).conflicts.map((c) => c.key);
    expect(keys).toHaveLength(3);
    expect(mergeBook(BASE, ours, theirs, { preferOurs: true }).conflicts.map((c) => c.key)).toEqual(keys);
    expect(mergeBook(BASE, ours, theirs, { preferOurs: [keys[1]!] }).conflicts.map((c) => c.key)).toEqual(keys);
  });
});

describe('mergeBook: files it cannot merge, line breaks and BOM', () => {
  const broken = BASE.replace('title: "A book"', 'title: "A book');

  it.each([
    ['ours', BASE, broken, edited(BASE, { op: 'set', path: ['title'], value: 'T' }), 'your text cannot be read'],
    ['theirs', BASE, edited(BASE, { op: 'set', path: ['title'], value: 'O' }), broken, 'the file on disk cannot be read'],
    ['the base', broken, BASE, edited(BASE, { op: 'set', path: ['title'], value: 'T' }), 'the text you opened cannot be read'],
  ])('reports the whole file when %s cannot be read, losing neither text', (_name, base, ours, theirs, why) => {
    const r = mergeBook(base, ours, theirs);
    expect(r.text).toBe(theirs);
    expect(r.applied).toBe(0);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ kind: 'file', key: 'file', where: 'The whole file', ours, theirs, base, kept: 'theirs' });
    expect(r.conflicts[0]!.what).toContain(why);
    expect(mergeSummary(r)).toMatch(/^Your changes and the file on disk cannot be merged: .*; the text on disk is kept whole\.$/);
    expect(mergeBook(base, ours, theirs, { preferOurs: ['file'] }).text).toBe(ours);
  });

  it('keeps ours whole when the disk did not change, even unreadable', () => {
    expect(mergeBook(BASE, broken, BASE)).toEqual({ text: broken, conflicts: [], applied: 1 });
  });

  it('keeps CRLF line breaks and the BOM of the disk', () => {
    const crlf = '\uFEFF' + BASE.replace(/\n/g, '\r\n');
    const ours = edited(crlf, { op: 'insert', path: ['archive', 2, 'replies'], index: 0, value: { name: 'Gus', text: 'Two\nlines' } }, { op: 'setBody', value: '\r\nThe body, line one.\r\nLine two, ours.\r\nLine three.\r\nA new last line' });
    const theirs = edited(crlf, { op: 'set', path: ['title'], value: 'Disk' });
    const r = mergeBook(crlf, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(archive(r)[2]!.replies).toEqual([{ name: 'Gus', text: 'Two\nlines' }]);
    expect(openBook(r.text).body).toBe('\r\nThe body, line one.\r\nLine two, ours.\r\nLine three.\r\nA new last line');
    expect((valueOf(r.text) as { title: string }).title).toBe('Disk');
  });

  it('writes the lines ours added in the disk\'s line breaks when the disk turned to CRLF', () => {
    const ours = edited(BASE, { op: 'setBody', value: '\nThe body, line one.\nAdded here.\nLine two.\nLine three.\n' });
    const theirs = BASE.replace(/\n/g, '\r\n');
    const r = mergeBook(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(theirs.replace('line one.\r\n', 'line one.\r\nAdded here.\r\n'));
  });
});

describe('mergeBook: size', () => {
  it('merges edits of a 2,000-thread book on both sides', () => {
    const threads = Array.from({ length: 2000 }, (_, i) => `- name: Person ${i}\n  text: Question ${i}?\n  replies:\n  - name: Author\n    text: Answer ${i}\n`).join('');
    const base = `---\ntitle: Big\narchive:\n${threads}---\nBody\n`;
    const ours = edited(base, { op: 'set', path: ['archive', 1500, 'replies', 0, 'text'], value: 'Edited here' }, { op: 'remove', path: ['archive', 10] });
    const theirs = edited(base, { op: 'insert', path: ['archive'], index: 0, value: { name: 'New', text: 'First?', replies: [] } }, { op: 'set', path: ['archive', 1999, 'text'], value: 'Edited on disk' });
    const r = mergeBook(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    const a = archive(r);
    expect(a).toHaveLength(2000);
    expect(a[0]!.name).toBe('New');
    expect(a[1500]!.replies![0]!.text).toBe('Edited here');
    expect(a.find((x) => x.name === 'Person 1998')!.text).toBe('Edited on disk');
    expect(a.some((t) => t.name === 'Person 10')).toBe(false);
  });
});

describe('mergeBook: a long body', () => {
  it('merges lines of a 200,000-line body changed on both sides', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `Line ${i}.`);
    const base = `---\ntitle: Long\n---\n${lines.join('\n')}\n`;
    const ours = base.replace('\nLine 10.\n', '\nLine 10, ours.\n');
    const theirs = base.replace('\nLine 199990.\n', '\nLine 199990, theirs.\n');
    const r = mergeBook(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(theirs.replace('\nLine 10.\n', '\nLine 10, ours.\n'));
  });
});

describe.skipIf(!hasCorpus)(`mergeBook on corpus files (${hasCorpus ? 'every book' : corpusSkipReason})`, () => {
  it.each(corpusBooks())('%s: the first reply edited on both sides is one conflict; the disk\'s text stays', (_name, text) => {
    const doc = openBook(text);
    const threads = ((doc.data as { archive?: { replies?: unknown[] }[] }).archive ?? []);
    const t = threads.findIndex((x) => (x.replies ?? []).length > 0);
    if (t < 0) return;
    const path = ['archive', t, 'replies', 0, 'text'];
    const ours = edited(text, { op: 'set', path, value: 'Ours' }, { op: 'set', path: ['title'], value: 'Our title' });
    const theirs = edited(text, { op: 'set', path, value: 'Theirs' });
    const r = mergeBook(text, ours, theirs);
    expect(r.conflicts.map((c) => [c.kind, c.path])).toEqual([['changed', path]]);
    expect(r.text).toBe(edited(theirs, { op: 'set', path: ['title'], value: 'Our title' }));
  });
});
