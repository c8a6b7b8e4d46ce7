// An in-memory BookApi for component tests: files in a map, fingerprints that change on write, events pushed by the test.
import type { Backup, BookApi, BookFile, BookSummary, EventBatch, Fingerprint, Person, SiteEvent } from '../../shared/api';
import { applyEdits, bookIdOf, bookOf, openBook, renameBookEdits, validate } from '../../shared/index';

export interface FakeApi extends BookApi {
  readonly files: Map<string, string>;
  readonly saves: { path: string; text: string }[];
  readonly backups: Map<string, Backup>;
  readonly windowStates: { title: string; dirty: boolean }[];
  /** Changes a file "on disk" behind the editor's back. */
  writeOnDisk(path: string, text: string): void;
  push(event: SiteEvent): void;
}

let version = 0;
const hex = (n: number) => n.toString(16).padStart(64, '0');

export function fakeApi(books: Record<string, string>, opts: { people?: Person[]; existing?: string[]; backups?: Backup[] } = {}): FakeApi {
  const files = new Map(Object.entries(books));
  const people = [...(opts.people ?? [])];
  const prints = new Map<string, Fingerprint>();
  const print = (path: string): Fingerprint => {
    let p = prints.get(path);
    if (!p) prints.set(path, (p = { mtimeMs: ++version, size: files.get(path)?.length ?? 0, hash: hex(version) }));
    return p;
  };
  const touch = (path: string) => {
    prints.set(path, { mtimeMs: ++version, size: files.get(path)?.length ?? 0, hash: hex(version) });
    return prints.get(path)!;
  };
  const events: SiteEvent[] = [];
  let waiting: (() => void) | null = null;
  const saves: { path: string; text: string }[] = [];
  const backups = new Map((opts.backups ?? []).map((b) => [b.path, b]));
  const windowStates: { title: string; dirty: boolean }[] = [];
  const api: FakeApi = {
    files,
    saves,
    backups,
    windowStates,
    writeOnDisk(path, text) {
      files.set(path, text);
      touch(path);
    },
    push(event) {
      events.push(event);
      waiting?.();
    },
    site: async () => ({ root: '/tmp/site', name: 'site', canOpenOther: false }),
    listBooks: async () =>
      [...files.keys()]
        .filter((p) => p.startsWith('_books/'))
        .sort()
        .reverse()
        .map((path): BookSummary => {
          const doc = openBook(files.get(path)!);
          const b = bookOf(doc.data);
          const d = validate(doc);
          return { id: path.slice(7, -3), path, title: b?.title ?? '', authors: b?.authors ?? [], start: b?.start ?? '', end: b?.end ?? '', errors: d.filter((x) => x.severity === 'error').length, warnings: d.filter((x) => x.severity === 'warning').length };
        }),
    people: async () => [...people],
    readBook: async (path): Promise<BookFile> => {
      const text = files.get(path);
      if (text === undefined) throw new Error(`No file ${path}`);
      return { path, text, fingerprint: print(path) };
    },
    saveBook: async (path, text, base) => {
      const now = files.has(path) ? print(path) : null;
      if ((now?.hash ?? null) !== (base?.hash ?? null)) return { ok: false, reason: 'conflict', disk: files.has(path) ? { path, text: files.get(path)!, fingerprint: now! } : null };
      files.set(path, text);
      saves.push({ path, text });
      return { ok: true, fingerprint: touch(path) };
    },
    newBook: async (req) => {
      const path = `_books/${req.week.replace(/-/g, '')}-${req.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.md`;
      const text = `---\ntitle: "${req.title}"\ndescription: ""\ncover: ""\nimage: ""\nstart: ${req.week} 00:00:00\nend: ${req.week} 23:59:59\nauthors: [${req.authors.join(', ')}]\nlinks: []\n---\n`;
      files.set(path, text);
      return { path, text, fingerprint: touch(path) };
    },
    renameBook: async (from, to, base) => {
      if (print(from).hash !== base.hash) return { ok: false, reason: 'conflict', disk: { path: from, text: files.get(from)!, fingerprint: print(from) } };
      if (files.has(to)) throw new Error(`${to} already exists`);
      // As the workspace does: `cover` and `image` follow into the renamed image folder.
      const doc = openBook(files.get(from)!);
      const edits = renameBookEdits(doc, bookIdOf(from), bookIdOf(to));
      files.set(to, edits.length ? applyEdits(doc, edits).text : doc.text);
      files.delete(from);
      return { ok: true, file: { path: to, text: files.get(to)!, fingerprint: touch(to) }, images: null };
    },
    createPerson: async (person) => {
      if (people.some((p) => p.id === person.id)) throw new Error(`_people/${person.id}.md already exists`);
      const made = { id: person.id, name: person.name, picture: `images/authors/${person.id}.jpg` };
      people.push(made);
      files.set(`_people/${person.id}.md`, `---\nshort: ${person.id}\ntitle: "${person.name}"\n---\n`);
      return made;
    },
    filesExist: async (paths) => paths.map((p) => (opts.existing ?? []).includes(p)),
    readAsset: async () => ({ mime: 'image/png', base64: 'iVBORw0KGgo=' }),
    writeBackup: async (path, text, base) => {
      backups.set(path, { path, text, base, savedAt: Date.now() });
    },
    listBackups: async () => [...backups.values()],
    discardBackup: async (path) => {
      backups.delete(path);
    },
    writeCover: async (path, _base64, overwrite) => {
      const cover = `images/books/${path.replace(/^_books\/|\.md$/g, '')}/cover.jpg`;
      return (opts.existing ?? []).includes(cover) && !overwrite ? { ok: false, reason: 'exists', path: cover } : { ok: true, path: cover, width: 267, height: 400 };
    },
    makePreviewImage: async (path) => ({ ok: true, path: `images/books/${path.replace(/^_books\/|\.md$/g, '')}/preview.jpg`, setImage: false, ms: 1, warnings: [] }),
    previewImageState: async (path) => ({ path: `images/books/${path.replace(/^_books\/|\.md$/g, '')}/preview.jpg`, imageEmpty: false, status: 'missing', changed: [], message: 'The preview image does not exist.' }),
    nextEvents: async (cursor): Promise<EventBatch> => {
      if (cursor === 0) return { cursor: events.length + 1, events: [] };
      if (events.length + 1 <= cursor) await new Promise<void>((r) => (waiting = r));
      waiting = null;
      return { cursor: events.length + 1, events: events.slice(cursor - 1) };
    },
    openExternal: async () => undefined,
    setWindowState: async (s) => {
      windowStates.push(s);
    },
    // No git behind the fake: the editor must work as it does outside a repository.
    gitStatus: async () => ({ available: false, reason: 'not-a-repository', message: 'The fake API has no git.' }),
    readAtHead: async (path) => ({ path, head: null, current: files.get(path) ?? null, binary: false }),
    commit: async () => ({ ok: false, reason: 'not-a-repository', message: 'The fake API has no git.', paths: [], output: '' }),
    sync: async () => ({ ok: false, reason: 'not-a-repository', message: 'The fake API has no git.', output: '', hint: '', conflicts: [], pushed: 0, broughtIn: 0, changedBooks: [] }),
  };
  return api;
}

/** A small hand-written book with two threads. */
export const SMALL_BOOK = `---
title: "Gardening with Graphs"
description: "Book of the week"
cover: "images/books/20240304-gardening-with-graphs/cover.jpg"
image: "images/books/20240304-gardening-with-graphs/cover.jpg"
start: 2024-03-04 00:00:00
end: 2024-03-08 23:59:59
authors: [lenavoss]
links: 
  - text: "Book's page"
    link: "https://example.com/book"
archive:
  - name: Tino
    text: "How do I start?"
    replies:
      - name: Lena Voss
        text: "With a seed."
      - name: Tino
        text: "Thanks!"
  - name: Mira
    text: "Which soil?"
    replies:
      - name: Lena Voss
        text: "Loam."
---
The body.
`;

export const SMALL_PATH = '_books/20240304-gardening-with-graphs.md';
export const PEOPLE: Person[] = [
  { id: 'lenavoss', name: 'Lena Voss', picture: null },
  { id: 'tomasokafor', name: 'Tomas Okafor', picture: null },
];
