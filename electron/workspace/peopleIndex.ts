/** The people of a site, from `_people/*.md`, re-reading only the files that changed. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Person } from '../../shared/api';
import type { BookChecker } from './bookChecker';
import { mapLimit } from './concurrency';
import { decodeUtf8, readRegularFile } from './fileBytes';
import { realFolder, scanEntry } from './sitePath';

interface Entry {
  readonly real: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly person: Person | null;
}

const MAX_PERSON_BYTES = 1024 * 1024;

/** The `_people/` folder of a site, cached per file by modification time and size. */
export class PeopleIndex {
  private readonly cache = new Map<string, Entry>();
  private readonly dir: string;

  /** `root` is the real path of the site root; `checker` reads the people files (here or in a worker). */
  constructor(private readonly root: string, private readonly checker: BookChecker) {
    this.dir = path.join(root, '_people');
  }

  /** Every readable person, sorted by id; files starting with `_` (templates) or `.`, and anything but regular files, are skipped. */
  async list(): Promise<Person[]> {
    let names: string[];
    /** The names the listing says are regular files (not links, folders or pipes). */
    let regular: Set<string>;
    const realDir = await realFolder(this.root, this.dir);
    try {
      if (!realDir) throw new Error('no _people folder inside the site');
      const listed = (await fs.readdir(realDir, { withFileTypes: true })).filter((d) => d.name.endsWith('.md') && !d.name.startsWith('_') && !d.name.startsWith('.'));
      names = listed.map((d) => d.name).sort();
      regular = new Set(listed.filter((d) => d.isFile()).map((d) => d.name));
    } catch {
      this.cache.clear();
      return [];
    }
    const alive = new Set(names);
    for (const k of this.cache.keys()) if (!alive.has(k)) this.cache.delete(k);
    const people = await mapLimit(names, 16, (n) => this.read(n, realDir!, regular.has(n)));
    const seen = new Set<string>();
    const out: Person[] = [];
    for (const p of people) {
      if (p && !seen.has(p.id)) {
        seen.add(p.id);
        out.push(p);
      }
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private async read(name: string, realDir: string, listedRegular: boolean): Promise<Person | null> {
    const hit = this.cache.get(name);
    const found = await scanEntry(this.root, realDir, name, listedRegular, !!hit);
    if (!found) return null;
    const { real, stat: s } = found;
    if (s) {
      if (!s.isFile() || s.size > MAX_PERSON_BYTES) return null;
      if (hit && hit.real === real && hit.mtimeMs === s.mtimeMs && hit.size === s.size) return hit.person;
    }
    try {
      const { bytes, stat } = await readRegularFile(real, `_people/${name}`, MAX_PERSON_BYTES, s ?? 'listed');
      const person = await this.checker.person(name, decodeUtf8(bytes));
      this.cache.set(name, { real, mtimeMs: stat.mtimeMs, size: stat.size, person });
      return person;
    } catch {
      return null;
    }
  }
}
