/** The people of a site, from `_people/*.md`, re-reading only the files that changed. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Person } from '../../shared/api';
import { openBook } from '../../shared/index';
import { mapLimit } from './concurrency';
import { decodeUtf8 } from './fileBytes';
import { realInside } from './sitePath';

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly person: Person | null;
}

const MAX_PERSON_BYTES = 1024 * 1024;

/** Reads a person from a people file's text; null when its front matter cannot be read. */
export function personOf(fileName: string, text: string): Person | null {
  const data = openBook(text).data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const text_ = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
  const id = text_(data.short) ?? fileName.replace(/\.md$/, '');
  return { id, name: text_(data.title) ?? id, picture: text_(data.picture) };
}

/** The `_people/` folder of a site, cached per file by modification time and size. */
export class PeopleIndex {
  private readonly cache = new Map<string, Entry>();
  private readonly dir: string;

  /** `root` is the real path of the site root. */
  constructor(private readonly root: string) {
    this.dir = path.join(root, '_people');
  }

  /** Every readable person, sorted by id; files starting with `_` (templates) are skipped. */
  async list(): Promise<Person[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.md') && !n.startsWith('_') && !n.startsWith('.')).sort();
    } catch {
      this.cache.clear();
      return [];
    }
    const alive = new Set(names);
    for (const k of this.cache.keys()) if (!alive.has(k)) this.cache.delete(k);
    const people = await mapLimit(names, 32, (n) => this.read(n));
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

  private async read(name: string): Promise<Person | null> {
    const file = await realInside(this.root, path.join(this.dir, name));
    if (!file) return null;
    try {
      const s = await fs.stat(file);
      if (!s.isFile() || s.size > MAX_PERSON_BYTES) return null;
      const hit = this.cache.get(name);
      if (hit && hit.mtimeMs === s.mtimeMs && hit.size === s.size) return hit.person;
      const person = personOf(name, decodeUtf8(await fs.readFile(file)));
      this.cache.set(name, { mtimeMs: s.mtimeMs, size: s.size, person });
      return person;
    } catch {
      return null;
    }
  }
}
