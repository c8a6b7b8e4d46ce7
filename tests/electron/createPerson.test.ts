// "Create person…": _people/<id>.md in the site's form, never overwriting, known to the site at once.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiArgumentError, checkArgs } from '../../shared/api';
import { openBook, validate } from '../../shared/index';
import { Workspace } from '../../electron/workspace/index';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

const open = () => {
  const root = sampleSite();
  return { root, ws: new Workspace(root, { backupDir: path.join(tempDir(), 'backups') }) };
};

describe('createPerson', () => {
  it('writes the site\'s form; the person is then known, and the author warning with its fix is gone', async () => {
    const { root, ws } = open();
    const book = '_books/20240304-gardening-with-graphs.md';
    const text = (await ws.readBook(book)).text.replace('authors: [mirasolberg]', 'authors: [mirasolberg, joereis]');
    const site = async () => {
      const people = await ws.people();
      return { path: book, people: people.map((p) => p.id), names: people };
    };
    const warning = validate(openBook(text), await site()).find((d) => d.code === 'people');
    expect(warning?.fixes).toEqual([{ kind: 'create-person', id: 'create-person', label: 'Create person "joereis"…', safe: false, person: 'joereis' }]);
    const person = await ws.createPerson({ id: 'joereis', name: 'Joe Reis', linkedin: 'josephreis', bio: 'Joe is a data engineer.' });
    expect(person).toEqual({ id: 'joereis', name: 'Joe Reis', picture: 'images/authors/joereis.jpg' });
    expect(fs.readFileSync(path.join(root, '_people/joereis.md'), 'utf8')).toBe('---\nshort: joereis\ntitle: "Joe Reis"\npicture: "images/authors/joereis.jpg"\nlinkedin: josephreis\n---\n\nJoe is a data engineer.');
    expect((await ws.people()).map((p) => p.id)).toContain('joereis');
    expect(validate(openBook(text), await site()).map((d) => d.code)).not.toContain('people');
  });

  it('never overwrites a person', async () => {
    const { root, ws } = open();
    const before = fs.readFileSync(path.join(root, '_people/lenavoss.md'), 'utf8');
    await expect(ws.createPerson({ id: 'lenavoss', name: 'Someone Else' })).rejects.toMatchObject({ kind: 'exists', message: expect.stringMatching(/_people\/lenavoss\.md already exists/) });
    expect(fs.readFileSync(path.join(root, '_people/lenavoss.md'), 'utf8')).toBe(before);
  });

  it('creates _people/ in a site that has none', async () => {
    const { root, ws } = open();
    fs.rmSync(path.join(root, '_people'), { recursive: true });
    await ws.createPerson({ id: 'ann', name: 'Ann' });
    expect(fs.existsSync(path.join(root, '_people/ann.md'))).toBe(true);
  });

  it('checks its argument in the contract', () => {
    expect(() => checkArgs('createPerson', [{ id: 'joereis', name: 'Joe Reis', web: 'https://joe.example' }])).not.toThrow();
    expect(() => checkArgs('createPerson', [{ id: '../etc', name: 'x' }])).toThrow(ApiArgumentError);
    expect(() => checkArgs('createPerson', [{ id: 'Joe', name: 'x' }])).toThrow(/people id/);
    expect(() => checkArgs('createPerson', [{ id: 'joe', name: ' ' }])).toThrow(/non-empty/);
    expect(() => checkArgs('createPerson', [{ id: 'joe', name: 'a\nb' }])).toThrow(/one line/);
    expect(() => checkArgs('createPerson', [{ id: 'joe', name: 'Joe', layout: 'x' }])).toThrow(/one of id, name/);
    expect(() => checkArgs('createPerson', [{ id: 'joe', name: 'Joe', github: 3 }])).toThrow(/string/);
  });
});
