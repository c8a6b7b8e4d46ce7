// Each fix on a real-corpus or made-up case: the diff holds exactly the fixed lines, the
// diagnostic is gone, and js-yaml reads the intended value.
import { describe, expect, it } from 'vitest';
import * as jsyaml from 'js-yaml';
import { EditError, fixEdits, openBook, validate } from '../../shared/index';
import type { SiteContext } from '../../shared/index';
import { corpusSkipReason, hasCorpus } from '../corpus';
import { applyFix, changedLines, corpusBook, corpusPeople, diagnosticOf } from './fixHelpers';
import { GOOD_BOOK } from './goodBook';

const good = GOOD_BOOK;

const site: SiteContext = {
  path: '_books/20210705-a-book.md',
  people: ['annauthor', 'tino'],
  names: [{ id: 'annauthor', name: 'Ann Author' }, { id: 'tino', name: 'Tino Tester' }],
};

const codes = (text: string, ctx = site) => validate(openBook(text), ctx).map((d) => d.code);
const { people, names } = corpusPeople();
const corpusSite = (file: string): SiteContext => ({ path: `_books/${file}`, people, names });

describe('fixes', () => {
  it('the made-up book is clean, so each case below breaks one thing', () => {
    expect(codes(good)).toEqual([]);
  });

  describe('unknown key with a "did you mean"', () => {
    it.skipIf(!hasCorpus)(`renames list: to link: in the real book, one line, from the error or the warning (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
      const file = '20210222-ml-algotrading-2ed.md';
      const text = corpusBook(file);
      for (const code of ['link-missing', 'unknown-key']) {
        const r = applyFix(text, code, 'rename-key', corpusSite(file));
        expect(r.diagnostic.fixes).toEqual([{ kind: 'edit', id: 'rename-key', label: 'Rename "list" to "link"', safe: true }]);
        expect(r.diff.removed).toEqual([{ line: 19, text: '    list: https://exchange.ml4trading.io/' }]);
        expect(r.diff.added).toEqual([{ line: 19, text: '    link: https://exchange.ml4trading.io/' }]);
        expect(r.left.map((d) => d.code)).not.toContain('link-missing');
        expect(r.left.map((d) => d.code)).not.toContain('unknown-key');
        expect((r.yaml.links as Record<string, string>[])[4]).toEqual({ text: 'ML4Trading Community', link: 'https://exchange.ml4trading.io/' });
      }
    });

    it('moves the value into an empty link: and removes the stray key when link: already says the same', () => {
      const empty = good.replace('    link: https://example.org/book\n', '    link: ""\n    lnk: https://example.org/book\n');
      const moved = applyFix(empty, 'unknown-key', 'rename-key', site);
      expect(moved.after.text).toBe(good.replace('    link: https://example.org/book\n', '    link: https://example.org/book\n'));
      expect(moved.left).toEqual([]);
      const twice = good.replace('    link: https://example.org/book\n', '    link: https://example.org/book\n    lnk: https://example.org/book\n');
      const d = diagnosticOf(twice, 'unknown-key', site);
      expect(d.fixes).toEqual([{ kind: 'edit', id: 'remove-key', label: 'Remove "lnk": "link" already says the same', safe: false }]);
      const removed = applyFix(twice, 'unknown-key', 'remove-key', site);
      expect(changedLines(removed.diff)).toEqual({ removed: [12], added: [] });
      expect(removed.after.text).toBe(good);
      expect((removed.yaml.links as unknown[])[0]).toEqual({ text: "Book's page", link: 'https://example.org/book' });
    });

    it('offers nothing for an unknown key that is near no known key', () => {
      expect(diagnosticOf(good.replace('title:', 'zzzzzzz: 1\ntitle:'), 'unknown-key', site).fixes).toBeUndefined();
    });
  });

  describe('description in the site\'s form', () => {
    it('is rewritten from the title and the authors\' names when it no longer matches', () => {
      const text = good.replace('authors: [annauthor, Sara Robinson]', 'authors: [annauthor, Sara Robinson, tino]');
      const r = applyFix(text, 'description', 'rewrite-description', site);
      expect(r.diagnostic.severity).toBe('warning');
      expect(changedLines(r.diff)).toEqual({ removed: [3], added: [3] });
      expect(r.yaml.description).toBe('Book of the Week. A Book by Ann Author, Sara Robinson and Tino Tester');
      expect(r.left).toEqual([]);
    });

    it('keeps quiet for a matching description, one with a sentence after it, one in another form, or without people names', () => {
      expect(codes(good.replace('Robinson"', 'Robinson. Learn by doing"'))).toEqual([]);
      expect(codes(good.replace('"Book of the Week. A Book by Ann Author and Sara Robinson"', '"A fine book"'))).toEqual([]);
      expect(codes(good.replace('authors: [annauthor,', 'authors: [tino,'), { path: site.path, people: site.people })).toEqual([]);
    });

    it.skipIf(!hasCorpus)(`rewrites a real co-author's description, only its own lines (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
      for (const [file, expected] of [
        ['20210607-building-machine-learning-pipelines.md', 'Book of the Week. Building Machine Learning Pipelines by Hannes Hapke and Catherine Nelson'],
        ['20230612-hands-on-time-series-analysis-with-python.md', 'Book of the Week. Hands-on Time Series Analysis with Python by Ashish Patel and Vishwas BV'],
      ] as const) {
        const text = corpusBook(file);
        const r = applyFix(text, 'description', 'rewrite-description', corpusSite(file));
        const lines = [r.diagnostic.range.startLine, r.diagnostic.range.endLine];
        for (const l of r.diff.removed) expect(l.line).toBeGreaterThanOrEqual(lines[0]!);
        for (const l of r.diff.removed) expect(l.line).toBeLessThanOrEqual(lines[1]!);
        expect(r.diff.removed.length).toBeGreaterThan(0);
        expect(r.yaml.description).toBe(expected);
        expect(r.left.map((d) => d.code)).not.toContain('description');
      }
    });
  });

  describe('authors', () => {
    it('a display name that is exactly a person\'s title becomes the id', () => {
      const text = good.replace('authors: [annauthor, Sara Robinson]', 'authors: [Ann Author, Sara Robinson]');
      const r = applyFix(text, 'author-name', 'author-id:annauthor', site);
      expect(r.diagnostic.fixes).toEqual([{ kind: 'edit', id: 'author-id:annauthor', label: 'Use the people id "annauthor"', safe: true }]);
      expect(r.after.text).toBe(good);
      expect(r.yaml.authors).toEqual(['annauthor', 'Sara Robinson']);
      expect(r.left).toEqual([]);
    });

    it('two people of that name: both offered, neither safe', () => {
      const two: SiteContext = { ...site, names: [...site.names!, { id: 'annauthor2', name: 'Ann Author' }], people: [...site.people!, 'annauthor2'] };
      const text = good.replace('authors: [annauthor, Sara Robinson]', 'authors: [Ann Author, Sara Robinson]');
      expect(diagnosticOf(text, 'author-name', two).fixes?.map((f) => [f.id, f.safe])).toEqual([['author-id:annauthor', false], ['author-id:annauthor2', false]]);
      expect(applyFix(text, 'author-name', 'author-id:annauthor2', two).yaml.authors).toEqual(['annauthor2', 'Sara Robinson']);
    });

    it('one block item holding several ids becomes one item each', () => {
      const text = good.replace('authors: [annauthor, Sara Robinson]', 'authors:\n- annauthor,tino\n- Sara Robinson');
      const r = applyFix(text, 'author-list', 'split-authors', site);
      expect(r.diagnostic.fixes?.[0]).toMatchObject({ label: 'Split into 2 authors: annauthor, tino', safe: true });
      expect(r.diff.removed).toEqual([{ line: 9, text: '- annauthor,tino' }]);
      expect(r.diff.added).toEqual([{ line: 9, text: '- annauthor' }, { line: 10, text: '- tino' }]);
      expect(r.yaml.authors).toEqual(['annauthor', 'tino', 'Sara Robinson']);
      expect(r.left.map((d) => d.code)).toEqual(['description']);
    });

    it('a quoted flow item too; a name with ", Jr." is one person', () => {
      const text = good.replace('[annauthor, Sara Robinson]', '["annauthor, tino", Sara Robinson]');
      const r = applyFix(text, 'author-list', 'split-authors', site);
      expect(changedLines(r.diff)).toEqual({ removed: [8], added: [8] });
      expect(r.yaml.authors).toEqual(['annauthor', 'tino', 'Sara Robinson']);
      expect(codes(good.replace('Sara Robinson]', '"Sam King, Jr."]').replace('and Sara Robinson', 'and Sam King, Jr.'))).toEqual([]);
    });
  });

  describe('dates', () => {
    it('end before start: swapped, two lines', () => {
      const text = good.replace('start: 2021-07-05 00:00:00\nend: 2021-07-09 23:59:59', 'start: 2021-07-09 23:59:59\nend: 2021-07-05 00:00:00');
      const r = applyFix(text, 'date-order', 'swap-dates', site);
      expect(r.diagnostic.fixes?.[0]).toMatchObject({ label: 'Swap start and end', safe: true });
      expect(r.after.text).toBe(good);
      expect(changedLines(r.diff)).toEqual({ removed: [6, 7], added: [6, 7] });
      expect([r.yaml.start, r.yaml.end]).toEqual(['2021-07-05 00:00:00', '2021-07-09 23:59:59']);
      expect(r.left).toEqual([]);
    });

    it('a week not Monday to Friday: a warning whose fix is the site\'s week for that Monday', () => {
      const text = good.replace('start: 2021-07-05 00:00:00', 'start: 2021-07-06 09:00:00');
      const r = applyFix(text, 'week', 'site-week:2021-07-05', site);
      expect(r.diagnostic).toMatchObject({ severity: 'warning', path: 'start' });
      expect(r.diagnostic.message).toBe('The week runs from Tuesday 2021-07-06 09:00:00 to Friday 2021-07-09 23:59:59; the site\'s weeks run from Monday 00:00:00 to Friday 23:59:59.');
      expect(r.after.text).toBe(good);
      expect(r.left).toEqual([]);
      // Starting on a Sunday: that week's Monday, or the next one.
      const sunday = good.replace('start: 2021-07-05 00:00:00', 'start: 2021-07-04 00:00:00');
      expect(diagnosticOf(sunday, 'week', site).fixes?.map((f) => f.label)).toEqual([
        'Set the week to 2021-06-28 00:00:00 – 2021-07-02 23:59:59',
        'Set the week to 2021-07-05 00:00:00 – 2021-07-09 23:59:59',
      ]);
      // The site's first year ended its Fridays at 22:59:58 (23:59:59 in Central Europe, written in UTC).
      expect(codes(good.replace('23:59:59', '22:59:58'))).toEqual([]);
    });

    it.skipIf(!hasCorpus)(`the real book that ran to Sunday: its end line only (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
      const file = '20241017-build-large-language-model-from-scratch.md';
      const r = applyFix(corpusBook(file), 'week', 'site-week:2024-10-14', corpusSite(file));
      expect(r.diff.removed).toEqual([{ line: 7, text: 'end: 2024-10-20 23:59:59' }]);
      expect(r.diff.added).toEqual([{ line: 7, text: 'end: 2024-10-18 23:59:59' }]);
      expect(r.yaml.end).toBe('2024-10-18 23:59:59');
      expect(r.left.map((d) => d.code)).not.toContain('week');
    });
  });

  describe('links', () => {
    it.skipIf(!hasCorpus)(`tracking parameters removed from real links, one line each (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
      const cases = [
        ['20220926-graph-algorithms-for-data-science.md', 'https://www.manning.com/books/graph-algorithms-for-data-science'],
        ['20230807-driving-data-quality-with-data-contracts.md', 'https://www.amazon.com/Driving-Data-Quality-Contracts-comprehensive-ebook/dp/B0C37FPH3D/'],
        ['20220314-data-engineering-with-apache-spark-delta-lake-and-lakehouse.md', 'https://www.amazon.com/Engineering-Apache-Spark-Delta-Lakehouse/dp/1801077746'],
      ] as const;
      for (const [file, url] of cases) {
        const r = applyFix(corpusBook(file), 'tracking', 'remove-tracking', corpusSite(file));
        expect(r.diagnostic.fixes?.[0]?.safe).toBe(true);
        expect(changedLines(r.diff)).toEqual({ removed: [r.diagnostic.range.startLine], added: [r.diagnostic.range.startLine] });
        expect((r.yaml.links as Record<string, string>[]).map((l) => l.link)).toContain(url);
        expect(r.left.map((d) => d.code)).not.toContain('tracking');
      }
    });
  });

  describe('Q&A', () => {
    it.skipIf(!hasCorpus)(`an empty real reply is removed: its two lines, nothing else (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
      const file = '20241104-llm-engineer-s-handbook.md';
      const r = applyFix(corpusBook(file), 'empty-text', 'remove-reply', corpusSite(file));
      expect(r.diagnostic.fixes?.[0]).toEqual({ kind: 'edit', id: 'remove-reply', label: 'Remove the empty reply of Till', safe: false });
      expect(r.diff.removed).toEqual([{ line: 81, text: '  - name: Till' }, { line: 82, text: "    text: ''" }]);
      expect(r.diff.added).toEqual([]);
      const replies = (yaml: Record<string, unknown>) => (yaml.archive as { replies: { name: string; text: string }[] }[])[1]!.replies;
      const before = replies(jsyaml.load(corpusBook(file).split('---')[1]!) as Record<string, unknown>);
      expect(replies(r.yaml)).toEqual(before.filter((_, i) => i !== 1));
      expect(r.left.map((d) => d.code)).not.toContain('empty-text');
    });

    it('a name with spaces around it is trimmed, in a thread and in a reply', () => {
      const text = good.replace('- name: Tino', "- name: ' Tino '").replace('  - name: Ann Author', '  - name: "Ann Author  "');
      const thread = applyFix(text, 'name-spaces', 'trim-name', site, 'archive[0].name');
      expect(changedLines(thread.diff)).toEqual({ removed: [13], added: [13] });
      expect((thread.yaml.archive as { name: string }[])[0]!.name).toBe('Tino');
      const reply = applyFix(text, 'name-spaces', 'trim-name', site, 'archive[0].replies[0].name');
      expect(changedLines(reply.diff)).toEqual({ removed: [16], added: [16] });
      expect(reply.left.map((d) => d.path)).toEqual(['archive[0].name']);
    });
  });

  describe('files', () => {
    it.skipIf(!hasCorpus)(`a file name whose date differs from start: rename to the week, or set the week to the file name's (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
      const file = '20221121-reliable-machine-learning.md';
      const text = corpusBook(file);
      const d = diagnosticOf(text, 'file-date', corpusSite(file));
      expect(d.fixes?.[0]).toEqual({ kind: 'rename-book', id: 'rename-book', label: 'Rename to match the week: 20221205-reliable-machine-learning.md', safe: false, to: '_books/20221205-reliable-machine-learning.md' });
      expect(() => fixEdits(openBook(text), d, 'rename-book', corpusSite(file))).toThrow(/renameBook/);
      const r = applyFix(text, 'file-date', 'file-week', corpusSite(file));
      expect(r.diff.removed.map((l) => l.text)).toEqual(['end: 2022-12-09 23:59:59', 'start: 2022-12-05 00:00:00']);
      expect(changedLines(r.diff)).toEqual({ removed: [10, 17], added: [10, 17] });
      expect([r.yaml.start, r.yaml.end]).toEqual(['2022-11-21 00:00:00', '2022-11-25 23:59:59']);
      expect(r.left.map((d) => d.code)).not.toContain('file-date');
    });

    it('an author id without a people page offers "Create person…"', () => {
      const d = diagnosticOf(good.replace('[annauthor,', '[joereis,'), 'people', site);
      expect(d.fixes).toEqual([{ kind: 'create-person', id: 'create-person', label: 'Create person "joereis"…', safe: false, person: 'joereis' }]);
      expect(() => fixEdits(openBook(good.replace('[annauthor,', '[joereis,')), d, 'create-person', site)).toThrow(EditError);
    });
  });

  it('a fix that no longer applies is refused with a message', () => {
    const text = good.replace('start: 2021-07-05 00:00:00\nend: 2021-07-09 23:59:59', 'start: 2021-07-09 23:59:59\nend: 2021-07-05 00:00:00');
    const d = diagnosticOf(text, 'date-order', site);
    expect(() => fixEdits(openBook(good), d, 'swap-dates', site)).toThrow(/does not apply/);
    expect(() => fixEdits(openBook(text), d, 'no-such-fix', site)).toThrow(EditError);
  });
});

describe('fixes on odd input', () => {
  it('a file name with an impossible date still validates, without a rename to it', () => {
    const found = validate(openBook(good), { ...site, path: '_books/20230399-a-book.md' });
    const d = found.find((x) => x.code === 'file-date');
    expect(d?.fixes).toBeUndefined();
  });
});
