// Opening sites, listing books, the people index and reading files, on temp copies.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusSkipReason, hasCorpus } from '../corpus';
import { openBook } from '../../shared/index';
import { Workspace, WorkspaceError } from '../../electron/workspace/index';
import { corpusSite, removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

describe('opening a site', () => {
  it('opens a folder with _books/, or finds the site above a book file', async () => {
    const site = sampleSite();
    const a = await Workspace.open(site);
    expect(a.workspace.root).toBe(fs.realpathSync(site));
    expect(a.book).toBeNull();
    const b = await Workspace.open(path.join(site, '_books', '20240318-the-quiet-compiler.md'));
    expect(b.workspace.root).toBe(a.workspace.root);
    expect(b.book).toBe('_books/20240318-the-quiet-compiler.md');
    expect(await b.workspace.site()).toEqual({ root: a.workspace.root, name: 'site', canOpenOther: false });
  });

  it('says clearly why a folder or file is not a site', async () => {
    const dir = tempDir();
    await expect(Workspace.open(dir)).rejects.toThrow(`${dir} is not a site: it has no _books folder.`);
    await expect(Workspace.open(path.join(dir, 'missing'))).rejects.toThrow(/does not exist/);
    fs.writeFileSync(path.join(dir, 'notes.md'), '# hi\n');
    await expect(Workspace.open(path.join(dir, 'notes.md'))).rejects.toThrow(/is not in a site: no folder above it has a _books folder/);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hi');
    await expect(Workspace.open(path.join(dir, 'notes.txt'))).rejects.toThrow(/book files end in .md/);
    expect(() => new Workspace(dir)).toThrow(WorkspaceError);
  });

  it('refuses a file of the site that is not a book', async () => {
    const site = sampleSite();
    await expect(Workspace.open(path.join(site, '_people', 'lenavoss.md'))).rejects.toThrow(/not a book: books are _books\/<name>.md/);
  });
});

describe('the sample site', () => {
  it('lists its books newest first, with no errors and the one deliberate warning', async () => {
    const ws = new Workspace(sampleSite());
    const books = await ws.listBooks();
    expect(books.map((b) => b.id)).toEqual(['20240422-small-data-big-decisions', '20240408-practical-tide-tables', '20240318-the-quiet-compiler', '20240304-gardening-with-graphs']);
    expect(books.every((b) => b.errors === 0)).toBe(true);
    expect(books.map((b) => b.warnings)).toEqual([0, 1, 0, 0]);
    expect(books[2]).toEqual({
      id: '20240318-the-quiet-compiler',
      path: '_books/20240318-the-quiet-compiler.md',
      title: 'The Quiet Compiler',
      authors: ['tomasokafor', 'Priya Raman'],
      start: '2024-03-18 00:00:00',
      end: '2024-03-22 23:59:59',
      errors: 0,
      warnings: 0,
    });
  });

  it('indexes people by short, with name and picture', async () => {
    const ws = new Workspace(sampleSite());
    const people = await ws.people();
    expect(people.map((p) => p.id)).toEqual(['aikotanaka', 'jonasprill', 'lenavoss', 'mirasolberg', 'tomasokafor']);
    expect(people.find((p) => p.id === 'tomasokafor')).toEqual({ id: 'tomasokafor', name: 'Tomás Okafor', picture: 'images/authors/tomasokafor.jpg' });
  });

  it('skips templates and unreadable people files, and falls back to the file name without short', async () => {
    const site = sampleSite();
    fs.writeFileSync(path.join(site, '_people', '_template.md'), '---\nshort: {{id}}\ntitle: "{{full}}"\n{% if x %}x: 1{% endif %}\n---\n');
    fs.writeFileSync(path.join(site, '_people', 'broken.md'), '---\nshort: [unclosed\n---\n');
    fs.writeFileSync(path.join(site, '_people', 'noshort.md'), '---\ntitle: "No Short"\n---\n');
    const people = await new Workspace(site).people();
    expect(people.map((p) => p.id)).toEqual(['aikotanaka', 'jonasprill', 'lenavoss', 'mirasolberg', 'noshort', 'tomasokafor']);
    expect(people.find((p) => p.id === 'noshort')).toEqual({ id: 'noshort', name: 'No Short', picture: null });
  });

  it('rescans only the files that changed', async () => {
    const site = sampleSite();
    const ws = new Workspace(site);
    await ws.listBooks();
    expect(ws.lastBookReads).toBe(4);
    await ws.listBooks();
    expect(ws.lastBookReads).toBe(0);
    const file = path.join(site, '_books', '20240318-the-quiet-compiler.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('The Quiet Compiler"', 'The Quieter Compiler"'));
    const books = await ws.listBooks();
    expect(ws.lastBookReads).toBe(1);
    expect(books.find((b) => b.id === '20240318-the-quiet-compiler')?.title).toBe('The Quieter Compiler');
    fs.rmSync(path.join(site, '_books', '20240304-gardening-with-graphs.md'));
    expect((await ws.listBooks()).length).toBe(3);
  });

  it('stays quick on hundreds of books: a rescan reads only what changed', async () => {
    const site = sampleSite();
    const dir = path.join(site, '_books');
    const source = fs.readFileSync(path.join(dir, '20240408-practical-tide-tables.md'), 'utf8');
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(dir, `2023${String(i).padStart(4, '0')}-copy-${i}.md`), source);
    const ws = new Workspace(site);
    expect(await ws.listBooks()).toHaveLength(404);
    expect(ws.lastBookReads).toBe(404);
    fs.appendFileSync(path.join(dir, '20230007-copy-7.md'), 'More.\n');
    await ws.listBooks();
    expect(ws.lastBookReads).toBe(1);
  });

  it('validates authors again when people change', async () => {
    const site = sampleSite();
    const file = path.join(site, '_books', '20240318-the-quiet-compiler.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('authors: [tomasokafor,', 'authors: [newperson,').replace('by Tomás Okafor', 'by New Person'));
    const ws = new Workspace(site);
    const warnings = async () => (await ws.listBooks()).find((b) => b.id === '20240318-the-quiet-compiler')!.warnings;
    // No people page: the id warns, and the description names someone the authors do not.
    expect(await warnings()).toBe(2);
    fs.writeFileSync(path.join(site, '_people', 'newperson.md'), '---\nshort: newperson\ntitle: "New Person"\n---\n');
    expect(await warnings()).toBe(0);
  });

  it('counts errors of a broken book instead of failing the list', async () => {
    const site = sampleSite();
    fs.writeFileSync(path.join(site, '_books', '20240101-broken.md'), 'no front matter\n');
    fs.writeFileSync(path.join(site, '_books', '20240108-binary.md'), Buffer.from([0, 1, 2, 255, 254]));
    const books = await new Workspace(site).listBooks();
    expect(books.find((b) => b.id === '20240101-broken')).toMatchObject({ title: '', errors: 1 });
    expect(books.find((b) => b.id === '20240108-binary')!.errors).toBeGreaterThan(0);
  });
});

describe('reading a book', () => {
  it('gives the text and a fingerprint of exactly those bytes', async () => {
    const site = sampleSite();
    const ws = new Workspace(site);
    const book = await ws.readBook('_books/20240304-gardening-with-graphs.md');
    const file = path.join(site, '_books', '20240304-gardening-with-graphs.md');
    const bytes = fs.readFileSync(file);
    expect(book.text).toBe(bytes.toString('utf8'));
    expect(book.fingerprint.size).toBe(bytes.length);
    expect(book.fingerprint.mtimeMs).toBe(fs.statSync(file).mtimeMs);
    expect(book.fingerprint.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a BOM and decodes bad UTF-8 with replacement characters', async () => {
    const site = sampleSite();
    fs.writeFileSync(path.join(site, '_books', 'bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: x\n---\n')]));
    fs.writeFileSync(path.join(site, '_books', 'latin1.md'), Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'));
    const ws = new Workspace(site);
    expect((await ws.readBook('_books/bom.md')).text.startsWith('\uFEFF---')).toBe(true);
    const bad = await ws.readBook('_books/latin1.md');
    expect(bad.text).toContain('caf\uFFFD');
    expect(openBook(bad.text).diagnostics.some((d) => d.code === 'encoding')).toBe(true);
  });

  it('says which book does not exist', async () => {
    const ws = new Workspace(sampleSite());
    await expect(ws.readBook('_books/nope.md')).rejects.toThrow('_books/nope.md does not exist.');
  });
});

describe.skipIf(!hasCorpus)('the real corpus', () => {
  if (!hasCorpus) console.warn(`[workspaceRead] ${corpusSkipReason}`);

  it('lists all 73 books, newest first, and reads each exactly', async () => {
    const site = corpusSite();
    const ws = new Workspace(site);
    const books = await ws.listBooks();
    expect(books).toHaveLength(73);
    const starts = books.map((b) => b.start);
    expect([...starts].sort().reverse()).toEqual(starts);
    expect(books.filter((b) => b.errors > 0).map((b) => b.id)).toEqual(['20210222-ml-algotrading-2ed']);
    for (const b of books.slice(0, 10)) {
      const file = await ws.readBook(b.path);
      expect(Buffer.from(file.text, 'utf8').equals(fs.readFileSync(path.join(site, b.path)))).toBe(true);
    }
    await ws.listBooks();
    expect(ws.lastBookReads).toBe(0);
  });

  it('indexes the 437 people (not the template), with their display names', async () => {
    const people = await new Workspace(corpusSite()).people();
    expect(people).toHaveLength(437);
    expect(people.find((p) => p.id === 'alexeygrigorev')).toEqual({ id: 'alexeygrigorev', name: 'Alexey Grigorev', picture: 'images/authors/alexeygrigorev.jpg' });
    expect(people.some((p) => p.id.includes('{{'))).toBe(false);
  });
});

describe('the checking worker', () => {
  it('does in this thread what was asked of a worker that could not start, and works here from then on', async () => {
    const { Worker } = await import('node:worker_threads');
    const { workerCheckerWith } = await import('../../electron/workspace/workerChecker');
    let starts = 0;
    const checker = workerCheckerWith(() => {
      starts++;
      return new Worker(path.join(tempDir(), 'no-such-worker.cjs'));
    });
    // Longer than what is read inline, so it goes to the worker.
    const text = `---\ntitle: "A long book"\nauthors: [lenavoss]\narchive:\n${Array.from({ length: 400 }, (_, i) => `  - name: Asker ${i}\n    text: "Question ${i} ${'y'.repeat(40)}"\n`).join('')}---\n`;
    expect(text.length).toBeGreaterThan(16 * 1024);
    const [a, b] = await Promise.all([checker.open(1, text), checker.open(2, text)]);
    expect(a.title).toBe('A long book');
    expect(b.title).toBe('A long book');
    const checked = await checker.check(1, { path: '_books/20240101-long.md', weeks: [] }, true);
    expect(checked.diagnostics).toBeDefined();
    expect((await checker.open(3, text)).title).toBe('A long book');
    expect(starts).toBe(1);
    checker.forget(2);
    checker.forget(3);
  });
});

describe('the checking worker and the people', () => {
  it('checks long books in the worker against a list of people sent once and named by key', async () => {
    const { workerChecker } = await import('../../electron/workspace/workerChecker');
    const checker = workerChecker();
    const book = (author: string) => `---\ntitle: "A long book"\nauthors: [${author}]\narchive:\n${Array.from({ length: 400 }, (_, i) => `  - name: Asker ${i}\n    text: "Question ${i} ${'y'.repeat(40)}"\n`).join('')}---\n`;
    const people = ['lenavoss', 'tomasokafor'];
    const names = [{ id: 'lenavoss', name: 'Lena Voss' }, { id: 'tomasokafor', name: 'Tomas Okafor' }];
    const site = { path: '_books/20240101-long.md', weeks: [], people, names };
    const codes = async (id: number, author: string, s = site) => {
      await checker.open(id, book(author));
      return ((await checker.check(id, s, true)).diagnostics ?? []).map((d) => d.code);
    };
    expect(await codes(101, 'nobody-here')).toContain('people');
    // The same list again (sent once): a known id is not reported.
    expect(await codes(102, 'lenavoss')).not.toContain('people');
    expect(await codes(103, 'tomasokafor')).not.toContain('people');
    // Another list: the worker uses that one.
    expect(await codes(104, 'lenavoss', { ...site, people: ['tomasokafor'], names: [names[1]!] })).toContain('people');
  });
});
