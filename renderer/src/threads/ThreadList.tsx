/**
 * The thread cards, only those on screen for a big book; for the others, the first cards
 * at once and the rest in idle slices (so opening a book renders what shows first).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { repliesOf, threadMatches, threadsOf } from '../../../shared/index';
import type { Diagnostic, Value } from '../../../shared/index';
import type { Run } from '../commands/useRun';
import { useEditor, useStore } from '../store/hooks';
import { diagnosticsOf } from '../store/derived';
import { formReadOnly } from '../store/editorStore';
import { BIG_BOOK_THREADS, isExpanded } from '../store/uiSlice';
import { VirtualList } from '../ui/VirtualList';
import { byThread, NONE } from './diagnosticSlices';
import { ThreadCard } from './ThreadCard';
import { whenIdle } from '../schedule';

const NO_THREADS: readonly Value[] = [];
/** Cards in the first render of a book (the book and links fill the first screen); the others follow in idle slices that double from this many. */
const FIRST_CARDS = 2;

/**
 * How many cards to render: all where the page has no idle callbacks, else FIRST_CARDS for a
 * newly opened book (`key`), doubling each time the page is idle.
 */
function useIdleLimit(key: unknown, total: number): number {
  const idle = typeof requestIdleCallback === 'function';
  const [state, setState] = useState({ key, limit: idle ? FIRST_CARDS : Infinity });
  let limit = state.limit;
  if (state.key !== key) {
    limit = idle ? FIRST_CARDS : Infinity;
    setState({ key, limit });
  }
  useEffect(() => {
    if (limit >= total) return;
    // Slices double: the first ones, right after the book shows, are small (a card costs a few
    // milliseconds, more the first time), and a long book still fills in a few renders.
    return whenIdle(() => setState((s) => ({ key: s.key, limit: s.limit * 2 })), 300);
  }, [limit, total]);
  return limit;
}

export function ThreadList({ scrollRef, run }: { readonly scrollRef: RefObject<HTMLElement | null>; readonly run: Run }) {
  const store = useStore();
  const threads = useEditor((s) => (s.book?.readable ? threadsOf(s.book.readable.data) : NO_THREADS));
  const readOnly = useEditor(formReadOnly);
  const filter = useEditor((s) => s.ui.threadFilter);
  const expandedByDefault = useEditor((s) => s.ui.expandedByDefault);
  const toggled = useEditor((s) => s.ui.toggled);
  const diagnostics = useEditor(diagnosticsOf);
  const focus = useEditor((s) => s.ui.focus);
  const path = useEditor((s) => s.book?.path ?? null);

  const previous = useRef<ReadonlyMap<number, readonly Diagnostic[]>>(new Map());
  const perThread = useMemo(() => (previous.current = byThread(diagnostics, previous.current)), [diagnostics]);

  const visible = useMemo(() => {
    const all = threads.map((_, i) => i);
    return filter.trim() ? all.filter((i) => threadMatches(threads[i]!, filter)) : all;
  }, [threads, filter]);

  const ui = { expandedByDefault, toggled };
  const card = (t: number) => (
    <ThreadCard key={t} index={t} value={threads[t]!} count={threads.length} expanded={isExpanded(ui, t)} diagnostics={perThread.get(t) ?? NONE} run={run} readOnly={readOnly} />
  );
  const itemKey = useCallback((i: number) => visible[i]!, [visible]);
  const estimate = useCallback((t: number) => (isExpanded(store.get().ui, t) ? 180 + 150 * repliesOf(threads[t]).length : 52), [store, threads]);
  const focusThread = focus && /^archive\.(\d+)/.exec(focus.path);
  const scrollTo = useMemo(() => (focusThread ? { index: visible.indexOf(Number(focusThread[1])), nonce: focus!.nonce } : null), [focus?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps

  const big = threads.length > BIG_BOOK_THREADS;
  const limit = useIdleLimit(path, big ? 0 : visible.length);
  // A card asked for (a problem, a preview click) renders at once with those before it.
  const shown = scrollTo && scrollTo.index >= limit ? Infinity : limit;

  return (
    <div className="thread-list">
      {big ? <VirtualList count={visible.length} itemKey={itemKey} estimate={estimate} render={(i) => card(visible[i]!)} scrollRef={scrollRef} scrollTo={scrollTo} /> : (shown < visible.length ? visible.slice(0, shown) : visible).map(card)}
    </div>
  );
}
