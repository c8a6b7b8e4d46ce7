// The pure parts behind the fixes: tracking parameters, name suggestions, the people file, weeks and book paths.
import { describe, expect, it } from 'vitest';
import { applyEdits, bookPathForDate, idForWeek, mondayOf, nameSuggestions, openBook, personText, renameBookEdits, rescheduleEdits, rescheduledPath, siteWeek, withoutTracking } from '../../shared/index';
import type { Value } from '../../shared/index';
import { lineDiff } from '../lineDiff';

describe('withoutTracking', () => {
  it('removes utm_* and click ids anywhere, keeping every other character as written', () => {
    expect(withoutTracking('https://example.org/a?utm_source=x&b=%2F1&utm_medium=y#frag')).toEqual({ url: 'https://example.org/a?b=%2F1#frag', removed: ['utm_source', 'utm_medium'] });
    expect(withoutTracking('https://example.org/?fbclid=1&gclid=2')).toEqual({ url: 'https://example.org/', removed: ['fbclid', 'gclid'] });
  });

  it('removes ref and tag on shops only: GitHub\'s ref names a branch', () => {
    expect(withoutTracking('https://www.manning.com/books/x?a_aid=me&ref=home').url).toBe('https://www.manning.com/books/x');
    expect(withoutTracking('https://learning.oreilly.com/library/view/x/123/?ref=y&tag=z').url).toBe('https://learning.oreilly.com/library/view/x/123/');
    expect(withoutTracking('https://github.com/a/b/tree/x?ref=main').removed).toEqual([]);
    expect(withoutTracking('https://www.learninpublic.org/?from=DTC&c=DATA40').removed).toEqual([]);
    expect(withoutTracking('https://www.packtpub.com/en-ro/product/x-9781804618127?type=print').removed).toEqual([]);
  });

  it('an Amazon product page keeps only its product address', () => {
    expect(withoutTracking('https://www.amazon.co.uk/Title/dp/1801077746/ref=sr_1_1?keywords=a&qid=1').url).toBe('https://www.amazon.co.uk/Title/dp/1801077746');
    expect(withoutTracking('https://www.amazon.com/gp/product/1839217715/').removed).toEqual([]);
    expect(withoutTracking('https://www.amazon.com/s?k=books&tag=me-20').url).toBe('https://www.amazon.com/s?k=books');
  });

  it('leaves what it cannot read', () => {
    expect(withoutTracking('mailto:a@b.c?utm_source=x').removed).toEqual([]);
    expect(withoutTracking('https://example.org/?%E0%A4%A=1').removed).toEqual([]);
  });
});

describe('nameSuggestions', () => {
  const data: Value = { archive: [{ name: 'Tino', text: 'q', replies: [{ name: 'Zoë Q', text: 'a' }, { name: 'Tino ', text: 'b' }] }, { name: 'Álvaro', text: 'c', replies: [] }] };
  const people = [{ name: 'Ann Author' }, { name: 'Tino' }, { name: '\u200BBob Builder' }];

  it('lists the book\'s names first (most used first), then people, once each', () => {
    expect(nameSuggestions(data, people)).toEqual(['Tino', 'Álvaro', 'Zoë Q', 'Ann Author', 'Bob Builder']);
  });

  it('matches a part of the name whatever its case and accents, up to a limit', () => {
    expect(nameSuggestions(data, people, 'alv')).toEqual(['Álvaro']);
    expect(nameSuggestions(data, people, 'ZOE')).toEqual(['Zoë Q']);
    expect(nameSuggestions(data, people, '', 2)).toEqual(['Tino', 'Álvaro']);
    expect(nameSuggestions(null, people, 'b')).toEqual(['Bob Builder']);
  });
});

describe('personText', () => {
  it('writes the site\'s form and reads back', () => {
    expect(personText({ id: 'joereis', name: 'Joe Reis', twitter: 'joereis', web: 'https://joereis.example/', bio: 'Joe writes about data.' })).toBe(
      '---\nshort: joereis\ntitle: "Joe Reis"\npicture: "images/authors/joereis.jpg"\ntwitter: joereis\nweb: https://joereis.example/\n---\n\nJoe writes about data.',
    );
  });

  it('quotes what plain YAML would misread', () => {
    const text = personText({ id: '2024', name: 'Zoë "Z" O\'Neil', github: 'yes', linkedin: 'a: b' });
    const data = openBook(text).data as Record<string, unknown>;
    expect(data).toMatchObject({ short: '2024', title: 'Zoë "Z" O\'Neil', github: 'yes', linkedin: 'a: b' });
  });
});

describe('weeks and renames', () => {
  it('finds the Monday and the site\'s week', () => {
    expect(mondayOf('2021-07-11')).toBe('2021-07-05');
    expect(mondayOf('2021-07-05')).toBe('2021-07-05');
    expect(mondayOf('2021-02-30')).toBeNull();
    expect(siteWeek('2021-12-27')).toEqual({ start: '2021-12-27 00:00:00', end: '2021-12-31 23:59:59' });
    expect(idForWeek('20210705-a-book', '2021-07-12')).toBe('20210712-a-book');
    expect(bookPathForDate('_books/20210705-a-book.md', '2022-01-03')).toBe('_books/20220103-a-book.md');
    expect(rescheduledPath('_books/20210705-a-book.md', '2022-01-06')).toBe('_books/20220103-a-book.md');
    expect(rescheduledPath('_books/20210705-a-book.md', '2022-02-30')).toBeNull();
  });

  it('rewrites cover and image into the new folder, and reschedules with the dates only', () => {
    const text = '---\ntitle: "T"\ncover: "images/books/20210705-a-book/cover.jpg"\nimage: /images/books/20210705-a-book/preview.jpg\nstart: 2021-07-05 00:00:00\nend: 2021-07-09 23:59:59\n---\n';
    const doc = openBook(text);
    const moved = applyEdits(doc, [...rescheduleEdits(doc, '2021-07-14'), ...renameBookEdits(doc, '20210705-a-book', '20210712-a-book')]);
    expect(lineDiff(text, moved.text).added.map((l) => l.text)).toEqual([
      'cover: "images/books/20210712-a-book/cover.jpg"',
      'image: /images/books/20210712-a-book/preview.jpg',
      'start: 2021-07-12 00:00:00',
      'end: 2021-07-16 23:59:59',
    ]);
    expect(renameBookEdits(openBook(text.replace(/20210705-a-book/g, 'other')), '20210705-a-book', 'x')).toEqual([]);
    const back = applyEdits(moved, [...rescheduleEdits(moved, '2021-07-05'), ...renameBookEdits(moved, '20210712-a-book', '20210705-a-book')]);
    expect(back.text).toBe(text);
  });
});
