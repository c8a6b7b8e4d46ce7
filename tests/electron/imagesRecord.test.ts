// The record a card carries: a JPEG comment segment written after the APPn headers, read back
// from any JPEG, and compared with the book as it is now.
import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_BYTES, readComments, withComment } from '../../electron/workspace/images/jpegComment';
import { changesSince, readRecord, recordComment } from '../../electron/workspace/images/cardRecord';
import type { CardRecord } from '../../electron/workspace/images/cardRecord';
import { picture, pixels } from './imageFiles';

const RECORD: CardRecord = {
  book: '20240506-card',
  title: 'Cards — “quoted” & ünïcode',
  authors: [{ id: 'lenavoss', name: 'Lena Voss' }, { id: null, name: 'Priya Raman' }],
  cover: 'images/books/20240506-card/cover.jpg',
  coverHash: 'a'.repeat(64),
};

describe('JPEG comments', () => {
  it('adds a comment after the JFIF header and reads it back; the picture still decodes the same', async () => {
    const jpeg = await picture(64, 48, 'jpeg');
    expect(readComments(jpeg)).toEqual([]);
    const marked = withComment(jpeg, 'hello — ünïcode');
    expect(readComments(marked)).toEqual(['hello — ünïcode']);
    // APP0 (JFIF) stays the first segment.
    expect([marked[2], marked[3]]).toEqual([jpeg[2], jpeg[3]]);
    expect(marked.length).toBe(jpeg.length + 4 + Buffer.byteLength('hello — ünïcode'));
    const [a, b] = [await pixels(jpeg), await pixels(marked)];
    expect(Buffer.from(b.data)).toEqual(Buffer.from(a.data));
    expect(readComments(withComment(marked, 'second'))?.sort()).toEqual(['hello — ünïcode', 'second'].sort());
  });

  it('says null for bytes that are not a JPEG or are cut short, and refuses a comment too long for a segment', async () => {
    expect(readComments(Buffer.from('not a jpeg'))).toBeNull();
    expect(readComments(await picture(10, 10, 'png'))).toBeNull();
    const jpeg = await picture(10, 10, 'jpeg');
    expect(readComments(jpeg.subarray(0, 10))).toBeNull();
    expect(() => withComment(jpeg, 'x'.repeat(MAX_COMMENT_BYTES + 1))).toThrow(RangeError);
    expect(() => withComment(Buffer.from('nope'), 'x')).toThrow(TypeError);
  });
});

describe('card records', () => {
  it('round-trips through a JPEG and finds no change against the same book', async () => {
    const card = withComment(await picture(20, 20, 'jpeg'), recordComment(RECORD));
    const stored = readRecord(card)!;
    expect(stored).toEqual(RECORD);
    expect(changesSince(stored, RECORD)).toEqual([]);
  });

  it('names what changed: the title, the authors (ids, names or order), the cover', () => {
    const stored = readRecord(withComment(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), recordComment(RECORD)))!;
    expect(changesSince(stored, { ...RECORD, title: 'Other' })).toEqual(['title']);
    expect(changesSince(stored, { ...RECORD, authors: [...RECORD.authors].reverse() })).toEqual(['authors']);
    expect(changesSince(stored, { ...RECORD, authors: [{ id: 'lenavoss', name: 'Lena V.' }, RECORD.authors[1]!] })).toEqual(['authors']);
    expect(changesSince(stored, { ...RECORD, coverHash: null })).toEqual(['cover']);
    // The cover's path alone is not a change: the same bytes draw the same card.
    expect(changesSince(stored, { ...RECORD, cover: 'images/other.jpg' })).toEqual([]);
  });

  it('keeps a record too large for a comment as hashes, still comparable', () => {
    const big: CardRecord = { ...RECORD, title: 'T'.repeat(70_000) };
    const text = recordComment(big);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_COMMENT_BYTES);
    const stored = readRecord(withComment(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), text))!;
    expect('titleSha256' in stored).toBe(true);
    expect(changesSince(stored, big)).toEqual([]);
    expect(changesSince(stored, { ...big, title: 'short' })).toEqual(['title']);
    expect(changesSince(stored, { ...big, authors: [] })).toEqual(['authors']);
  });

  it('ignores comments that are not ours or are damaged', () => {
    const base = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    expect(readRecord(withComment(base, 'Created with GIMP'))).toBeNull();
    expect(readRecord(withComment(base, 'book-editor preview card v1 {broken'))).toBeNull();
    expect(readRecord(withComment(base, 'book-editor preview card v1 {"book":1}'))).toBeNull();
  });
});
