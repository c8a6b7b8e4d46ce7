// `npm run import-slack`: exports written by the test as folders and zips on disk, books in
// temp folders; what it prints, what it writes, and its exit status.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/import-slack-cli';
import { bookOf, openBook } from '../../shared/index';
import { everyCase, writeFolder, zipOf } from '../shared/slackFixtures';

const BOOK = '---\ntitle: "Machine Learning Engineering in Action"\nstart: 2021-03-01 00:00:00\nend: 2021-03-05 22:59:59\nauthors: [benwilson]\nlinks: \n  - text: Book\'s page\n    link: https://www.manning.com/books/machine-learning-engineering-in-action\n\n---\n\nThe body.\n';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** A temp folder with the every-case export as `folder/` and `export.zip`, and a book. */
function setup(bookText = BOOK) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-slack-'));
  writeFolder(path.join(dir, 'folder'), everyCase());
  fs.writeFileSync(path.join(dir, 'export.zip'), zipOf(everyCase()));
  const book = path.join(dir, '20210301-ml-engineering.md');
  fs.writeFileSync(book, bookText);
  fs.chmodSync(book, 0o640);
  return { dir, book, folder: path.join(dir, 'folder'), zip: path.join(dir, 'export.zip') };
}

describe('npm run import-slack', () => {
  it('without --write prints the YAML it would add and a summary, and writes nothing', async () => {
    const { book, zip } = setup();
    const r = await run([zip, book]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^archive:\n- name: Alexey Grigorev\n {2}text: '@channel This week we have Ben Wilson with us\. Ask in threads!'\n {2}replies: \[\]\n- name: Akshaya Natarajan\n/);
    expect(r.out).toContain('\n#book-of-the-week, 2021-02-28 to 2021-03-06: 5 threads with 6 replies found; 5 threads with 6 replies to add.\n');
    expect(r.out).toContain('\nSkipped: posted by a bot (2); a second copy of a reply also sent to the channel (1); a channel event (topic, purpose, pin, …) (1); joined the channel (1); no ts (time stamp) (1); no user (1); posted by Slackbot (1).\n');
    expect(r.out).toContain('\nReview thread 5 ((deleted message): "This message was deleted."): no-question, tombstone.');
    expect(r.out.split('\n').at(-1)).toBe('Nothing written: add --write to save the book.');
    expect(r.err).toBe(`${zip}/book-of-the-week/2021-03-04.json:6:9: warning: comma expected (not valid JSON): skipped`);
    expect(fs.readFileSync(book, 'utf8')).toBe(BOOK);
  });

  it('with --write saves the book with only the archive added, keeping its mode; a second run adds nothing', async () => {
    const { book, folder } = setup();
    const dry = await run([folder, book]);
    const r = await run([folder, book, '--write']);
    expect(r.status).toBe(0);
    expect(r.out.split('\n').at(-1)).toBe(`Wrote ${book}: imported 5 threads from Slack.`);
    const text = fs.readFileSync(book, 'utf8');
    const added = dry.out.slice(0, dry.out.indexOf('\n#book-of-the-week')) + '\n';
    expect(text).toBe(BOOK.replace('\n---\n\nThe body.', `\n${added}---\n\nThe body.`));
    expect(bookOf(openBook(text).data)!.archive).toHaveLength(5);
    expect(fs.statSync(book).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.dirname(book)).filter((f) => f.includes('.tmp'))).toEqual([]);

    const again = await run([folder, book, '--write']);
    expect(again.status).toBe(0);
    expect(again.out).toContain('0 threads with 0 replies to add, 5 already in the archive.');
    expect(again.out.split('\n').at(-1)).toBe('Nothing new: the book is unchanged.');
    expect(fs.readFileSync(book, 'utf8')).toBe(text);
  });

  it('takes the channel and the window from the command line', async () => {
    const { book, zip } = setup();
    const r = await run([zip, book, '--channel', '#general', '--from', '2021-03-01', '--to', '2021-03-01']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('#general, 2021-03-01 to 2021-03-01: 1 thread with 0 replies found');
  });

  it('exits 2 naming the file for an unreadable or invalid export or book, and bad arguments', async () => {
    const { dir, book, zip, folder } = setup();
    const expectTwo = async (args: string[], message: string | RegExp) => {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(fs.readFileSync(book, 'utf8')).toBe(BOOK);
    };
    await expectTwo([path.join(dir, 'missing.zip'), book], `${path.join(dir, 'missing.zip')}: error: cannot read: ENOENT`);
    fs.rmSync(path.join(folder, 'users.json'));
    await expectTwo([folder, book], `${folder}: error: not a Slack export: it has no users.json`);
    fs.writeFileSync(path.join(folder, 'users.json'), '[\n  {"id": "U1",}\n]');
    await expectTwo([folder, book], `${folder}/users.json:2:15: error: property name expected (not valid JSON)`);
    fs.writeFileSync(path.join(dir, 'not.zip'), 'hello');
    await expectTwo([path.join(dir, 'not.zip'), book], `${path.join(dir, 'not.zip')}: error: not a zip file`);
    await expectTwo([zip, path.join(dir, 'missing.md')], `${path.join(dir, 'missing.md')}: cannot read: ENOENT`);
    const bad = path.join(dir, 'bad.md');
    fs.writeFileSync(bad, '---\ntitle: [\n---\n');
    await expectTwo([zip, bad], new RegExp(`^${bad}:3:1: error: `));
    fs.writeFileSync(bad, '---\ntitle: T\nstart: 2021-03-01 00:00:00\nend: 2021-03-05 00:00:00\narchive: none\n---\n');
    await expectTwo([zip, bad], `${bad}: error: The book's archive is not a list of threads: fix it in the raw view first.`);
    await expectTwo([zip, book, '--channel', 'random'], `${zip}: error: the export has no channel "random"; its channels: book-of-the-week, general.`);
    await expectTwo([zip, book, '--from', '1 March'], 'error: The first day of the window must be a date as YYYY-MM-DD, got "1 March".');
    await expectTwo([zip], /expected an export and a book file, got 1 argument\nusage: npm run import-slack -- /);
    await expectTwo([zip, book, '--channel'], /--channel needs a value/);
    await expectTwo([zip, book, '--force'], /unknown option --force/);
  });

  it('never writes what a zip holds, even paths that lead out of the export', async () => {
    const { dir, book } = setup();
    const files = everyCase();
    files.set('../escaped.json', strToU8('[]'));
    files.set('../../escaped.json', strToU8('[]'));
    const inner = path.join(dir, 'deep', 'down');
    fs.mkdirSync(inner, { recursive: true });
    const zip = path.join(inner, 'evil.zip');
    fs.writeFileSync(zip, zipOf(files));
    const before = fs.readdirSync(dir, { recursive: true }).sort();
    const r = await run([zip, book, '--write']);
    expect(r.status).toBe(0);
    expect(r.err).toContain(`${zip}/../escaped.json: warning: a path that leads out of the export: left alone`);
    expect(fs.readdirSync(dir, { recursive: true }).sort()).toEqual(before);
  });

  it('runs as a built command line', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--cli'], { cwd: root });
    const cli = path.join(root, 'dist', 'electron', 'import-slack-cli.mjs');
    const usage = spawnSync(process.execPath, [cli], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run import-slack -- <export folder or \.zip> <book file>/);
    const { book, zip } = setup();
    const r = spawnSync(process.execPath, [cli, zip, book, '--write'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Wrote ${book}: imported 5 threads from Slack.`);
    expect(bookOf(openBook(fs.readFileSync(book, 'utf8')).data)!.archive.map((t) => t.name)).toEqual(['Alexey Grigorev', 'Akshaya Natarajan', 'doink', 'Gone Person', '(deleted message)']);
  });
});
