// The value at a raw offset, as the raw view's cursor turns into the form's place.
import { describe, expect, it } from 'vitest';
import { openBook } from '../../shared/index';
import { pathAt } from '../../renderer/src/place/pathAt';
import { keysOf } from '../../renderer/src/place/revealPlace';
import { SMALL_BOOK } from './fakeApi';

const doc = openBook(SMALL_BOOK);
const at = (needle: string, shift = 0) => pathAt(doc.tree!, SMALL_BOOK.indexOf(needle) + shift).join('.');

describe('pathAt', () => {
  it('finds the deepest value at an offset', () => {
    expect(at('"Gardening')).toBe('title');
    expect(at('title:')).toBe('title');
    expect(at('lenavoss')).toBe('authors.0');
    expect(at('https://example.com/book')).toBe('links.0.link');
    expect(at('"With a seed."')).toBe('archive.0.replies.0.text');
    expect(at('- name: Tino\n        text: "Thanks!"', 2)).toBe('archive.0.replies.1.name');
    expect(at('"Loam."')).toBe('archive.1.replies.0.text');
  });

  it('counts the indentation before a dash or key as the entry’s, and the body as no value', () => {
    const line = SMALL_BOOK.indexOf('      - name: Lena Voss');
    expect(pathAt(doc.tree!, line).join('.')).toBe('archive.0.replies.0');
    expect(pathAt(doc.tree!, SMALL_BOOK.indexOf('The body.'))).toEqual([]);
    expect(pathAt(doc.tree!, 0)).toEqual([]);
  });

  it('turns a dotted place back into keys', () => {
    expect(keysOf('archive.3.replies.1.text')).toEqual(['archive', 3, 'replies', 1, 'text']);
    expect(keysOf('')).toEqual([]);
  });
});
