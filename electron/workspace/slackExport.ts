/**
 * A Slack export on disk as the importer's source: a folder, walked (three levels at most:
 * an optional wrapper folder, channel folders, day files), or a zip, streamed from disk in
 * 1 MiB chunks. Only reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { folderSource, ImportError, zipSource } from '../../shared/slack';
import type { ExportFile, ExportSource } from '../../shared/slack';

async function* walk(root: string, rel = '', depth = 0): AsyncGenerator<ExportFile> {
  const entries = await fs.promises.readdir(path.join(root, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && depth < 2) yield* walk(root, child, depth + 1);
    else if (e.isFile()) yield { path: child, read: () => fs.promises.readFile(path.join(root, child)) };
  }
}

/** The export at `file` (a folder or a .zip). Rejects with an ImportError naming it when it cannot be read. */
export async function exportSourceAt(file: string): Promise<ExportSource> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    throw new ImportError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  if (stat.isDirectory()) {
    const source = folderSource(file, { [Symbol.asyncIterator]: () => walk(file) });
    return {
      label: file,
      scan: (want, take) => source.scan(want, take).catch((e: unknown) => {
        if (e instanceof ImportError) throw e;
        throw new ImportError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
      }),
    };
  }
  return zipSource(file, () => fs.createReadStream(file, { highWaterMark: 1 << 20 }));
}
