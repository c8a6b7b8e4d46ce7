// Every safe fix at once (what --fix applies): only the fixed lines change, and a second run changes nothing.
import { describe, expect, it } from 'vitest';
import * as jsyaml from 'js-yaml';
import { fixAll, openBook, validate } from '../../shared/index';
import type { SiteContext } from '../../shared/index';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';
import { lineDiff } from '../lineDiff';
import { corpusPeople } from './fixHelpers';

const frontMatter = (text: string) => jsyaml.load(text.split(/^---$/m)[1]!, { schema: jsyaml.CORE_SCHEMA }) as Record<string, unknown>;

const messy = `---
title: "A Book"
description: "Book of the Week. A Book by Ann Author"
cover: "images/books/20210705-a-book/cover.jpg"
image: "images/books/20210705-a-book/preview.jpg"
start: 2021-07-09 23:59:59
end: 2021-07-05 00:00:00
authors:
- annauthor,tino
links:
  - text: Shop
    lnk: https://shop.example/b?utm_source=x&id=7&fbclid=abc
archive:
- name: ' Tino'
  text: A question?
  replies:
  - name: Ann Author
    text: ''
---
Body.
`;
const site: SiteContext = { path: '_books/20210705-a-book.md', people: ['annauthor', 'tino'], names: [{ id: 'annauthor', name: 'Ann Author' }, { id: 'tino', name: 'Tino Tester' }] };

describe('fixAll', () => {
  it('applies the safe fixes, cascading (a renamed key, then its tracking parameters), and nothing else', () => {
    const { text, applied } = fixAll(openBook(messy), site);
    expect(applied.map((a) => a.fix.id).sort()).toEqual(['remove-tracking', 'rename-key', 'split-authors', 'swap-dates', 'trim-name']);
    const data = frontMatter(text);
    expect(data.links).toEqual([{ text: 'Shop', link: 'https://shop.example/b?id=7' }]);
    expect([data.start, data.end]).toEqual(['2021-07-05 00:00:00', '2021-07-09 23:59:59']);
    expect(data.authors).toEqual(['annauthor', 'tino']);
    expect((data.archive as { name: string }[])[0]!.name).toBe('Tino');
    // Left for the user: the description (its text), the empty reply (a removal).
    expect(validate(openBook(text), site).map((d) => d.code).sort()).toEqual(['description', 'empty-text']);
    expect(fixAll(openBook(text), site).applied).toEqual([]);
    // Every fix, the unsafe ones too.
    const all = fixAll(openBook(messy), site, { safeOnly: false });
    expect(all.applied.map((a) => a.fix.id)).toEqual(expect.arrayContaining(['rewrite-description', 'remove-reply']));
    expect(validate(all.doc, site)).toEqual([]);
  });

  it('leaves an unreadable file alone', () => {
    const bad = '---\ntitle: [\n---\n';
    expect(fixAll(openBook(bad), site)).toMatchObject({ text: bad, applied: [] });
  });

  it.skipIf(!hasCorpus)(`on every corpus book: only the lines of the fixes applied change, js-yaml reads the rest the same, a second run changes nothing (${hasCorpus ? 'corpus' : corpusSkipReason})`, () => {
    const { people, names } = corpusPeople();
    const counts: Record<string, number> = {};
    for (const [file, text] of corpusBooks()) {
      const ctx: SiteContext = { path: `_books/${file}`, people, names };
      const { text: fixed, applied } = fixAll(openBook(text), ctx);
      for (const a of applied) counts[a.fix.id] = (counts[a.fix.id] ?? 0) + 1;
      const diff = lineDiff(text, fixed);
      expect(diff.removed.map((l) => l.line)).toEqual(applied.map((a) => a.line).sort((a, b) => a - b));
      expect(diff.added.length).toBe(diff.removed.length);
      const before = frontMatter(text);
      const after = frontMatter(fixed);
      if (applied.length === 0) expect(fixed).toBe(text);
      else {
        const { links: l1, ...rest1 } = before;
        const { links: l2, ...rest2 } = after;
        expect(rest2).toEqual(rest1);
        expect((l2 as unknown[]).length).toBe((l1 as unknown[]).length);
      }
      expect(fixAll(openBook(fixed), ctx).applied).toEqual([]);
    }
    expect(counts).toEqual({ 'rename-key': 1, 'remove-tracking': 8 });
  });
});
