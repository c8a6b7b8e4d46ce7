// A 1 GiB export, made lazily as a stream: 16 entries of 64 MiB (other channels, and this
// channel's days long before the book) around the few small files the import needs. The big
// entries hold bytes no inflater accepts, so the import succeeds only if it never inflates
// them; fflate's inflater is counted to prove it (by the compressed sizes it is given), and memory is sampled while the GiB passes.
import { deflateSync, strToU8 } from 'fflate';
import type * as Fflate from 'fflate';
import { crc32 } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { planImport, zipSource } from '../../shared/slack';
import { EVERY_CASE_BOOK, everyCase } from './slackFixtures';

const inflated = vi.hoisted(() => [] as number[]);
vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof Fflate>();
  const counted = ((data: Uint8Array, opts?: Fflate.InflateOptions) => {
    inflated.push(data.length);
    return real.inflateSync(data, opts);
  }) as typeof real.inflateSync;
  return { ...real, inflateSync: counted };
});

const MIB = 1 << 20;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly originalSize: number;
  readonly chunks: () => Iterable<Uint8Array>;
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A zip written entry by entry as it is read: local headers, data, central directory. */
async function* lazyZip(entries: Entry[], sample: () => void): AsyncGenerator<Uint8Array> {
  const central: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const common = [...u16(20), ...u16(0), ...u16(e.method), ...u16(0), ...u16(0x21), ...u32(e.crc), ...u32(e.size), ...u32(e.originalSize), ...u16(name.length), ...u16(0)];
    const header = new Uint8Array([...u32(0x04034b50), ...common, ...name]);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
    yield header;
    offset += header.length;
    let n = 0;
    for (const chunk of e.chunks()) {
      yield chunk;
      offset += chunk.length;
      if (++n % 16 === 0) sample();
    }
  }
  const count = entries.length;
  yield new Uint8Array([...central, ...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(offset), ...u16(0)]);
}

function small(name: string, bytes: Uint8Array): Entry {
  const data = deflateSync(bytes);
  return { name, method: 8, crc: crc32(bytes), size: data.length, originalSize: bytes.length, chunks: () => [data] };
}

function big(name: string, filler: Uint8Array, mib: number): Entry {
  return { name, method: 8, crc: 0, size: mib * MIB, originalSize: mib * MIB, chunks: function* () { for (let i = 0; i < mib; i++) yield filler; } };
}

describe('a 1 GiB export', () => {
  it('is read with only the needed entries inflated and memory bounded by them', async () => {
    // 0xFF as deflate data is an invalid block: inflating any of it would fail the import.
    const filler = new Uint8Array(MIB).fill(0xff);
    const needed = [...everyCase()];
    const others: Entry[] = [];
    for (let i = 0; i < 8; i++) others.push(big(`random/2021-03-0${i + 1}.json`, filler, 64));
    for (let i = 0; i < 8; i++) others.push(big(`book-of-the-week/2020-0${i + 1}-15.json`, filler, 64));
    const entries = [...others.slice(0, 8), ...needed.map(([name, bytes]) => small(name, bytes)), ...others.slice(8)];
    expect(others.reduce((n, e) => n + e.size, 0)).toBe(1024 * MIB);

    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const start = used();
    let peak = 0;
    const sample = () => (peak = Math.max(peak, used() - start));
    let streamed = 0;
    const source = zipSource('big.zip', () => (async function* () {
      for await (const chunk of lazyZip(entries, sample)) {
        streamed += chunk.length;
        yield chunk;
      }
    })());
    const plan = await planImport(source, EVERY_CASE_BOOK);

    expect(streamed).toBeGreaterThan(1024 * MIB);
    expect(plan.threads).toHaveLength(5);
    // Inflated: users.json, channels.json and this channel's day files from two days before the window on, nothing else.
    const wanted = needed.filter(([n]) => !n.startsWith('general/') && n !== 'book-of-the-week/2021-02-20.json');
    expect(inflated.sort((a, b) => a - b)).toEqual(wanted.map(([, bytes]) => deflateSync(bytes).length).sort((a, b) => a - b));
    console.log(`[1 GiB export] streamed ${(streamed / MIB).toFixed(0)} MiB; peak growth of heap + buffers ${(peak / MIB).toFixed(1)} MiB; inflated ${inflated.length} entries`);
    expect(peak).toBeLessThan(64 * MIB);
  }, 120_000);
});
