/**
 * The container of the Q&A threads. The header and the drag-and-drop context render only
 * when counts or the filter change; the list below subscribes to the threads itself, so a
 * keystroke re-renders the list and the one card it touched, never the drag context.
 */
import { memo, useMemo } from 'react';
import type { RefObject } from 'react';
import { repliesOf, replyCount, threadMatches, threadsOf } from '../../../shared/index';
import { CommandButton } from '../commands/CommandButton';
import { useRun } from '../commands/useRun';
import { useEditor, useStore } from '../store/hooks';
import { formReadOnly } from '../store/editorStore';
import { Icon } from '../ui/Icon';
import { ThreadsDnd } from './dnd';
import { ThreadList } from './ThreadList';

export const ThreadsPane = memo(function ThreadsPane({ scrollRef }: { readonly scrollRef: RefObject<HTMLElement | null> }) {
  const store = useStore();
  const count = useEditor((s) => (s.book?.readable ? threadsOf(s.book.readable.data).length : 0));
  const replies = useEditor((s) => (s.book?.readable ? threadsOf(s.book.readable.data).reduce((n: number, t) => n + repliesOf(t).length, 0) : 0));
  const matching = useEditor((s) => (s.ui.threadFilter.trim() && s.book?.readable ? threadsOf(s.book.readable.data).filter((t) => threadMatches(t, s.ui.threadFilter)).length : count));
  const readOnly = useEditor(formReadOnly);
  const filter = useEditor((s) => s.ui.threadFilter);
  const run = useRun();
  const handlers = useMemo(
    () => ({
      moveReply: (thread: number, reply: number, toThread: number, toIndex: number) => run('reply.move', { thread, reply, toThread, toIndex, via: 'handle' }),
      moveThread: (thread: number, to: number) => run('thread.move', { thread, to, via: 'handle' }),
      replyCount: (t: number) => replyCount(store.get().book!.doc.data, t),
      threadCount: () => threadsOf(store.get().book!.doc.data).length,
    }),
    [run, store],
  );
  return (
    <section className="section threads" aria-labelledby="threads-title">
      <header className="section-head sticky">
        <h2 id="threads-title">Questions and answers</h2>
        <span className="count" title={`${count} threads, ${replies} replies`}>{count} · {replies}</span>
        <div className="filter">
          <Icon name="search" size={14} />
          <input id="thread-filter" className="input input-filter" type="search" aria-label="Filter threads" placeholder="Filter by name or text" value={filter} onChange={(e) => store.setUi({ threadFilter: e.target.value })} />
        </div>
        <div className="spacer" />
        <CommandButton command="expandAll" className="icon-btn" iconOnly icon={<Icon name="expand" size={15} />} />
        <CommandButton command="collapseAll" className="icon-btn" iconOnly icon={<Icon name="collapse" size={15} />} />
        {readOnly ? null : <CommandButton command="importSlack" className="btn btn-small btn-import-slack" icon={<Icon name="import" size={14} />} />}
        {readOnly ? null : <CommandButton command="thread.add" className="btn btn-primary btn-small" icon={<Icon name="plus" size={14} />} />}
      </header>
      {filter.trim() ? <p className="filter-note" role="status">{matching} of {count} threads match.</p> : null}
      {count === 0 ? <p className="empty">No questions yet. Add a thread to start the archive.</p> : null}
      <ThreadsDnd handlers={handlers}>
        <ThreadList scrollRef={scrollRef} run={run} />
      </ThreadsDnd>
    </section>
  );
});
