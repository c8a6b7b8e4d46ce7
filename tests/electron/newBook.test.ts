// New books: named and dated by the site's conventions, written in its hand-written style, never overwriting.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bookOf, openBook, validate } from '../../shared/index';
import { joinNames, mondayOf, newBookDraft, slugify, Workspace } from '../../electron/workspace/index';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

describe('new book naming and dates', () => {
  it('any day of a week gives its Monday', () => {
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    for (const day of ['2024-05-06', '2024-05-08', '2024-05-10', '2024-05-11', '2024-05-12']) expect(iso(mondayOf(day))).toBe('2024-05-06');
    expect(iso(mondayOf('2025-01-01'))).toBe('2024-12-30');
    expect(() => mondayOf('2024-02-30')).toThrow(/real day/);
    expect(() => mondayOf('2024-5-6')).toThrow(/YYYY-MM-DD/);
  });

  it('slugs are lowercase ASCII words joined by dashes, at most 80 characters', () => {
    expect(slugify("LLM Engineer's Handbook")).toBe('llm-engineer-s-handbook');
    expect(slugify('  Café — Déjà Vu!  ')).toBe('cafe-deja-vu');
    expect(slugify('日本語')).toBe('book');
    const long = slugify('Why Data Science Projects Fail: The Harsh Realities of Implementing AI and Analytics, without the Hype');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('joins names as people write them', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('writes the hand-written style, with names from people', () => {
    const draft = newBookDraft({ title: 'The "Tidy" Garden', authors: ['lenavoss', 'Priya Raman'], week: '2024-05-09' }, new Map([['lenavoss', 'Lena Voss']]));
    expect(draft.path).toBe('_books/20240506-the-tidy-garden.md');
    expect(draft.text).toBe(
      [
        '---',
        'title: "The \\"Tidy\\" Garden"',
        'description: "Book of the Week. The \\"Tidy\\" Garden by Lena Voss and Priya Raman"',
        'cover: "images/books/20240506-the-tidy-garden/cover.jpg"',
        'image: "images/books/20240506-the-tidy-garden/preview.jpg"',
        'start: 2024-05-06 00:00:00',
        'end: 2024-05-10 23:59:59',
        'authors: [lenavoss, Priya Raman]',
        'links: []',
        '---',
        '',
        'A short note about The "Tidy" Garden: what the book covers and who it is for.',
        '',
      ].join('\n'),
    );
    const doc = openBook(draft.text);
    expect(doc.data).not.toBeNull();
    expect(validate(doc, { path: draft.path, people: ['lenavoss'] })).toEqual([]);
  });

  it('quotes authors YAML would read differently', () => {
    const draft = newBookDraft({ title: 'T', authors: ['yes', 'A, B', '[x]', 'O\'Brien'], week: '2024-05-06' }, new Map());
    expect(bookOf(openBook(draft.text).data)?.authors).toEqual(['yes', 'A, B', '[x]', "O'Brien"]);
  });
});

describe('newBook on a site', () => {
  it('creates the file, readable by openBook, and refuses to overwrite it', async () => {
    const site = sampleSite();
    const ws = new Workspace(site, { backupDir: tempDir() });
    const book = await ws.newBook({ title: 'Small Data, Big Decisions, Again', authors: ['jonasprill', 'aikotanaka', 'Sam Field'], week: '2024-06-13' });
    expect(book.path).toBe('_books/20240610-small-data-big-decisions-again.md');
    expect(fs.readFileSync(path.join(site, book.path), 'utf8')).toBe(book.text);
    expect(book.text).toContain('description: "Book of the Week. Small Data, Big Decisions, Again by Jonas Prill, Aiko Tanaka and Sam Field"');
    const doc = openBook(book.text);
    expect(bookOf(doc.data)).toMatchObject({ title: 'Small Data, Big Decisions, Again', start: '2024-06-10 00:00:00', end: '2024-06-14 23:59:59', authors: ['jonasprill', 'aikotanaka', 'Sam Field'], links: [] });
    expect((await ws.listBooks())[0]).toMatchObject({ id: '20240610-small-data-big-decisions-again', errors: 0 });
    await expect(ws.newBook({ title: 'Small Data, Big Decisions, Again', authors: [], week: '2024-06-10' })).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(path.join(site, book.path), 'utf8')).toBe(book.text);
  });

  it('refuses a week that is not a real day', async () => {
    const ws = new Workspace(sampleSite(), { backupDir: tempDir() });
    await expect(ws.newBook({ title: 'X', authors: [], week: '2024-13-01' })).rejects.toThrow(/real day/);
  });
});
