/**
 * A Slack export chosen in the page as the importer's source: a `.zip` from a file input,
 * read in 256 KiB slices (each a short task, so the page stays responsive) as the importer streams it (never whole in memory), or the `File`s of
 * a folder input (`webkitdirectory`), of which only the ones the importer asks for are read.
 */
import { folderSource, ImportError, zipSource } from '../../../shared/slack';
import type { ExportSource } from '../../../shared/slack';

const SLICE = 256 << 10;

/** The bytes of a file, slice by slice; stops when `stopped()` says so. */
async function* slices(file: Blob, stopped: () => boolean): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < file.size && !stopped(); at += SLICE) yield new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
}

/** Thrown inside a pass that was given up (a newer plan replaced it). */
export class Stopped extends Error {}

/** A source whose pass gives up once `stopped()` is true, at the next file it is offered. */
function stoppable(source: ExportSource, stopped: () => boolean): ExportSource {
  return {
    label: source.label,
    scan: (want, take) =>
      source.scan((p) => {
        if (stopped()) throw new Stopped();
        return want(p);
      }, take),
  };
}

/** A zip chosen in a file input. */
export function zipFileSource(file: File, stopped: () => boolean = () => false): ExportSource {
  return stoppable(zipSource(file.name, () => slices(file, stopped)), stopped);
}

/** The files of a folder chosen in a folder input; paths are relative to the chosen folder. */
export function folderFilesSource(files: readonly File[], stopped: () => boolean = () => false): ExportSource {
  const top = (files[0]?.webkitRelativePath ?? '').split('/')[0] ?? '';
  const label = top || 'the chosen folder';
  const list = files.map((f) => {
    const rel = f.webkitRelativePath || f.name;
    return { path: top && rel.startsWith(`${top}/`) ? rel.slice(top.length + 1) : rel, read: async () => new Uint8Array(await f.arrayBuffer()) };
  });
  if (list.length === 0) return { label, scan: () => Promise.reject(new ImportError('is empty: choose the folder Slack\'s export unpacks to', label)) };
  return stoppable(folderSource(label, list), stopped);
}
