/** The thread cards, all of them or only those on screen for a big book. */
import { useCallback, useMemo, useRef } from 'react';
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

const NO_THREADS: readonly Value[] = [];

export function ThreadList({ scrollRef, run }: { readonly scrollRef: RefObject<HTMLElement | null>; readonly run: Run }) {
  const store = useStore();
  const threads = useEditor((s) => (s.book?.readable ? threadsOf(s.book.readable.data) : NO_THREADS));
  const readOnly = useEditor(formReadOnly);
  const filter = useEditor((s) => s.ui.threadFilter);
  const expandedByDefault = useEditor((s) => s.ui.expandedByDefault);
  const toggled = useEditor((s) => s.ui.toggled);
  const diagnostics = useEditor(diagnosticsOf);
  const focus = useEditor((s) => s.ui.focus);

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

  return (
    <div className="thread-list">
      {threads.length > BIG_BOOK_THREADS ? <VirtualList count={visible.length} itemKey={itemKey} estimate={estimate} render={(i) => card(visible[i]!)} scrollRef={scrollRef} scrollTo={scrollTo} /> : visible.map(card)}
    </div>
  );
}
