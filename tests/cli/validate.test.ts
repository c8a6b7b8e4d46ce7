import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../electron/validate-cli';
import { CORPUS, corpusSkipReason, hasCorpus } from '../corpus';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { status, out, err };
}

describe('npm run validate', () => {
  it.skipIf(!hasCorpus)(`reports the corpus's real mistakes and nothing false (${hasCorpus ? 'corpus present' : corpusSkipReason})`, async () => {
    const { status, out } = await run([CORPUS]);
    expect(status).toBe(1);
    const lines = out.slice(0, -1).map((l) => l.replace(/^.*_books\//, ''));
    expect(lines.filter((l) => l.includes(': error: '))).toEqual(['20210222-ml-algotrading-2ed.md:18:5: error: Link 5 has no link (it has "list:"; did you mean "link:"?).']);
    expect(lines.filter((l) => /text is empty/.test(l))).toHaveLength(5);
    expect(lines.filter((l) => /The file name says/.test(l)).map((l) => l.split(':')[0])).toEqual([
      '20220117-machine-learning-engineering-with-python.md',
      '20221121-reliable-machine-learning.md',
      '20241017-build-large-language-model-from-scratch.md',
    ]);
    expect(lines.filter((l) => /unknown key "list"/.test(l))).toHaveLength(1);
    // The rules with fixes: descriptions that no longer match (co-authors added later, a
    // nickname, a title edited), links with tracking parameters, weeks not Monday to Friday.
    const of = (re: RegExp) => lines.filter((l) => re.test(l)).map((l) => l.split(':')[0]);
    expect(of(/The description does not match/)).toHaveLength(12);
    expect(of(/The description does not match/)).toContain('20210524-data-governance-the-definitive-guide.md');
    expect(of(/tracking parameters/)).toEqual([
      '20220314-data-engineering-with-apache-spark-delta-lake-and-lakehouse.md',
      '20220328-serverless-analytics-with-amazon-athena.md',
      '20220411-interpretable-machine-learning.md',
      '20220620-python-machine-learning-by-example.md',
      '20220926-graph-algorithms-for-data-science.md',
      '20230807-driving-data-quality-with-data-contracts.md',
      '20240408-data-centric-machine-learning-with-python.md',
      '20240429-fundamentals-of-data-observability.md',
    ]);
    expect(of(/the site's weeks run/)).toEqual(['20220117-machine-learning-engineering-with-python.md', '20241017-build-large-language-model-from-scratch.md']);
    expect(lines).toHaveLength(32);
    expect(out.at(-1)).toBe('73 files checked: 1 error, 31 warnings.');
  });

  it('exits 0 on a clean file, 1 on errors, 2 on an unreadable argument', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
    fs.mkdirSync(path.join(dir, '_books'));
    const good = path.join(dir, '_books', '20210705-good.md');
    fs.writeFileSync(good, '---\ntitle: "G"\ndescription: "d"\ncover: "c.jpg"\nimage: "i.jpg"\nstart: 2021-07-05 00:00:00\nend: 2021-07-09 23:59:59\nauthors: [Ann Author]\n---\n');
    expect((await run([good])).status).toBe(0);
    const bad = path.join(dir, '_books', '20210712-bad.md');
    fs.writeFileSync(bad, '---\ntitle: [\n---\n');
    const r = await run([path.join(dir, '_books')]);
    expect(r.status).toBe(1);
    expect(r.out.some((l) => /20210712-bad\.md:3:1: error: /.test(l))).toBe(true);
    expect((await run([path.join(dir, 'missing')])).status).toBe(2);
  });

  it('runs as a built command line', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--cli'], { cwd: root });
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'electron', 'validate-cli.mjs')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run validate/);
  });
});
