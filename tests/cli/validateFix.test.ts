// `npm run validate -- --fix`: the safe fixes applied in place, one line each, only their lines changed; a second run changes nothing.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/validate-cli';
import { corpusSkipReason, hasCorpus } from '../corpus';
import { lineDiff } from '../lineDiff';
import { corpusSite, removeTemps, tempDir } from '../electron/tempSites';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { status, out, err };
}

const snapshot = (dir: string) => new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

afterAll(removeTemps);

describe('npm run validate -- --fix', () => {
  it.skipIf(!hasCorpus)(`on a copy of the corpus: changes only the lines of the fixes it lists, then nothing (${hasCorpus ? 'corpus' : corpusSkipReason})`, async () => {
    const site = corpusSite();
    const books = path.join(site, '_books');
    const before = snapshot(books);
    const { status, out } = await run(['--fix', site]);
    const fixed = out.filter((l) => l.includes(': fixed: '));
    expect(fixed.map((l) => l.replace(/^.*_books\//, '').replace(/ \(.*\)$/, ''))).toEqual([
      '20210222-ml-algotrading-2ed.md:19:5: fixed: Rename "list" to "link"',
      '20220314-data-engineering-with-apache-spark-delta-lake-and-lakehouse.md:12:9: fixed: Remove the tracking parameters',
      '20220328-serverless-analytics-with-amazon-athena.md:12:9: fixed: Remove the tracking parameters',
      '20220411-interpretable-machine-learning.md:11:9: fixed: Remove the tracking parameters',
      '20220620-python-machine-learning-by-example.md:11:9: fixed: Remove the tracking parameters',
      '20220926-graph-algorithms-for-data-science.md:9:9: fixed: Remove the tracking parameters',
      '20230807-driving-data-quality-with-data-contracts.md:14:9: fixed: Remove the tracking parameters',
      '20240408-data-centric-machine-learning-with-python.md:14:9: fixed: Remove the tracking parameters',
      '20240429-fundamentals-of-data-observability.md:11:9: fixed: Remove the tracking parameters',
    ]);
    // The one error was the list: key; warnings remain, so the exit status is 0.
    expect(status).toBe(0);
    expect(out.at(-2)).toBe('Fixed 9 problems in 9 files.');
    expect(out.at(-1)).toMatch(/^73 files checked: 0 errors, \d+ warnings\.$/);
    expect(out.some((l) => /: error: /.test(l))).toBe(false);
    const listed = new Map<string, number[]>();
    for (const l of fixed) {
      const m = /_books\/([^:]+):(\d+):/.exec(l)!;
      listed.set(m[1]!, [...(listed.get(m[1]!) ?? []), Number(m[2])]);
    }
    const after = snapshot(books);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, text] of before) {
      const diff = lineDiff(text, after.get(file)!);
      expect(diff.removed.map((l) => l.line), file).toEqual(listed.get(file) ?? []);
      expect(diff.added.map((l) => l.line), file).toEqual(listed.get(file) ?? []);
    }
    const again = await run(['--fix', site]);
    expect(again.out.filter((l) => l.includes(': fixed: '))).toEqual([]);
    expect(again.out.at(-2)).toBe('Fixed 0 problems in 0 files.');
    expect(snapshot(books)).toEqual(after);
  });

  it('without --fix nothing changes; --fix keeps the mode and a missing final newline, and writes nothing else', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '_books'));
    const file = path.join(dir, '_books', '20210705-a-book.md');
    const text = '---\r\ntitle: "A Book"\r\ndescription: "d"\r\ncover: "c.jpg"\r\nimage: "i.jpg"\r\nstart: 2021-07-09 23:59:59\r\nend: 2021-07-05 00:00:00\r\nauthors: [Ann Author]\r\nlinks:\r\n- text: Shop\r\n  link: https://shop.example/?utm_source=x\r\n---\r\nBody';
    fs.writeFileSync(file, text);
    fs.chmodSync(file, 0o640);
    const plain = await run([file]);
    expect(plain.status).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    const r = await run(['--fix', file]);
    expect(r.out.filter((l) => l.includes('fixed:')).map((l) => l.replace(/^.*\.md:/, ''))).toEqual([
      '7:6: fixed: Swap start and end',
      '11:9: fixed: Remove the tracking parameters (utm_source)',
    ]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(text.replace('2021-07-09 23:59:59\r\nend: 2021-07-05 00:00:00', '2021-07-05 00:00:00\r\nend: 2021-07-09 23:59:59').replace('/?utm_source=x', '/'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(dir, '_books'))).toEqual(['20210705-a-book.md']);
  });

  it('does not write a file that is not valid UTF-8', async () => {
    const dir = tempDir();
    const file = path.join(dir, '20210705-a.md');
    const bytes = Buffer.concat([Buffer.from('---\ntitle: "A\xff"\nlinks:\n- text: t\n  link: https://x.example/?fbclid=1\n---\n', 'latin1')]);
    fs.writeFileSync(file, bytes);
    const r = await run(['--fix', file]);
    expect(r.err.join('\n')).toMatch(/not fixed: the file is not valid UTF-8/);
    expect(fs.readFileSync(file)).toEqual(bytes);
  });
});
