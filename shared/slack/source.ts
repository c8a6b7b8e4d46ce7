/**
 * Where an export comes from. The importer reads an export in one pass through an
 * `ExportSource`: it is offered every file's path, says which it wants, and gets those
 * files' bytes one at a time. A folder (on disk or from a browser's folder input) and a
 * zip (streamed once, from disk or from a browser's `File`) are both sources.
 */

/**
 * Something the importer cannot get past: an unreadable or invalid export, a bad window.
 * `message` says what; `file`, `line` and `column` say where, when a file is at fault.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    /** The file at fault: the export itself (its label) or a path inside it. */
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** `file:line:column: message`, with a path inside the export joined to the export's `label`. */
  describe(label: string): string {
    if (this.file === undefined) return this.message;
    const file = this.file === label ? label : `${label.replace(/[\\/]+$/, '')}/${this.file}`;
    return `${this.line ? `${file}:${this.line}:${this.column ?? 1}` : file}: ${this.message}`;
  }
}

/** An export read in one pass. */
export interface ExportSource {
  /** What the user chose (the folder's or the zip's name), for messages. */
  readonly label: string;
  /**
   * Offers the path of every file of the export ('/'-separated, relative to what was chosen)
   * to `want`, and hands the bytes of each wanted file to `take`, one file at a time, in the
   * order they are stored. Reads nothing it was not asked for. Rejects with an ImportError
   * when the export cannot be read.
   */
  scan(want: (path: string) => boolean, take: (path: string, bytes: Uint8Array) => void): Promise<void>;
}

/** One file of a folder: its path inside the folder and a way to read it. */
export interface ExportFile {
  readonly path: string;
  read(): Promise<Uint8Array>;
}

/**
 * A folder as a source: the Node side lists a folder on disk; a browser lists the `File`s of
 * a folder input (path `webkitRelativePath`, read with `arrayBuffer()`).
 */
export function folderSource(label: string, files: Iterable<ExportFile> | AsyncIterable<ExportFile>): ExportSource {
  return {
    label,
    async scan(want, take) {
      for await (const file of files) {
        const path = file.path.replace(/\\/g, '/');
        if (!want(path)) continue;
        let bytes: Uint8Array;
        try {
          bytes = await file.read();
        } catch (e) {
          throw new ImportError(`cannot be read: ${(e as Error).message}`, path);
        }
        take(path, bytes);
      }
    },
  };
}
