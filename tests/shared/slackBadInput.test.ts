// Bad exports: not an export, not a zip, a corrupt or truncated zip, bad JSON, paths that
// lead out of the export, zips written by streaming writers. Never a crash, never a write.
import { describe, expect, it } from 'vitest';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { ImportError, planImport, zipSource } from '../../shared/slack';
import { EVERY_CASE_BOOK, everyCase, exportFiles, memorySource, memoryZip, slackTs, streamOf, user, zipOf } from './slackFixtures';
import type { Files } from './slackFixtures';

async function failure(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const zipBytes = (bytes: Uint8Array, label = 'export.zip') => zipSource(label, () => streamOf(bytes, 4096));
const fewFiles = (extra: Record<string, string> = {}): Files => {
  const files = exportFiles({
    users: [user('U1', { display: 'Ann' })],
    days: { 'book-of-the-week': { '2021-03-02': [{ type: 'message', user: 'U1', ts: slackTs('2021-03-02', 5), text: 'Q?' }] } },
  });
  for (const [k, v] of Object.entries(extra)) files.set(k, strToU8(v));
  return files;
};

describe('bad exports', () => {
  it('says a folder or zip without users.json is not an export', async () => {
    const files = everyCase();
    files.delete('users.json');
    for (const source of [memorySource(files), memoryZip(files)]) {
      const e = await failure(planImport(source, EVERY_CASE_BOOK));
      expect(e.message).toBe('not a Slack export: it has no users.json');
      expect(e.file).toBe(source.label);
      expect(e.describe(source.label)).toBe(`${source.label}: not a Slack export: it has no users.json`);
    }
  });

  it('says what is not a zip: another file, an empty file', async () => {
    expect((await failure(planImport(zipBytes(strToU8('{"users": []}')), EVERY_CASE_BOOK))).message).toBe('not a zip file');
    expect((await failure(planImport(zipBytes(new Uint8Array(0)), EVERY_CASE_BOOK))).message).toBe('an empty file, not a zip');
  });

  it('names a users.json that is not valid JSON with line and column', async () => {
    const files = everyCase();
    files.set('users.json', strToU8('[\n  {"id": "U1",\n   "name": ann}\n]'));
    const e = await failure(planImport(memoryZip(files), EVERY_CASE_BOOK));
    expect([e.file, e.line, e.column, e.message]).toEqual(['users.json', 3, 12, 'invalid symbol (not valid JSON)']);
    expect(e.describe('/tmp/export.zip')).toBe('/tmp/export.zip/users.json:3:12: invalid symbol (not valid JSON)');
  });

  it('skips a day file that is not valid JSON or not a list, names it with line and column, and imports the rest', async () => {
    const plan = await planImport(memorySource(fewFiles({
      'book-of-the-week/2021-03-03.json': '[{"type": "message"',
      'book-of-the-week/2021-03-04.json': '\uFEFF{"type": "message"}',
      'book-of-the-week/2021-03-05.json': '',
      'channels.json': 'nope',
    })), EVERY_CASE_BOOK);
    expect(plan.threads.map((t) => t.text)).toEqual(['Q?']);
    expect(plan.problems).toEqual([
      { file: 'channels.json', line: 1, column: 1, message: 'invalid symbol (not valid JSON): skipped' },
      { file: 'book-of-the-week/2021-03-03.json', line: 1, column: 20, message: 'close brace expected (not valid JSON): skipped' },
      { file: 'book-of-the-week/2021-03-04.json', line: 1, column: 1, message: 'not a list of messages: skipped' },
      { file: 'book-of-the-week/2021-03-05.json', line: 1, column: 1, message: 'value expected (not valid JSON): skipped' },
    ]);
  });

  it('parses a day file after the window only when it names one of the window\'s threads', async () => {
    const thread = slackTs('2021-03-02', 5);
    const plan = await planImport(memorySource(fewFiles({
      // Weeks later, a broken file with a reply to the window's thread: named, skipped.
      'book-of-the-week/2021-03-20.json': `[{"type": "message", "user": "U1", "ts": "${slackTs('2021-03-20', 1)}", "thread_ts": "${thread}", "text": "late"`,
      // A broken file with nothing for the window: not read further, so not a problem of this import.
      'book-of-the-week/2021-04-20.json': `[{"type": "message", "user": "U1", "ts": "${slackTs('2021-04-20', 1)}", "text": "other"`,
      'book-of-the-week/2021-04-21.json': `[{"type": "message", "text": "no ts, no user"}, {"type": "message", "user": "U1", "ts": "${slackTs('2021-04-21', 1)}", "thread_ts": "${thread}", "text": "Much later"}]`,
    })), EVERY_CASE_BOOK);
    expect(plan.threads.map((t) => [t.text, t.replies.map((r) => r.text)])).toEqual([['Q?', ['Much later']]]);
    expect(plan.problems.map((p) => [p.file, p.line, p.column])).toEqual([['book-of-the-week/2021-03-20.json', 1, 111]]);
    expect(plan.skipped).toEqual([]);
  });

  it('says a truncated zip or a corrupt entry is unreadable, naming the entry', async () => {
    const bytes = zipOf(everyCase());
    const cut = await failure(planImport(zipBytes(bytes.subarray(0, bytes.length >> 1)), EVERY_CASE_BOOK));
    expect(cut.message).toBe('a damaged or incomplete zip (invalid zip data)');
    // Damage the deflated data of users.json (the second entry).
    const broken = zipSync({ 'channels.json': strToU8('[]'), 'users.json': strToU8('[{"id": "U1", "name": "ann"}, {"id": "U2", "name": "bob"}]'.repeat(20)) });
    const dataStart = findEntryData(broken, 'users.json');
    broken.fill(0xff, dataStart, dataStart + 8);
    const e = await failure(planImport(zipBytes(broken), EVERY_CASE_BOOK));
    expect([e.file, e.message]).toEqual(['users.json', 'cannot be unpacked: invalid block type']);
  });

  it('never goes near paths that lead out of the export, and says they were left alone', async () => {
    const files = fewFiles({ '../x.json': '[]', '/etc/evil.json': '[]', 'a/../../b/2021-03-02.json': '[]', 'C:/x/users.json': '[]' });
    const plan = await planImport(memoryZip(files), EVERY_CASE_BOOK);
    expect(plan.threads.map((t) => t.text)).toEqual(['Q?']);
    expect(plan.problems.map((p) => [p.file, p.message])).toEqual([
      ['../x.json', 'a path that leads out of the export: left alone'],
      ['/etc/evil.json', 'a path that leads out of the export: left alone'],
      ['a/../../b/2021-03-02.json', 'a path that leads out of the export: left alone'],
      ['C:/x/users.json', 'a path that leads out of the export: left alone'],
    ]);
  });

  it('reads zips from streaming writers (sizes after the data) and users.json after the day files', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, data) => {
      if (err) throw err;
      chunks.push(data);
    });
    const files = [...everyCase()].reverse();
    for (const [name, bytes] of files) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(bytes, true);
    }
    zip.end();
    const streamed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (streamed.set(c, at), at + c.length), 0);
    const plan = await planImport(zipBytes(streamed), EVERY_CASE_BOOK);
    expect(plan).toEqual(await planImport(memorySource(everyCase()), EVERY_CASE_BOOK));
  });

  it('refuses a window that is not one', async () => {
    expect((await failure(planImport(memorySource(fewFiles()), EVERY_CASE_BOOK, { from: '2021-02-30' }))).message).toBe('The first day of the window must be a date as YYYY-MM-DD, got "2021-02-30".');
    expect((await failure(planImport(memorySource(fewFiles()), EVERY_CASE_BOOK, { from: '2021-03-05', to: '2021-03-01' }))).message).toBe('The window ends (2021-03-01) before it starts (2021-03-05).');
    expect((await failure(planImport(memorySource(fewFiles()), { start: '', end: 'soon', archive: [] }))).message).toBe("The book has no valid start date: choose the window's days yourself.");
  });
});

/** Where the compressed data of an entry starts in a zip written by zipSync (after its local header). */
function findEntryData(zip: Uint8Array, name: string): number {
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 3 && zip[i + 3] === 4) {
      const nameLength = zip[i + 26]! | (zip[i + 27]! << 8);
      const extra = zip[i + 28]! | (zip[i + 29]! << 8);
      if (new TextDecoder().decode(zip.subarray(i + 30, i + 30 + nameLength)) === name) return i + 30 + nameLength + extra;
    }
  }
  throw new Error(`no entry ${name}`);
}
