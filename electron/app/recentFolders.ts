/** Recently opened site folders, remembered in a small JSON file in the app's data folder. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../workspace/atomicWrite';

/** How many folders are remembered. */
export const MAX_RECENT = 10;

/** The recent folders file. Reading a missing or damaged file gives an empty list. */
export class RecentFolders {
  constructor(private readonly file: string) {}

  /** The folders, most recent first. */
  async list(): Promise<string[]> {
    try {
      const json: unknown = JSON.parse(await fs.readFile(this.file, 'utf8'));
      return Array.isArray(json) ? json.filter((x): x is string => typeof x === 'string').slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  /** Puts a folder first; returns the new list. */
  async add(folder: string): Promise<string[]> {
    const list = [folder, ...(await this.list()).filter((f) => f !== folder)].slice(0, MAX_RECENT);
    await this.save(list);
    return list;
  }

  /** Forgets one folder (it could not be opened); returns the new list. */
  async remove(folder: string): Promise<string[]> {
    const list = (await this.list()).filter((f) => f !== folder);
    await this.save(list);
    return list;
  }

  /** Forgets every folder. */
  async clear(): Promise<void> {
    await this.save([]);
  }

  private async save(list: readonly string[]): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeAtomic(this.file, Buffer.from(JSON.stringify(list, null, 2) + '\n', 'utf8'), 0o600);
  }
}
