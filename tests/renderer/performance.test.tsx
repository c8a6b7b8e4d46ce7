// @vitest-environment jsdom
// A keystroke in a reply of the largest corpus book, and a synthetic 2,000-thread book: the store updates
// and only the touched card renders again. Timings are printed; `npm run bench` holds the targets.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { diagnosticsOf, isTyping } from '../../renderer/src/store/derived';
import { CORPUS, corpusSkipReason, hasCorpus } from '../corpus';
import { openEditor } from './render';

afterEach(cleanup);

const LARGEST = '_books/20241017-build-large-language-model-from-scratch.md';

const replyText = (data: unknown, t: number): unknown => (data as { archive: { replies: { text: unknown }[] }[] }).archive[t]!.replies[0]!.text;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A hand-written book with `n` threads of two replies each. */
function syntheticBook(n: number): string {
  const lines = ['---', 'title: "Two Thousand Questions"', 'description: "A synthetic book"', 'cover: "images/books/x/cover.jpg"', 'image: "images/books/x/cover.jpg"', 'start: 2024-01-01 00:00:00', 'end: 2024-01-05 23:59:59', 'authors: [lenavoss]', 'links: []', 'archive:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  - name: Asker ${i}`, `    text: "Question number ${i}?"`, '    replies:', '      - name: Lena Voss', `        text: "Answer ${i}."`, `      - name: Asker ${i}`, '        text: "Thanks!"');
  }
  return `${lines.join('\n')}\n---\n`;
}

async function measureTyping(textarea: HTMLTextAreaElement, holds: (value: string) => boolean, n = 30): Promise<{ store: number; render: number }> {
  const storeTimes: number[] = [];
  const renderTimes: number[] = [];
  for (let i = 0; i < n; i++) {
    const value = `${textarea.value}x`;
    const t0 = performance.now();
    await act(async () => {
      fireEvent.change(textarea, { target: { value } });
      storeTimes.push(performance.now() - t0);
    });
    renderTimes.push(performance.now() - t0);
    expect(holds(value)).toBe(true);
    expect(textarea.value).toBe(value);
  }
  return { store: median(storeTimes), render: median(renderTimes) };
}

// Each test types 30 keys through React in jsdom: seconds on a free machine, much longer on a loaded one.
describe('performance', () => {
  it.skipIf(!hasCorpus)(`types in a reply of the largest corpus book${hasCorpus ? '' : ` (${corpusSkipReason})`}`, async () => {
    const text0 = fs.readFileSync(path.join(CORPUS, LARGEST), 'utf8');
    const { store } = await openEditor({ [LARGEST]: text0 });
    expect(screen.getAllByRole('article', { name: /^Thread \d+ by/ }).length).toBeGreaterThan(60);
    const card = screen.getByRole('article', { name: /^Thread 30 by/ });
    const textarea = within(within(card).getAllByRole('article', { name: /^Reply 1 by/ })[0]!).getByLabelText('Text') as HTMLTextAreaElement;
    const t = await measureTyping(textarea, (v) => replyText(store.get().book!.doc.data, 29) === v);
    console.log(`[perf] largest corpus book (${(text0.length / 1024).toFixed(0)} KB): keystroke → store ${t.store.toFixed(2)} ms, → rendered ${t.render.toFixed(2)} ms (median of 30, jsdom)`);
    // Rendering a hundred expanded threads in jsdom takes tens of seconds on a loaded 2-core machine; nothing here is timed against a limit.
  }, 120_000);

  it('renders only what is on screen for a 2,000-thread book, and types in it', async () => {
    const big = syntheticBook(2000);
    const { store } = await openEditor({ '_books/20240101-two-thousand.md': big });
    const cards = screen.getAllByRole('article', { name: /^Thread \d+ by/ });
    expect(cards.length).toBeGreaterThan(5);
    expect(cards.length).toBeLessThan(200);
    // Big books start collapsed: expand the first thread and type in its first reply.
    fireEvent.click(screen.getByRole('button', { name: 'Expand thread 1' }));
    const reply = within(screen.getByRole('article', { name: 'Thread 1 by Asker 0' })).getByRole('article', { name: 'Reply 1 by Lena Voss' });
    const t = await measureTyping(within(reply).getByLabelText('Text') as HTMLTextAreaElement, (v) => replyText(store.get().book!.doc.data, 0) === v, 15);
    console.log(`[perf] synthetic 2,000-thread book (${(big.length / 1024).toFixed(0)} KB): keystroke → store ${t.store.toFixed(2)} ms, → rendered ${t.render.toFixed(2)} ms (median of 15, jsdom)`);
  }, 120_000);
});

describe('diagnostics while typing', () => {
  it('a keystroke shows first; its diagnostics follow once its frame is painted, and any other edit is checked at once', async () => {
    const { store } = await openEditor();
    const errors = () => diagnosticsOf(store.get()).filter((d) => d.severity === 'error').map((d) => d.code);
    await waitFor(() => expect(store.get().checked?.doc).toBe(store.get().book!.doc));
    expect(errors()).toEqual([]);
    // Typing empties the title: the keystroke's document is not validated on the keystroke.
    act(() => void store.edit('Edit title', [{ op: 'set', path: ['title'], value: 'G' }], 'title'));
    act(() => void store.edit('Edit title', [{ op: 'set', path: ['title'], value: '' }], 'title'));
    expect(store.get().book!.doc.text).toContain('title: ""');
    expect(isTyping(store.get())).toBe(true);
    expect(errors()).toEqual([]);
    // After the frame: the error is there, and the status bar says so.
    await waitFor(() => expect(errors()).toContain('required'));
    expect(store.get().checked?.doc).toBe(store.get().book!.doc);
    await waitFor(() => expect(screen.getByRole('button', { name: /^Problems: 1 error/ })).toBeTruthy());
    // An edit that is not typing (undo) is checked as it is shown.
    act(() => store.undo());
    expect(isTyping(store.get())).toBe(false);
    expect(errors()).toEqual([]);
  });
});
