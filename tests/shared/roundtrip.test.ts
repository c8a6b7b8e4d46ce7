import { describe, expect, it } from 'vitest';
import * as jsyaml from 'js-yaml';
import matter from 'gray-matter';
import { openBook, validate } from '../../shared/index';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';
import { fastParse } from '../../shared/yaml/fastParse';
import { parseYamlSlow } from '../../shared/yaml/parse';

const books = corpusBooks();

/** gray-matter reads dates as Date objects (js-yaml 3's default schema); turn them back into the site's strings. */
function undate(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
  if (Array.isArray(v)) return v.map(undate);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, undate(x)]));
  return v;
}

describe.skipIf(!hasCorpus)(`corpus round trip (${hasCorpus ? `${books.length} files` : corpusSkipReason})`, () => {
  it('has the corpus', () => {
    expect(books.length).toBeGreaterThanOrEqual(70);
  });

  it.each(books)('%s reads without diagnostics and keeps every byte', (_name, text) => {
    const doc = openBook(text);
    expect(doc.text).toBe(text);
    expect(doc.data).not.toBeNull();
    expect(doc.tree).not.toBeNull();
    expect(doc.diagnostics).toEqual([]);
    expect(doc.text.slice(doc.split!.bodyStart)).toBe(doc.body);
  });

  it.each(books)('%s is read by the fast reader exactly as by the yaml package', (_name, text) => {
    const doc = openBook(text);
    const fm = text.slice(doc.split!.start, doc.split!.end);
    const fast = fastParse(fm);
    expect(fast).not.toBeNull();
    expect(fast!.root).toEqual(parseYamlSlow(fm).root);
  });

  it.each(books)('%s reads the same value as js-yaml (core schema)', (_name, text) => {
    const doc = openBook(text);
    const fm = text.slice(doc.split!.start, doc.split!.end);
    expect(doc.data).toEqual(jsyaml.load(fm, { schema: jsyaml.CORE_SCHEMA }));
  });

  it.each(books)('%s reads the same value and body as gray-matter', (_name, text) => {
    const doc = openBook(text);
    // Options turn gray-matter's content cache off.
    const gm = matter(text, { excerpt: false });
    expect(doc.data).toEqual(undate(gm.data));
    expect(doc.body.trim()).toBe(gm.content.trim());
  });

  it('validates every corpus file with no errors but the known mistakes', () => {
    const errors = books.flatMap(([name, text]) => validate(openBook(text), { path: `_books/${name}` }).filter((d) => d.severity === 'error').map((d) => `${name}: ${d.code}`));
    // The one real error in the corpus: a link item written `list:` instead of `link:`.
    expect(errors).toEqual(['20210222-ml-algotrading-2ed.md: link-missing']);
  });
});
