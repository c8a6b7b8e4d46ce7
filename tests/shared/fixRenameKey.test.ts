// The lossless core's key rename: only the key's bytes change, the value and every other byte stay.
import { describe, expect, it } from 'vitest';
import { applyEdit, checkEdit, EditError, openBook } from '../../shared/index';
import { checkedEdit } from './check';
import { lineDiff } from '../lineDiff';

const book = `---
title: "A Book"
links:
  - text: Book's page
    list: https://example.org/book   # the real mistake
  - {text: Shop, lnk: "https://example.org/shop"}
"tags": [a, b]
end: 2021-07-09 23:59:59
---
Body.
`;

describe('renameKey', () => {
  it('renames a key in a block item: one line differs, in the key only', () => {
    const doc = openBook(book);
    const next = checkedEdit(doc, { op: 'renameKey', path: ['links', 0, 'list'], key: 'link' });
    expect(next.text).toBe(book.replace('    list: https', '    link: https'));
    const diff = lineDiff(book, next.text);
    expect(diff.removed.map((l) => l.line)).toEqual([5]);
    expect(diff.added.map((l) => l.text)).toEqual(['    link: https://example.org/book   # the real mistake']);
  });

  it('renames a key in a flow mapping and a quoted root key, keeping the order of keys', () => {
    let doc = checkedEdit(openBook(book), { op: 'renameKey', path: ['links', 1, 'lnk'], key: 'link' });
    expect(doc.text).toContain('  - {text: Shop, link: "https://example.org/shop"}\n');
    doc = checkedEdit(doc, { op: 'renameKey', path: ['tags'], key: 'category' });
    expect(doc.text).toContain('\ncategory: [a, b]\nend:');
    expect(Object.keys(doc.data as object)).toEqual(['title', 'links', 'category', 'end']);
  });

  it('quotes a new key that plain YAML would read as something else', () => {
    const doc = checkedEdit(openBook(book), { op: 'renameKey', path: ['tags'], key: 'yes' });
    expect(doc.text).toContain('\n"yes": [a, b]\n');
    const odd = checkedEdit(openBook(book), { op: 'renameKey', path: ['tags'], key: 'a: b #c' });
    expect(odd.text).toContain('\n"a: b #c": [a, b]\n');
  });

  it('refuses a key the mapping already has, a list index and a missing key, saying why', () => {
    const doc = openBook(book);
    expect(() => applyEdit(doc, { op: 'renameKey', path: ['links', 0, 'list'], key: 'text' })).toThrow(/already has that key/);
    expect(() => applyEdit(doc, { op: 'renameKey', path: ['links', 0], key: 'x' })).toThrow(EditError);
    expect(() => applyEdit(doc, { op: 'renameKey', path: ['links', 0, 'nope'], key: 'x' })).toThrow(/has no key "nope"/);
    expect(applyEdit(doc, { op: 'renameKey', path: ['title'], key: 'title' })).toBe(doc);
  });

  it('checks a renameKey edit from outside', () => {
    expect(() => checkEdit({ op: 'renameKey', path: ['a'], key: '' })).toThrow(/non-empty/);
    expect(() => checkEdit({ op: 'renameKey', path: ['a'], key: 3 })).toThrow(EditError);
    expect(() => checkEdit({ op: 'renameKey', path: 'a', key: 'b' })).toThrow(EditError);
    expect(() => checkEdit({ op: 'renameKey', path: ['a'], key: 'b' })).not.toThrow();
  });
});
