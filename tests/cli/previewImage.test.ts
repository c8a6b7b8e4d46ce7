// `npm run preview-image`: makes each book's card and prints the paths; `--check` writes nothing
// and lists the books whose card is missing or out of date (exit 1), for the site's CI.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/preview-image-cli';
import { readRecord } from '../../electron/workspace/images/cardRecord';
import { CORPUS, corpusSkipReason, hasCorpus } from '../corpus';
import { pixels } from '../electron/imageFiles';
import { copySite, removeTemps, sampleSite } from '../electron/tempSites';

afterAll(removeTemps);

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, out, err };
}

const BOOK = '_books/20240318-the-quiet-compiler.md';

describe('npm run preview-image', () => {
  it('makes every card of a site, then --check passes; a title change fails --check until the card is made again', async () => {
    const site = sampleSite();
    // The sample site's cards are the editor's own, committed with their record: --check passes as the site's CI would run it.
    const committed = await run(['--check', site]);
    expect(committed).toMatchObject({ status: 0, out: [] });
    for (const dir of fs.readdirSync(path.join(site, 'images/books'))) fs.rmSync(path.join(site, 'images/books', dir, 'preview.jpg'));
    const before = await run(['--check', site]);
    expect(before.status).toBe(1);
    expect(before.out).toHaveLength(4);
    expect(before.out.every((l) => /: missing: /.test(l))).toBe(true);

    const made = await run([site]);
    expect(made.status).toBe(0);
    expect(made.out).toHaveLength(4);
    for (const line of made.out) {
      expect(line).toMatch(/images\/books\/[^/]+\/preview\.jpg$/);
      const bytes = fs.readFileSync(path.resolve(line));
      expect((await pixels(bytes)).width).toBe(940);
      expect(readRecord(bytes)).not.toBeNull();
    }
    expect(made.err.at(-1)).toMatch(/^4 preview images made, \d+ ms each to draw\.$/);

    const clean = await run([site, '--check']);
    expect(clean).toMatchObject({ status: 0, out: [] });
    expect(clean.err.at(-1)).toBe('Every preview image is up to date.');

    const file = path.join(site, BOOK);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: "The Quiet Compiler"', 'title: "The Quieter Compiler"'));
    const stamp = fs.statSync(path.join(site, 'images/books/20240318-the-quiet-compiler/preview.jpg')).mtimeMs;
    const stale = await run(['--check', site]);
    expect(stale.status).toBe(1);
    expect(stale.out).toEqual([expect.stringMatching(/20240318-the-quiet-compiler\.md: out-of-date: .*the title changed/)]);
    // --check wrote nothing.
    expect(fs.statSync(path.join(site, 'images/books/20240318-the-quiet-compiler/preview.jpg')).mtimeMs).toBe(stamp);

    expect((await run([file])).status).toBe(0);
    expect((await run(['--check', file])).status).toBe(0);
  });

  it('sets an empty image through the lossless core, changing only that line', async () => {
    const site = sampleSite();
    const file = path.join(site, BOOK);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/^image: .*$/m, 'image: ""'));
    const r = await run([file]);
    expect(r.status).toBe(0);
    expect(r.out).toEqual([expect.stringMatching(/preview\.jpg$/), expect.stringMatching(/20240318-the-quiet-compiler\.md$/)]);
    expect(fs.readFileSync(file, 'utf8')).toBe(text.replace(/^image: .*$/m, 'image: "images/books/20240318-the-quiet-compiler/preview.jpg"'));
    expect((await run(['--check', file])).status).toBe(0);
    // A card at the default place that the book does not point at is listed.
    fs.writeFileSync(file, text.replace(/^image: .*$/m, 'image: ""'));
    expect((await run(['--check', file])).out).toEqual([expect.stringMatching(/image is empty: the page does not point at its card/)]);
  });

  it('reports a missing card, a refused image path and an unreadable argument', async () => {
    const site = sampleSite();
    fs.rmSync(path.join(site, 'images/books/20240304-gardening-with-graphs/preview.jpg'));
    const file = path.join(site, '_books/20240408-practical-tide-tables.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^image: .*$/m, 'image: "../../outside.jpg"'));
    const check = await run(['--check', site]);
    expect(check.status).toBe(1);
    expect(check.out.find((l) => l.includes('gardening'))).toMatch(/missing: The preview image .* does not exist/);
    expect(check.out.find((l) => l.includes('tide-tables'))).toMatch(/invalid: .*refused/);
    const make = await run([site]);
    expect(make.status).toBe(1);
    expect(make.err.join('\n')).toMatch(/tide-tables\.md: error: .*refused/);
    expect(make.out).toHaveLength(3);
    expect((await run([path.join(site, 'nope')])).status).toBe(2);
    expect((await run([])).status).toBe(2);
  });

  it.skipIf(!hasCorpus)(`draws the corpus's cards close to the site's own (${hasCorpus ? 'corpus present' : corpusSkipReason})`, async () => {
    const site = copySite(CORPUS);
    // Books with one author who has a people page: the real cards show exactly what ours show.
    const ids = ['20250922-how-software-fails', '20220131-effective-pandas', '20210607-building-machine-learning-pipelines'];
    const real = Object.fromEntries(ids.map((id) => [id, fs.readFileSync(path.join(site, `images/books/${id}/preview.jpg`))]));
    const r = await run(ids.map((id) => path.join(site, `_books/${id}.md`)));
    expect(r.status).toBe(0);
    const { meanDifference } = await import('../electron/imageFiles');
    for (const id of ids.slice(0, 2)) {
      const ours = await pixels(fs.readFileSync(path.join(site, `images/books/${id}/preview.jpg`)));
      const theirs = await pixels(real[id]!);
      // Same layout to the pixel, same fonts: what differs is JPEG noise, antialiasing and the monospace.
      expect(meanDifference(ours, theirs)).toBeLessThan(4);
    }
    const check = await run(['--check', site]);
    expect(check.status).toBe(1);
    expect(check.out.filter((l) => /unrecorded|not made by this editor/.test(l)).length).toBeGreaterThan(60);
    expect(check.out.some((l) => l.includes('20241104-llm-engineer-s-handbook.md: missing'))).toBe(true);
  });

  it('runs as a built command line', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--cli'], { cwd: root });
    const cli = path.join(root, 'dist', 'electron', 'preview-image-cli.mjs');
    expect(spawnSync(process.execPath, [cli], { encoding: 'utf8' }).stderr).toMatch(/usage: npm run preview-image/);
    const site = sampleSite();
    const made = spawnSync(process.execPath, [cli, path.join(site, BOOK)], { encoding: 'utf8', cwd: site });
    expect(made.status).toBe(0);
    expect(made.stdout.trim()).toBe('images/books/20240318-the-quiet-compiler/preview.jpg');
    expect(spawnSync(process.execPath, [cli, '--check', path.join(site, BOOK)], { encoding: 'utf8' }).status).toBe(0);
  });
});
