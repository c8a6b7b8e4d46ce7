// The site's description form, and the description following title and authors edited in the form.
import { describe, expect, it } from 'vitest';
import { applyEdits, descriptionFor, expectedDescription, followDescription, joinNames, openBook, validate } from '../../shared/index';
import type { Edit, SiteContext } from '../../shared/index';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';
import { lineDiff } from '../lineDiff';
import { corpusPeople } from './fixHelpers';

const book = `---
title: "Data Gardens"
description: "Book of the Week. Data Gardens by Ann Author"
authors:
  - annauthor
---
`;
const site: SiteContext = { people: ['annauthor', 'bob'], names: [{ id: 'annauthor', name: 'Ann Author' }, { id: 'bob', name: '\u200BBob Builder' }] };
const descriptionOf = (text: string) => (openBook(text).data as { description: string }).description;

describe('description form', () => {
  it('joins names as people write them', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(descriptionFor('T', [])).toBe('Book of the Week. T');
  });

  it('names authors by their people page\'s title (invisible spaces dropped), others as written', () => {
    expect(expectedDescription({ title: 'T', authors: ['bob', 'Sara Robinson', 'nopage'] }, site.names)).toBe('Book of the Week. T by Bob Builder, Sara Robinson and nopage');
    expect(expectedDescription({ title: 'T', authors: ['bob'] }, undefined)).toBeNull();
    expect(expectedDescription({ title: 'T', authors: [3] }, site.names)).toBeNull();
  });

  it('follows a new co-author and a new title; one line changes, the description\'s', () => {
    const edits: Edit[] = [{ op: 'insert', path: ['authors'], index: 1, value: 'bob' }];
    const all = followDescription(openBook(book), edits, site);
    expect(all).toEqual([...edits, { op: 'set', path: ['description'], value: 'Book of the Week. Data Gardens by Ann Author and Bob Builder' }]);
    const after = applyEdits(openBook(book), all);
    expect(lineDiff(book, after.text).removed.map((l) => l.line)).toEqual([3]);
    const renamed = applyEdits(after, followDescription(after, [{ op: 'set', path: ['title'], value: 'Data Gardens, 2nd edition' }], site));
    expect(descriptionOf(renamed.text)).toBe('Book of the Week. Data Gardens, 2nd edition by Ann Author and Bob Builder');
  });

  it('keeps the sentence after the form, and leaves alone a description in another form or edited by the same edits', () => {
    const tail = book.replace('by Ann Author"', 'by Ann Author. Grow your data."');
    const after = applyEdits(openBook(tail), followDescription(openBook(tail), [{ op: 'set', path: ['title'], value: 'Data Forests' }], site));
    expect(descriptionOf(after.text)).toBe('Book of the Week. Data Forests by Ann Author. Grow your data.');
    const other = book.replace('"Book of the Week. Data Gardens by Ann Author"', '"A book about gardens"');
    const edits: Edit[] = [{ op: 'set', path: ['title'], value: 'X' }];
    expect(followDescription(openBook(other), edits, site)).toEqual(edits);
    const both: Edit[] = [{ op: 'set', path: ['title'], value: 'X' }, { op: 'set', path: ['description'], value: 'Mine' }];
    expect(followDescription(openBook(book), both, site)).toEqual(both);
    const unrelated: Edit[] = [{ op: 'set', path: ['cover'], value: 'c.jpg' }];
    expect(followDescription(openBook(book), unrelated, site)).toEqual(unrelated);
  });

  it.skipIf(!hasCorpus)(`in the corpus: 61 books in the form follow a title change with no new warning, the others warn (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
    const { people, names } = corpusPeople();
    let inForm = 0;
    let warned = 0;
    for (const [file, text] of corpusBooks()) {
      const ctx: SiteContext = { path: `_books/${file}`, people, names };
      const doc = openBook(text);
      const warns = validate(doc, ctx).some((d) => d.code === 'description');
      const edits = followDescription(doc, [{ op: 'set', path: ['title'], value: 'A New Title' }], ctx);
      if (edits.length === 2) {
        inForm++;
        expect(warns).toBe(false);
        const after = applyEdits(doc, edits);
        expect(validate(after, ctx).map((d) => d.code)).not.toContain('description');
        expect(descriptionOf(after.text).startsWith('Book of the Week. A New Title by ')).toBe(true);
      } else if (warns) warned++;
    }
    expect(inForm).toBe(61);
    expect(warned).toBe(12);
  });
});
