/** Diagnostics cut per thread, per reply and per field, keeping array identity while they do not change (so memoized cards stay put). */
import { useRef } from 'react';
import { same } from '../../../shared/index';
import type { Diagnostic } from '../../../shared/index';

export const NONE: readonly Diagnostic[] = [];

/** Diagnostics by thread index; arrays equal to the previous ones are the previous ones. */
export function byThread(list: readonly Diagnostic[], previous: ReadonlyMap<number, readonly Diagnostic[]>): Map<number, readonly Diagnostic[]> {
  const out = new Map<number, Diagnostic[]>();
  for (const d of list) {
    if (d.keys[0] !== 'archive' || typeof d.keys[1] !== 'number') continue;
    const t = d.keys[1];
    let a = out.get(t);
    if (!a) out.set(t, (a = []));
    a.push(d);
  }
  const stable = new Map<number, readonly Diagnostic[]>();
  for (const [t, a] of out) {
    const prev = previous.get(t);
    stable.set(t, prev && same(prev, a) ? prev : a);
  }
  return stable;
}

/** Diagnostics by dotted path below a prefix (the prefix's own ones under ''). */
export function byField(list: readonly Diagnostic[], prefixLength: number): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of list) {
    const key = d.keys.slice(prefixLength).join('.');
    let a = out.get(key);
    if (!a) out.set(key, (a = []));
    a.push(d);
  }
  return out;
}

/** Diagnostics of reply `r`, from those of its thread; stable as long as they are equal. */
export function replySlice(threadDiagnostics: readonly Diagnostic[], r: number, previous: readonly Diagnostic[] | undefined): readonly Diagnostic[] {
  const a = threadDiagnostics.filter((d) => d.keys[2] === 'replies' && d.keys[3] === r);
  if (!a.length) return NONE;
  return previous && same(previous, a) ? previous : a;
}

/** The list itself while it equals the previous one, so memoized editors keep their props. */
export function useStableDiagnostics(list: readonly Diagnostic[]): readonly Diagnostic[] {
  const ref = useRef<readonly Diagnostic[]>(NONE);
  if (!same(ref.current, list)) ref.current = list.length ? list : NONE;
  return ref.current;
}
