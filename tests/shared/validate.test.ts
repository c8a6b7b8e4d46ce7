// Each validation rule, on a small book that breaks it, with its position.
import { describe, expect, it } from 'vitest';
import { openBook, validate } from '../../shared/index';
import type { Diagnostic, SiteContext } from '../../shared/index';
import { GOOD_BOOK } from './goodBook';

const good = GOOD_BOOK;

const site: SiteContext = {
  path: '_books/20210705-a-book.md',
  people: ['annauthor'],
  files: ['images/books/20210705-a-book/cover.jpg'],
  weeks: [{ path: '_books/20210628-other.md', title: 'Other', start: '2021-06-28 00:00:00', end: '2021-07-02 23:59:59' }],
};

function check(text: string, ctx: SiteContext = site): Diagnostic[] {
  return validate(openBook(text), ctx);
}

function only(text: string, code: string, ctx: SiteContext = site): Diagnostic {
  const found = check(text, ctx);
  expect(found.map((d) => d.code)).toEqual([code]);
  return found[0]!;
}

describe('validate', () => {
  it('finds nothing wrong in a good book', () => {
    expect(check(good)).toEqual([]);
  });

  it('errors: a missing required key, named, at the front matter', () => {
    const d = only(good.replace('title: "A Book"\n', ''), 'required');
    expect(d).toMatchObject({ severity: 'error', message: 'The required key title is missing.' });
  });

  it('errors: a wrong type, at the value', () => {
    const d = only(good.replace('title: "A Book"', 'title: 2021'), 'type');
    expect(d).toMatchObject({ severity: 'error', path: 'title', range: { startLine: 2, startColumn: 8, endColumn: 12 } });
    expect(d.message).toMatch(/title must be text, but it is a number/);
  });

  it('errors: a date not in YYYY-MM-DD HH:MM:SS, and an impossible date', () => {
    expect(only(good.replace('start: 2021-07-05 00:00:00', 'start: 2021-07-05'), 'date').message).toMatch(/YYYY-MM-DD HH:MM:SS/);
    expect(only(good.replace('start: 2021-07-05 00:00:00', 'start: 2021-02-30 00:00:00'), 'date').message).toMatch(/not a real date/);
  });

  it('errors: end before start', () => {
    const d = only(good.replace('end: 2021-07-09 23:59:59', 'end: 2021-07-04 23:59:59'), 'date-order');
    expect(d).toMatchObject({ path: 'end', range: { startLine: 7 } });
  });

  it('errors: a link item without link says "did you mean link" for list:, and warns on the key', () => {
    const found = check(good.replace('    link: https://example.org/book', '    list: https://example.org/book'));
    expect(found.map((d) => [d.severity, d.code])).toEqual([['error', 'link-missing'], ['warning', 'unknown-key']]);
    expect(found[0]!.message).toBe('Link 1 has no link (it has "list:"; did you mean "link:"?).');
    expect(found[1]!.message).toBe('Link 1: unknown key "list": did you mean "link"?');
    expect(found[1]!.range).toMatchObject({ startLine: 11, startColumn: 5, endColumn: 9 });
  });

  it('errors: a link that is not http(s)', () => {
    expect(only(good.replace('https://example.org/book', 'javascript:alert(1)'), 'link-url').path).toBe('links[0].link');
    expect(only(good.replace('https://example.org/book', 'example.org'), 'link-url').severity).toBe('error');
  });

  it('errors: a thread or a reply without a name', () => {
    expect(only(good.replace('- name: Tino\n', '- name: ""\n'), 'name').message).toBe('Thread 1 has no name.');
    expect(only(good.replace('  - name: Ann Author\n    text', '  - text'), 'name').message).toBe('Thread 1, reply 1 has no name.');
  });

  it('warns: unknown keys, with did you mean for near misses', () => {
    expect(only(good.replace('title: "A Book"', 'title: "A Book"\ntitel: "x"'), 'unknown-key').message).toBe('Unknown key "titel": did you mean "title"?');
    expect(only(good.replace('title: "A Book"', 'title: "A Book"\nlayout: book'), 'unknown-key').message).toBe('Unknown key "layout".');
  });

  it('warns: an empty reply text', () => {
    const d = only(good.replace('text: An answer.', "text: ''"), 'empty-text');
    expect(d).toMatchObject({ severity: 'warning', path: 'archive[0].replies[0].text', message: 'Thread 1, reply 1: text is empty.' });
  });

  it('warns: an author id with no people page; display names are fine', () => {
    const d = only(good.replace('[annauthor, Sara Robinson]', '[annauthor, bobby, Sara Robinson]'), 'people');
    expect(d.message).toMatch(/"bobby" looks like a people id, but there is no _people\/bobby\.md/);
  });

  it('warns: a missing cover file', () => {
    expect(only(good, 'cover-missing', { ...site, files: [] }).path).toBe('cover');
  });

  it('warns: a file name date that differs from start', () => {
    expect(only(good, 'file-date', { ...site, path: '_books/20210712-a-book.md' }).message).toBe('The file name says 2021-07-12, but start is 2021-07-05.');
  });

  it('warns: TODO left in a link', () => {
    expect(only(good.replace("Book's page", '"TODO: link text"'), 'todo').path).toBe('links[0].text');
  });

  it('warns: weeks that overlap another book', () => {
    const d = only(good, 'week-overlap', { ...site, weeks: [{ path: '_books/20210707-x.md', title: 'X', start: '2021-07-07 00:00:00', end: '2021-07-12 23:59:59' }] });
    expect(d.message).toMatch(/overlaps "X"/);
  });

  it('warns: a plain word that Jekyll (YAML 1.1) reads as a boolean', () => {
    const d = only(good.replace('text: An answer.', 'text: yes'), 'yaml11');
    expect(d.message).toMatch(/Jekyll reads the plain "yes" as a boolean/);
  });

  it('errors: front matter that is not a mapping', () => {
    const d = only('---\n- a\n- b\n---\n', 'not-mapping');
    expect(d.message).toMatch(/but it is a list/);
  });

  it('sorts errors before warnings, then by position', () => {
    const found = check(good.replace('text: An answer.', "text: ''").replace('title: "A Book"', 'title: 5'));
    expect(found.map((d) => d.severity)).toEqual(['error', 'warning']);
  });
});
