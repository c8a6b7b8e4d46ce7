// The memory row of `npm run bench`: the heap that 200 reply edits on the synthetic
// 2,000-thread book add, undo history included, against the size of the file. Run with
// --expose-gc (scripts/bench.mjs does), so the figure is what stays, not garbage.
import { editReply } from '../../shared/index';
import { createEditorStore } from '../../renderer/src/store/editorStore';
import { synthBook } from './synth';
import { round } from './core';
import type { Row } from './core';

const EDITS = 200;

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** Heap growth in bytes after 200 reply edits (each its own undo step), and the file's size in bytes. */
export function undoMemory(threads = 2000): { growth: number; size: number; steps: number } {
  const text = synthBook(threads);
  let now = 0;
  const store = createEditorStore(undefined, () => now);
  store.load({ path: '_books/20210705-synthetic.md', text, fingerprint: { mtimeMs: 0, size: text.length, hash: '0'.repeat(64) } });
  const before = heap();
  for (let i = 0; i < EDITS; i++) {
    now += 1000;
    store.run(editReply, { thread: (i * 7) % threads, reply: i % 5, key: 'text', value: `An edited reply, version ${i}: the text of a real answer is about this long.` });
  }
  const growth = heap() - before;
  const steps = store.get().book!.history.undo.length;
  // Keep the store alive until measured.
  if (!store.get().book) throw new Error('the book closed');
  return { growth, size: new TextEncoder().encode(text).length, steps };
}

/** The bench row: `ours` is the heap growth in bytes, the baseline the file's size in bytes (the fields named _ms hold bytes here). */
export function memoryRow(): Row {
  const { growth, size, steps } = undoMemory();
  if (steps !== EDITS) throw new Error(`expected ${EDITS} undo steps, got ${steps}`);
  return { name: `memory after ${EDITS} reply edits, synthetic 2000-thread book`, ours_ms: growth, baseline: 'the file size in bytes (both fields hold bytes)', baseline_ms: size, ratio: round(growth / size, 3), target: 'ratio ≤ 3' };
}
