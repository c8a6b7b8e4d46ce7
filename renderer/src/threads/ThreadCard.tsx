/**
 * One Q&A thread as a card: the asker, the first line of the question and the reply count
 * when collapsed; the question and its replies when expanded. Memoized on the thread's
 * value: the core shares unchanged threads, so typing in one card renders only that card.
 */
import { memo, useRef } from 'react';
import { firstLine, nameOf, repliesOf, textOf, threadLabel } from '../../../shared/index';
import type { Diagnostic, Value } from '../../../shared/index';
import type { Run } from '../commands/useRun';
import { withShortcut } from '../commands/shortcut';
import { TextField } from '../ui/TextField';
import { FieldMessages } from '../ui/FieldMessages';
import { Icon } from '../ui/Icon';
import { altStep, viaOf } from '../ui/moveKeys';
import { byField, replySlice } from './diagnosticSlices';
import { replyEndDropId, threadDropId, useCardDnd, useDroppable, useDropIndicator } from './dnd';
import { ReplyCard } from './ReplyCard';

interface Props {
  readonly index: number;
  readonly value: Value;
  /** How many threads the book has. */
  readonly count: number;
  readonly expanded: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Runs the card's commands (stable, so the memoized card keeps its props). */
  readonly run: Run;
  readonly readOnly: boolean;
}

export const ThreadCard = memo(function ThreadCard({ index: t, value, count, expanded, diagnostics, run, readOnly }: Props) {
  const label = threadLabel(t, value);
  const path = `archive.${t}`;
  const replies = repliesOf(value);
  const { drag, position, setRef } = useCardDnd({ kind: 'thread', thread: t, label }, { kind: 'thread', thread: t }, threadDropId(t), readOnly);
  const fields = byField(diagnostics.filter((d) => d.keys[2] !== 'replies' || d.keys.length === 3), 2);
  const slices = useRef<(readonly Diagnostic[])[]>([]);
  slices.current = replies.map((_, r) => replySlice(diagnostics, r, slices.current[r]));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = firstLine(textOf(value));
  return (
    <article ref={setRef} className={`card thread${expanded ? ' expanded' : ''}${drag.isDragging ? ' dragging' : ''}${position ? ` drop-${position}` : ''}`} aria-label={label} data-path={path} tabIndex={-1}
      onKeyDown={(e) => {
        // Alt+Up / Alt+Down anywhere in the thread (but in its replies, which move themselves) moves it one slot.
        const step = altStep(e);
        if (!step || readOnly) return;
        e.preventDefault();
        if (t + step >= 0 && t + step < count) run('thread.move', { thread: t, to: t + step, via: viaOf(document.activeElement, path) });
      }}
    >
      <div className="card-bar thread-bar">
        <button type="button" ref={drag.setActivatorNodeRef} {...drag.listeners} {...drag.attributes} className="handle" data-control={`${path}:handle`} aria-label={`Drag ${label}`} title="Drag to move (or Space, arrows, Space; Alt+Up or Alt+Down)" disabled={readOnly}>
          <Icon name="grip" size={14} />
        </button>
        <button type="button" className="thread-toggle" aria-expanded={expanded} aria-label={`${expanded ? 'Collapse' : 'Expand'} thread ${t + 1}`} onClick={() => run('thread.toggle', { thread: t })}>
          <span className="chevron"><Icon name="chevron" size={14} /></span>
          <span className="thread-num">{t + 1}</span>
          <span className="thread-asker">{nameOf(value) || <em>No name</em>}</span>
          <span className="thread-summary">{summary}</span>
        </button>
        <span className="pill" title={`${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`}>{replies.length} {replies.length === 1 ? 'reply' : 'replies'}</span>
        {errors ? <span className="pill pill-error" title={`${errors} error${errors === 1 ? '' : 's'}`}>{errors}</span> : null}
        {!errors && warnings ? <span className="pill pill-warning" title={`${warnings} warning${warnings === 1 ? '' : 's'}`}>{warnings}</span> : null}
        {readOnly ? null : (
          <div className="card-actions">
            <button type="button" className="icon-btn" data-control={`${path}:up`} aria-label="Move up" title={withShortcut('Move thread up (Alt+Up)', 'thread.move')} disabled={t === 0} onClick={() => run('thread.move', { thread: t, to: t - 1, via: 'up' })}><Icon name="up" /></button>
            <button type="button" className="icon-btn" data-control={`${path}:down`} aria-label="Move down" title={withShortcut('Move thread down (Alt+Down)', 'thread.move')} disabled={t === count - 1} onClick={() => run('thread.move', { thread: t, to: t + 1, via: 'down' })}><Icon name="down" /></button>
            <button type="button" className="icon-btn" aria-label="Move to…" title={withShortcut('Move thread to a position…', 'thread.moveTo')} onClick={() => run('thread.moveTo', { thread: t })}><Icon name="moveTo" /></button>
            <button type="button" className="icon-btn" aria-label="Demote to reply…" title={withShortcut('Make this thread a reply of another thread…', 'thread.demoteTo')} disabled={count < 2} onClick={() => run('thread.demoteTo', { thread: t })}><Icon name="demote" /></button>
            <button type="button" className="icon-btn" aria-label="Merge into…" title={withShortcut('Merge this thread into another…', 'thread.mergeInto')} disabled={count < 2} onClick={() => run('thread.mergeInto', { thread: t })}><Icon name="merge" /></button>
            <button type="button" className="icon-btn danger" aria-label="Delete" title={withShortcut('Delete thread', 'thread.delete')} onClick={(e) => e.detail < 2 && run('thread.delete', { thread: t })}><Icon name="trash" /></button>
          </div>
        )}
      </div>
      {expanded ? (
        <div className="thread-body">
          <div className="entry-fields question">
            <TextField label="Name" className="field-name" value={nameOf(value)} path={`${path}.name`} diagnostics={fields.get('name')} readOnly={readOnly} list="people-names" onChange={(value) => run('thread.edit', { thread: t, key: 'name', value })} />
            <TextField label="Text" className="field-text" multiline value={textOf(value)} path={`${path}.text`} diagnostics={fields.get('text')} readOnly={readOnly} onChange={(value) => run('thread.edit', { thread: t, key: 'text', value })} />
          </div>
          <FieldMessages diagnostics={[...(fields.get('') ?? []), ...(fields.get('replies') ?? [])]} />
          {replies.length ? (
            <div className="replies" role="list" aria-label={`Replies of thread ${t + 1}`}>
              {replies.map((reply, r) => (
                <div role="listitem" key={r}>
                  <ReplyCard thread={t} index={r} value={reply} count={replies.length} diagnostics={slices.current[r]!} run={run} readOnly={readOnly} />
                </div>
              ))}
            </div>
          ) : null}
          <ReplyEnd thread={t} readOnly={readOnly} onAdd={() => run('reply.add', { thread: t })} />
        </div>
      ) : null}
    </article>
  );
});

function ReplyEnd({ thread, readOnly, onAdd }: { thread: number; readOnly: boolean; onAdd: () => void }) {
  const id = replyEndDropId(thread);
  const { setNodeRef } = useDroppable({ id, data: { kind: 'replyEnd', thread } });
  const position = useDropIndicator(id);
  return (
    <div ref={setNodeRef} className={`reply-end${position ? ' drop-inside' : ''}`}>
      {readOnly ? null : (
        <button type="button" className="btn btn-ghost btn-small" onClick={onAdd}>
          <Icon name="plus" size={14} />
          <span>Add reply</span>
        </button>
      )}
    </div>
  );
}
