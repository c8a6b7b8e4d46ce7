// Input built to hurt: many keys, deep nesting, long quoted texts. Each reads without
// throwing, into a value or a diagnostic with a position. (How fast is `npm run bench`'s
// business: rows "validate 50,000-key front matter" and the CLI's 200,000-key file.)
import { describe, expect, it } from 'vitest';
import { applyEdit, openBook, validate } from '../../shared/index';
import { fastParse } from '../../shared/yaml/fastParse';
import { parseYamlSlow } from '../../shared/yaml/parse';

const book = (frontMatter: string) => `---\ntitle: T\n${frontMatter}---\nbody\n`;
const manyKeys = (n: number, value: (i: number) => string) => Array.from({ length: n }, (_, i) => `k${i}: ${value(i)}\n`).join('');

describe('many keys', () => {
  it('a 50,000-key front matter validates: one unknown-key warning per key, each at its own line', () => {
    const doc = openBook(book(manyKeys(50_000, (i) => `v${i}`)));
    expect(doc.tree).not.toBeNull();
    const unknown = validate(doc).filter((d) => d.code === 'unknown-key');
    expect(unknown).toHaveLength(50_000);
    expect(unknown[49_999]).toMatchObject({ path: 'k49999', range: { startLine: 50_002, startColumn: 1 } });
  });

  it('the same through the yaml package (values the fast reader leaves to it)', () => {
    const text = book(manyKeys(50_000, (i) => String(i)));
    expect(fastParse(text.slice(4, text.indexOf('---\nbody')))).toBeNull();
    const doc = openBook(text);
    expect((doc.data as Record<string, unknown>).k49999).toBe(49_999);
    expect(validate(doc).filter((d) => d.code === 'unknown-key')).toHaveLength(50_000);
  });

  it('a duplicate among 50,000 keys is an error at the second one, whichever reader reads it', () => {
    for (const value of [(i: number) => `v${i}`, (i: number) => String(i)]) {
      const doc = openBook(book(manyKeys(50_000, value) + 'k1234: again\n'));
      expect(doc.data).toBeNull();
      const [first] = validate(doc);
      expect(first).toMatchObject({ severity: 'error', code: 'yaml', range: { startLine: 50_003, startColumn: 1 } });
      expect(first!.message).toMatch(/unique/);
    }
  });

  it('keys equal only as text are not duplicates, as the yaml package reads them', () => {
    const { root, problems } = parseYamlSlow('1: a\n"1": b\n');
    expect(problems).toEqual([]);
    expect(root?.kind).toBe('map');
  });

  it('an edit in a 20,000-key book finds its key and keeps every other byte', () => {
    const text = book(manyKeys(20_000, (i) => `v${i}`));
    const doc = applyEdit(openBook(text), { op: 'set', path: ['k19999'], value: 'changed' });
    expect(doc.text).toBe(text.replace('k19999: v19999', 'k19999: changed'));
  });
});

describe('deep nesting', () => {
  const deepFlow = (n: number) => `k: ${'['.repeat(n)}${']'.repeat(n)}\n`;
  const deepBlock = (n: number) => `k:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} x\n`;

  for (const [name, fm] of [['5,000-deep flow lists', deepFlow(5000)], ['5,000-deep block mappings', deepBlock(5000)], ['100-deep flow lists', deepFlow(100)]] as const) {
    it(`${name} read as an error in words at a position inside the front matter`, () => {
      const text = book(fm);
      let doc!: ReturnType<typeof openBook>;
      expect(() => (doc = openBook(text))).not.toThrow();
      expect(doc.data).toBeNull();
      const all = validate(doc);
      const deep = all.filter((d) => /nested more than 64 levels/.test(d.message));
      expect(deep).toHaveLength(1);
      expect(deep[0]!.severity).toBe('error');
      expect(deep[0]!.range.startLine).toBeGreaterThanOrEqual(3);
      expect(deep[0]!.range.from).toBeLessThan(text.indexOf('---\nbody'));
      expect(all.some((d) => /call stack/i.test(d.message))).toBe(false);
    });
  }

  it('deep flow nesting is placed at the bracket that goes past the limit', () => {
    const [deep] = validate(openBook(book(deepFlow(5000)))).filter((d) => /nested/.test(d.message));
    expect(deep!.range).toMatchObject({ startLine: 3, startColumn: 4 + 64 });
  });

  it('60 levels are still read', () => {
    const doc = openBook(book(deepFlow(60)));
    expect(doc.diagnostics).toEqual([]);
    expect(doc.tree).not.toBeNull();
  });
});

describe('long quoted texts', () => {
  it('a quoted text of 50,000 lines with trailing spaces folds as the yaml package folds it', () => {
    for (const q of ['"', "'"]) {
      const fm = `description: ${q}${'word  \n  '.repeat(50_000)}end${q}\n`;
      const fast = fastParse(fm);
      expect(fast).not.toBeNull();
      expect(fast!.root!.kind === 'map' && fast!.root!.value).toEqual({ description: `${'word '.repeat(50_000)}end` });
    }
  });
});
