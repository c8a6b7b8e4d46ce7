/** The container of the Q&A threads: reads the store, hands values and actions to the cards. */
import { useCallback, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import type { Diagnostic, Value } from '../../../shared/index';
import { CommandButton } from '../commands/CommandButton';
import { useEditor, useStore } from '../store/hooks';
import { diagnosticsOf } from '../store/derived';
import { isEditable } from '../store/bookSlice';
import { BIG_BOOK_THREADS, isExpanded } from '../store/uiSlice';
import { Icon } from '../ui/Icon';
import { VirtualList } from '../ui/VirtualList';
import { byThread, NONE } from './diagnosticSlices';
import { ThreadsDnd } from './dnd';
import { replyCount } from './moves';
import { threadActions } from './threadActions';
import { repliesOf, threadMatches, threadsOf } from './threadValue';
import { ThreadCard } from './ThreadCard';

const NO_THREADS: readonly Value[] = [];

export function ThreadsPane({ scrollRef }: { readonly scrollRef: RefObject<HTMLElement | null> }) {
  const store = useStore();
  const threads = useEditor((s) => (s.book?.readable ? threadsOf(s.book.readable.data) : NO_THREADS));
  const readOnly = useEditor((s) => !s.book || !isEditable(s.book.doc));
  const filter = useEditor((s) => s.ui.threadFilter);
  const ui = useEditor((s) => s.ui);
  const diagnostics = useEditor(diagnosticsOf);
  const focus = useEditor((s) => s.ui.focus);
  const actions = useMemo(() => threadActions(store), [store]);

  const previous = useRef<ReadonlyMap<number, readonly Diagnostic[]>>(new Map());
  const perThread = useMemo(() => (previous.current = byThread(diagnostics, previous.current)), [diagnostics]);

  const visible = useMemo(() => {
    const all = threads.map((_, i) => i);
    return filter.trim() ? all.filter((i) => threadMatches(threads[i]!, filter)) : all;
  }, [threads, filter]);

  const handlers = useMemo(
    () => ({
      moveReply: actions.moveReply,
      moveThread: actions.moveThread,
      replyCount: (t: number) => replyCount(store.get().book!.doc, t),
    }),
    [actions, store],
  );

  const big = threads.length > BIG_BOOK_THREADS;
  const card = (t: number) => (
    <ThreadCard key={t} index={t} value={threads[t]!} count={threads.length} expanded={isExpanded(ui, t)} diagnostics={perThread.get(t) ?? NONE} actions={actions} readOnly={readOnly} />
  );
  const itemKey = useCallback((i: number) => visible[i]!, [visible]);
  const estimate = useCallback((t: number) => (isExpanded(store.get().ui, t) ? 180 + 150 * repliesOf(threads[t]).length : 52), [store, threads]);
  const focusThread = focus && /^archive\.(\d+)/.exec(focus.path);
  const scrollTo = useMemo(() => (focusThread ? { index: visible.indexOf(Number(focusThread[1])), nonce: focus!.nonce } : null), [focus?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps

  const replies = useMemo(() => threads.reduce((n: number, t) => n + repliesOf(t).length, 0), [threads]);

  return (
    <section className="section threads" aria-labelledby="threads-title">
      <header className="section-head sticky">
        <h2 id="threads-title">Questions and answers</h2>
        <span className="count" title={`${threads.length} threads, ${replies} replies`}>{threads.length} · {replies}</span>
        <div className="filter">
          <Icon name="search" size={14} />
          <input id="thread-filter" className="input input-filter" type="search" aria-label="Filter threads" placeholder="Filter by name or text" value={filter} onChange={(e) => store.setUi({ threadFilter: e.target.value })} />
        </div>
        <div className="spacer" />
        <CommandButton command="expandAll" className="btn btn-ghost btn-small" icon={<Icon name="expand" size={14} />} />
        <CommandButton command="collapseAll" className="btn btn-ghost btn-small" icon={<Icon name="collapse" size={14} />} />
        {readOnly ? null : <CommandButton command="addThread" className="btn btn-primary btn-small" icon={<Icon name="plus" size={14} />} />}
      </header>
      {filter.trim() ? <p className="filter-note" role="status">{visible.length} of {threads.length} threads match.</p> : null}
      {threads.length === 0 ? <p className="empty">No questions yet. Add a thread to start the archive.</p> : null}
      <ThreadsDnd handlers={handlers}>
        <div className="thread-list">
          {big ? <VirtualList count={visible.length} itemKey={itemKey} estimate={estimate} render={(i) => card(visible[i]!)} scrollRef={scrollRef} scrollTo={scrollTo} /> : visible.map(card)}
        </div>
      </ThreadsDnd>
    </section>
  );
}
