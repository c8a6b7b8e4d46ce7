/**
 * A zip export as a source, streamed once through fflate's `Unzip`: only the wanted entries
 * are inflated, the others pass by without being decompressed or kept, so memory stays
 * bounded by the wanted files however large the zip is. The stream comes from the Node side
 * (`fs.createReadStream`) or from a browser's `File.stream()`.
 */
import { inflateSync, Unzip, UnzipPassThrough } from 'fflate';
import type { UnzipDecoder, UnzipDecoderConstructor } from 'fflate';
import { ImportError } from './source';
import type { ExportSource } from './source';

/** Chunks of bytes: a Node stream or any async iterable, or a web `ReadableStream`. */
export type ByteStream = AsyncIterable<Uint8Array> | { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } };

async function* chunksOf(stream: ByteStream): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in stream) {
    yield* stream;
    return;
  }
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** A decoder that skips what it is given: for entries nobody asked for. */
class Skip implements UnzipDecoder {
  ondata: UnzipDecoder['ondata'] = () => undefined;
  push(_chunk: Uint8Array, final: boolean): void {
    if (final) this.ondata(null, new Uint8Array(0), true);
  }
}

/**
 * Inflates an entry in one call once its compressed bytes are in, into a buffer of the size
 * its header gives: as fast as unzipping a whole zip in memory, where fflate's streaming
 * inflater grows and joins its output chunk by chunk.
 */
class WholeInflate implements UnzipDecoder {
  static compression = 8;
  ondata: UnzipDecoder['ondata'] = () => undefined;
  private readonly chunks: Uint8Array[] = [];
  constructor(_name: string, _size?: number, private readonly originalSize?: number) {}
  push(chunk: Uint8Array, final: boolean): void {
    if (chunk.length > 0) this.chunks.push(chunk);
    if (!final) return;
    let out: Uint8Array<ArrayBuffer>;
    try {
      out = inflateSync(concat(this.chunks), this.originalSize ? { out: new Uint8Array(this.originalSize) } : undefined);
    } catch (e) {
      this.ondata(e as Error & { code: number }, new Uint8Array(0), true);
      return;
    }
    this.ondata(null, out, true);
  }
}

/**
 * The decoder for one compression method: the real one for the entry being started when it
 * is wanted, a skip otherwise. `Unzip` builds it inside `file.start()`, so `inflate()` answers
 * for that entry.
 */
function decoderFor(compression: number, real: UnzipDecoderConstructor | null, inflate: () => boolean): UnzipDecoderConstructor {
  return class {
    static compression = compression;
    constructor(name: string, size?: number, originalSize?: number) {
      return inflate() && real ? new real(name, size, originalSize) : new Skip();
    }
  } as unknown as UnzipDecoderConstructor;
}

const LOCAL_HEADER = 0x04034b50;
const EMPTY_ZIP = 0x06054b50;

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A zip as an export source; `open` gives a fresh stream of its bytes for each pass. */
export function zipSource(label: string, open: () => ByteStream): ExportSource {
  return {
    label,
    async scan(want, take) {
      let failure: unknown = null;
      let inflateNext = false;
      const known = new Set([0, 8]);
      const unzip = new Unzip((file) => {
        const name = file.name.replace(/\\/g, '/');
        const keep = failure === null && !name.endsWith('/') && want(name);
        const chunks: Uint8Array[] = [];
        file.ondata = (err, data, final) => {
          if (!keep || failure !== null) return;
          if (err) {
            failure = new ImportError(`cannot be unpacked: ${err.message}`, name);
            return;
          }
          if (data.length > 0) chunks.push(data);
          if (final) {
            try {
              take(name, concat(chunks));
            } catch (e) {
              failure = e;
            }
          }
        };
        if (!known.has(file.compression)) {
          if (keep) failure = new ImportError(`compressed with a method this reader does not know (${file.compression})`, name);
          unzip.register(decoderFor(file.compression, null, () => false));
          known.add(file.compression);
        }
        // Every entry is started, wanted or not: an entry never started keeps its bytes in memory.
        inflateNext = keep;
        file.start();
      });
      unzip.register(decoderFor(0, UnzipPassThrough, () => inflateNext));
      unzip.register(decoderFor(8, WholeInflate, () => inflateNext));
      let first = true;
      try {
        for await (const chunk of chunksOf(open())) {
          if (first && chunk.length > 0) {
            first = false;
            const sig = chunk.length >= 4 ? (chunk[0]! | (chunk[1]! << 8) | (chunk[2]! << 16) | (chunk[3]! << 24)) >>> 0 : 0;
            if (sig !== LOCAL_HEADER && sig !== EMPTY_ZIP) throw new ImportError('not a zip file', label);
          }
          unzip.push(chunk, false);
          if (failure !== null) break;
        }
        if (failure === null) {
          if (first) throw new ImportError('an empty file, not a zip', label);
          unzip.push(new Uint8Array(0), true);
        }
      } catch (e) {
        if (e instanceof ImportError) throw e;
        throw new ImportError(`a damaged or incomplete zip (${(e as Error).message})`, label);
      }
      if (failure !== null) throw failure;
    },
  };
}
