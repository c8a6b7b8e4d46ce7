// Chosen threads into a book: one edit list appending to the archive in the file's own style,
// nothing else touched, duplicates skipped. PyYAML itself (python3 -c 'import yaml') is the
// oracle for the PyYAML style where this machine has it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, bookOf, EditError, openBook } from '../../shared/index';
import type { BookDocument } from '../../shared/index';
import { importEdits, planImport } from '../../shared/slack';
import type { ImportThread } from '../../shared/slack';
import { corpusBooks, corpusSkipReason, hasCorpus } from '../corpus';
import { EVERY_CASE_BOOK, everyCase, memorySource } from './slackFixtures';
import { withoutArchive } from './slackFromBook';

const hasPyYaml = (() => {
  try {
    execFileSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const noPyYaml = 'python3 with PyYAML is not on this machine: the PyYAML oracle checks are skipped';
if (!hasPyYaml) console.warn(`[slackIntoBook] ${noPyYaml}`);

/** What PyYAML writes for each list of threads (as the site's notebook dumped them): one python run for all. */
function pyyamlDumps(lists: readonly (readonly ImportThread[])[]): string[] {
  const script = 'import json, sys, yaml; json.dump([yaml.dump(v, sort_keys=False) for v in json.load(sys.stdin)], sys.stdout)';
  const value = lists.map((threads) => threads.map((t) => ({ name: t.name, text: t.text, replies: t.replies.map((r) => ({ name: r.name, text: r.text })) })));
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(value), encoding: 'utf8', maxBuffer: 1 << 28 })) as string[];
}
const pyyamlDump = (threads: readonly ImportThread[]) => pyyamlDumps([threads])[0]!;

/** The text `after` inserts into `before` at one place; fails when anything else changed. */
function insertion(before: string, after: string): { at: number; text: string } {
  let a = 0;
  while (a < before.length && before[a] === after[a]) a++;
  // Back up to a line start: an insertion of whole lines may share its first characters with what follows.
  a = before.lastIndexOf('\n', a - 1) + 1;
  const text = after.slice(a, a + after.length - before.length);
  expect(after.slice(0, a) + after.slice(a + text.length)).toBe(before);
  return { at: a, text };
}

const hand = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'content', '_books', '20240318-the-quiet-compiler.md'), 'utf8');
const planFor = async (doc: BookDocument) => (await planImport(memorySource(everyCase()), { ...EVERY_CASE_BOOK, archive: bookOf(doc.data)!.archive })).threads;

describe('importEdits', () => {
  it('appends the threads to the archive in one edit list, labelled, touching no other byte', async () => {
    const doc = openBook(hand);
    const threads = await planFor(doc);
    const result = importEdits(doc, threads);
    expect(result).toMatchObject({ label: 'Import 5 threads from Slack', added: 5, duplicates: 0 });
    const after = applyEdits(doc, result.edits);
    const { text } = insertion(doc.text, after.text);
    expect(text.startsWith('- name: Alexey Grigorev\n')).toBe(true);
    const archive = bookOf(after.data)!.archive;
    const before = bookOf(doc.data)!.archive.length;
    expect(archive.slice(before)).toEqual(threads.map((t) => ({ name: t.name, text: t.text, replies: t.replies })));
  });

  it('adds nothing the second time', async () => {
    const doc = openBook(hand);
    const once = applyEdits(doc, importEdits(doc, await planFor(doc)).edits);
    const again = await planFor(once);
    expect(again.every((t) => t.inArchive)).toBe(true);
    const result = importEdits(once, again);
    expect(result).toEqual({ edits: [], label: 'Import 0 threads from Slack', added: 0, duplicates: 5 });
  });

  it('keeps two equal threads of one import (the same person may post the same words twice)', () => {
    const doc = openBook('---\ntitle: T\n---\n');
    const t = { name: 'Ann', text: 'Thank you!', replies: [] };
    const result = importEdits(doc, [t, t]);
    expect(result.added).toBe(2);
    expect(result.label).toBe('Import 2 threads from Slack');
    expect(importEdits(doc, [t]).label).toBe('Import 1 thread from Slack');
  });

  it('creates the archive where it is missing: last, in PyYAML\'s style, as every archive of the site', async () => {
    const sorted = '---\nauthors:\n- ann\ncover: images/c.jpg\ndescription: A book\nend: 2021-03-05 23:59:59\nlinks:\n- link: https://x.org\n  text: Page\nstart: 2021-03-01 00:00:00\ntitle: T\n---\n\nBody\n';
    const handWritten = '---\ntitle: "T"\nstart: 2021-03-01 00:00:00\nend: 2021-03-05 23:59:59\nauthors: [ann]\nlinks: \n  - text: Page\n    link: https://x.org\n\n---\n\nBody\n';
    for (const text of [sorted, handWritten]) {
      const doc = openBook(text);
      const threads = await planFor(doc);
      const after = applyEdits(doc, importEdits(doc, threads).edits);
      const { text: added } = insertion(doc.text, after.text);
      expect(added.startsWith('archive:\n- name: Alexey Grigorev\n  text: \'@channel This week')).toBe(true);
      expect(after.text.endsWith(`${added}---\n\nBody\n`)).toBe(true);
      if (hasPyYaml) expect(added).toBe(`archive:\n${pyyamlDump(threads)}`);
    }
  });

  it.skipIf(!hasCorpus || !hasPyYaml)(`writes what PyYAML writes, creating or appending to each real archive (${!hasCorpus ? corpusSkipReason : !hasPyYaml ? noPyYaml : 'corpus and PyYAML present'})`, () => {
    const written: string[] = [];
    const imported: ImportThread[][] = [];
    for (const [, text] of corpusBooks()) {
      const doc = openBook(text);
      const archive = bookOf(doc.data)!.archive;
      if (archive.length === 0) continue;
      // Appending: the book's own first threads, renamed so they are not duplicates.
      const threads = archive.slice(0, 3).map((t) => ({ ...t, name: `${t.name} (again)` }));
      const appended = importEdits(doc, threads);
      expect(appended.edits.map((e) => e.op)).toEqual(['insert', 'insert', 'insert'].slice(0, threads.length));
      written.push(insertion(doc.text, applyEdits(doc, appended.edits).text).text);
      imported.push(threads);
      // Creating: all of them into the book without its archive.
      const bare = openBook(withoutArchive(text));
      const created = importEdits(bare, archive);
      expect(created.edits).toHaveLength(1);
      written.push(insertion(bare.text, applyEdits(bare, created.edits).text).text.replace(/^archive:\n/, ''));
      imported.push([...archive]);
    }
    expect(written).toHaveLength(2 * 68);
    expect(written).toEqual(pyyamlDumps(imported));
  });

  it('refuses an archive that is not a list, and a front matter it cannot edit', () => {
    expect(() => importEdits(openBook('---\ntitle: T\narchive: none\n---\n'), [])).toThrow(EditError);
    expect(() => importEdits(openBook('---\ntitle: [\n---\n'), [])).toThrow(/front matter/);
  });
});
