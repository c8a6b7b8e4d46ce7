// The fast reader may decline, but must never read differently from the yaml package:
// random mutations of real front matter, and small hand-picked cases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastParse } from '../../shared/yaml/fastParse';
import { parseYamlSlow } from '../../shared/yaml/parse';
import { openBook } from '../../shared/index';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';

function agrees(fm: string): 'declined' | 'same' {
  const fast = fastParse(fm);
  const slow = parseYamlSlow(fm);
  if (slow.problems.some((p) => p.severity === 'error') || !slow.root) {
    // Invalid or unsupported YAML (or an empty document) is never read by the fast path as a tree.
    if (fast) expect(fast.root).toEqual(slow.root);
    return 'declined';
  }
  if (!fast) return 'declined';
  expect(fast.root).toEqual(slow.root);
  return 'same';
}

const samples = corpusBooks().slice(0, 12).map(([, t]) => {
  const d = openBook(t);
  return t.slice(d.split!.start, d.split!.end).split('\n').slice(0, 60).join('\n') + '\n';
});

describe('fast reader', () => {
  it('agrees with the yaml package on hand-picked cases', () => {
    const cases = [
      'a: b\n', 'a: b # c\n', 'a:\n  - x\n  - y\n', 'a:\n- x\n- y\nb: c\n', 'a: [x, y]\n', "a: ['x', \"y\"]\n", 'a: []\nb: {}\n',
      'a: "x\\ty\\u00e9\\U0001F600"\n', "a: 'it''s'\n", "a: 'one\n\n  two'\n", 'a: "one\n\n  two  \n  three"\n', 'a: one\n  two\n\n  three\n',
      'a: "x \\\n  y"\n', 'a:\n', 'a:\nb:\n', '- a\n-\n- b\n', '- k: v\n  l: w\n- k: x\n', 'a: yes\nb: no\nc: ~\nd: true\n',
      'a: 2021-07-05 00:00:00\n', 'a: 1\n', 'a: -1.5\n', 'a: 0x1F\n', 'a: b: c\n', 'a: "unterminated\n', 'a:\n\t- x\n', 'a: &x 1\n',
      'a: |\n  block\n', 'a: b\na: c\n', 'a: x\n  - y\n', 'a: - x\n', '- - a\n', 'a: # only a comment\n  - x\n', '# c\na: b\n\n# d\n',
      'plain', '  plain\n  folded\n\n  more\n', "'it''s'\n", '"a\\tb\n  c"\n', '  "x"\n', 'x # c\n', '[a, b]\n', 'a b: c\n', '12\n', 'x\n---\n', 'x\n# c\ny\n', 'true\n', '"x" y\n',
      'a: "x"y\n', 'a: [x,]\n', 'a: [x: y]\n', 'a: "\\q"\n', 'a: b\r\nc: d\r\n', 'a: b\rc: d\n', 'a:  \n  b: c\n', 'k.j-x: v\n',
    ];
    const seen = cases.map(agrees);
    expect(seen.filter((s) => s === 'same').length).toBeGreaterThan(20);
  });

  it('reads a scalar alone (what an edit reads back) as the yaml package does', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\n', '\n\n', '\n  ', ':', ': ', '#', ' #', '"', "'", "''", '\\', '\\n', '-', '- ', '---', '[', ',', '1', 'true', '\t'), { maxLength: 12 }).map((p) => p.join(''));
    const scalar = fc.record({ text, quote: fc.constantFrom('', "'", '"'), column: fc.nat(8) });
    let same = 0;
    fc.assert(
      fc.property(scalar, ({ text, quote, column }) => {
        if (agrees(' '.repeat(column) + quote + text + quote + '\n') === 'same') same++;
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) * 3 },
    );
    expect(same).toBeGreaterThan(100);
  });

  it.skipIf(!hasCorpus)(`never reads a mutated real front matter differently${hasCorpus ? '' : ` (${corpusSkipReason})`}`, () => {
    const mutation = fc.record({
      sample: fc.nat(samples.length - 1),
      edits: fc.array(fc.record({ at: fc.nat(100000), del: fc.nat(3), ins: fc.constantFrom('', ' ', '  ', '-', '- ', ':', ': ', '#', ' #', '"', "'", '\n', '\n  ', '\\', '\\n', 'x', '[', ']', ',', '{', '\t', '&', '|') }), { minLength: 1, maxLength: 3 }),
    });
    let same = 0;
    fc.assert(
      fc.property(mutation, ({ sample, edits }) => {
        let t = samples[sample]!;
        for (const e of edits) {
          const at = e.at % (t.length + 1);
          t = t.slice(0, at) + e.ins + t.slice(at + e.del);
        }
        if (agrees(t) === 'same') same++;
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
    // Most small mutations still read: the test compares real trees, not just declines.
    expect(same).toBeGreaterThan(50);
  });
});
