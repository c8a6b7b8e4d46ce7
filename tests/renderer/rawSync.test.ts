// The raw view's bookkeeping without Monaco: offsets and model positions (BOM, CRLF), the one
// minimal edit between two texts, and RawSync committing typing after a pause and following the store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offsetOf, positionOf } from '../../renderer/src/raw/positions';
import { minimalEdit } from '../../shared/book/textEdit';
import { RAW_COMMIT_MS, RAW_MAX_WAIT_MS, RawSync } from '../../renderer/src/raw/rawSync';
import type { ModelChange } from '../../renderer/src/raw/rawSync';

/** A stand-in model: lines of text, as Monaco holds them (no BOM, one kind of line break). */
function fakeModel(text: string) {
  let lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  return {
    get value() {
      return lines.join('\n');
    },
    replace({ start, end, text: insert }: ModelChange) {
      const whole = lines.join('\n');
      const at = (p: { lineNumber: number; column: number }) => lines.slice(0, p.lineNumber - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
      lines = (whole.slice(0, at(start)) + insert.replace(/\r\n/g, '\n') + whole.slice(at(end))).split('\n');
    },
  };
}

describe('offsets and model positions', () => {
  it('agree on lines and columns, with a BOM and \\r\\n line breaks', () => {
    const text = '\uFEFF---\r\ntitle: x\r\n---\r\nbody';
    expect(positionOf(text, 1)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionOf(text, text.indexOf('title'))).toEqual({ lineNumber: 2, column: 1 });
    expect(positionOf(text, text.indexOf('x'))).toEqual({ lineNumber: 2, column: 8 });
    // Between \r and \n is the end of the line.
    expect(positionOf(text, text.indexOf('x') + 2)).toEqual({ lineNumber: 2, column: 9 });
    expect(offsetOf(text, { lineNumber: 2, column: 8 })).toBe(text.indexOf('x'));
    expect(offsetOf(text, { lineNumber: 2, column: 99 })).toBe(text.indexOf('x') + 1);
    expect(offsetOf(text, { lineNumber: 4, column: 5 })).toBe(text.length);
    for (let o = 1; o <= text.length; o++) if (text[o - 1] !== '\r') expect(offsetOf(text, positionOf(text, o))).toBe(o);
  });
});

describe('the minimal edit', () => {
  it('replaces only what lies between the common start and end', () => {
    expect(minimalEdit('abc', 'abc')).toBeNull();
    expect(minimalEdit('title: a\nend', 'title: ab\nend')).toEqual({ from: 8, to: 8, insert: 'b' });
    expect(minimalEdit('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
  });

  it('never splits a \\r\\n or a surrogate pair', () => {
    const e = minimalEdit('a\r\nb', 'a\nb')!;
    expect(e.from).toBe(1);
    expect('a\r\nb'.slice(0, e.from) + e.insert + 'a\r\nb'.slice(e.to)).toBe('a\nb');
    const f = minimalEdit('x\u{1F642}y', 'x\u{1F600}y')!;
    expect(f).toEqual({ from: 1, to: 3, insert: '\u{1F600}' });
  });
});

describe('RawSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('commits typing after a pause, in the store’s own bytes', () => {
    const text = '\uFEFF---\r\ntitle: a\r\n---\r\n';
    const commits: string[] = [];
    const sync = new RawSync(text, (t) => commits.push(t));
    sync.edited([{ start: { lineNumber: 2, column: 9 }, end: { lineNumber: 2, column: 9 }, text: 'b' }]);
    sync.edited([{ start: { lineNumber: 2, column: 10 }, end: { lineNumber: 2, column: 10 }, text: 'c' }]);
    expect(sync.pending).toBe(true);
    vi.advanceTimersByTime(RAW_COMMIT_MS - 1);
    expect(commits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(commits).toEqual(['\uFEFF---\r\ntitle: abc\r\n---\r\n']);
    expect(sync.pending).toBe(false);
  });

  it('commits typing that never pauses at least once a second', () => {
    const commits: string[] = [];
    const sync = new RawSync('x', (t) => commits.push(t));
    for (let i = 0; i < 20; i++) {
      sync.edited([{ start: { lineNumber: 1, column: i + 2 }, end: { lineNumber: 1, column: i + 2 }, text: 'y' }]);
      vi.advanceTimersByTime(RAW_COMMIT_MS / 2);
    }
    // Three seconds of typing without a pause of RAW_COMMIT_MS: still committed along the way.
    expect(commits.length).toBeGreaterThanOrEqual(Math.floor((20 * RAW_COMMIT_MS) / 2 / RAW_MAX_WAIT_MS) - 1);
    vi.advanceTimersByTime(RAW_COMMIT_MS);
    expect(commits.at(-1)).toBe(`x${'y'.repeat(20)}`);
  });

  it('says how long the typing paused before each commit, so undo groups typing by pauses', () => {
    const pauses: number[] = [];
    const sync = new RawSync('x', (_t, pause) => pauses.push(pause));
    for (let i = 0; i < 20; i++) {
      sync.edited([{ start: { lineNumber: 1, column: i + 2 }, end: { lineNumber: 1, column: i + 2 }, text: 'y' }]);
      vi.advanceTimersByTime(RAW_COMMIT_MS / 2);
    }
    vi.advanceTimersByTime(RAW_COMMIT_MS);
    expect(pauses.length).toBeGreaterThan(1);
    // The first commit follows no typing; the next ones continue the same burst.
    expect(pauses[0]).toBe(Infinity);
    for (const p of pauses.slice(1)) expect(p).toBeLessThanOrEqual(RAW_COMMIT_MS);
    vi.advanceTimersByTime(2000);
    sync.edited([{ start: { lineNumber: 1, column: 1 }, end: { lineNumber: 1, column: 1 }, text: 'z' }]);
    sync.flush();
    expect(pauses.at(-1)).toBeGreaterThan(2000);
  });

  it('applies several changes of one event from the end', () => {
    const sync = new RawSync('ab\ncd', () => undefined);
    sync.edited([
      { start: { lineNumber: 1, column: 1 }, end: { lineNumber: 1, column: 1 }, text: '>' },
      { start: { lineNumber: 2, column: 1 }, end: { lineNumber: 2, column: 1 }, text: '>' },
    ]);
    expect(sync.text).toBe('>ab\n>cd');
  });

  it('follows the store with the changed span only, and flushes at once when asked', () => {
    const text = 'title: a\nlong body\n';
    const model = fakeModel(text);
    const replaced: ModelChange[] = [];
    const commits: string[] = [];
    const sync = new RawSync(text, (t) => commits.push(t));
    sync.follow('title: b\nlong body\n', { replace: (c) => (replaced.push(c), model.replace(c)) });
    expect(replaced).toEqual([{ start: { lineNumber: 1, column: 8 }, end: { lineNumber: 1, column: 9 }, text: 'b' }]);
    expect(model.value).toBe('title: b\nlong body\n');
    sync.follow('title: b\nlong body\n', { replace: (c) => replaced.push(c) });
    expect(replaced).toHaveLength(1);
    sync.edited([{ start: { lineNumber: 2, column: 1 }, end: { lineNumber: 2, column: 5 }, text: 'short' }]);
    sync.flush();
    expect(commits).toEqual(['title: b\nshort body\n']);
    vi.advanceTimersByTime(RAW_COMMIT_MS * 2);
    expect(commits).toHaveLength(1);
  });

  it('keeps \\r\\n and a BOM the model cannot hold when the store changes', () => {
    const text = '\uFEFFa\r\nb\r\n';
    const model = fakeModel(text);
    const sync = new RawSync(text, () => undefined);
    sync.follow('\uFEFFa\r\nbc\r\n', model);
    expect(model.value).toBe('a\nbc\n');
    expect(sync.text).toBe('\uFEFFa\r\nbc\r\n');
  });
});
