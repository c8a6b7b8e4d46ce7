/**
 * One Q&A thread as a card: the asker, the first line of the question and the reply count
 * when collapsed; the question and its replies when expanded. Memoized on the thread's
 * value: the core shares unchanged threads, so typing in one card renders only that card.
 */
import { memo, useRef } from 'react';
import type { Diagnostic, Value } from '../../../shared/index';
import { TextField } from '../form/TextField';
import { FieldMessages } from '../form/FieldMessages';
import { Icon } from '../ui/Icon';
import { byField, replySlice } from './diagnosticSlices';
import { replyEndDropId, threadDropId, useCardDnd, useDroppable, useDropIndicator } from './dnd';
import { ReplyCard } from './ReplyCard';
import type { ThreadActions } from './threadActions';
import { firstLine, nameOf, repliesOf, textOf, threadLabel } from './threadValue';

interface Props {
  readonly index: number;
  readonly value: Value;
  /** How many threads the book has. */
  readonly count: number;
  readonly expanded: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly actions: ThreadActions;
  readonly readOnly: boolean;
}

export const ThreadCard = memo(function ThreadCard({ index: t, value, count, expanded, diagnostics, actions, readOnly }: Props) {
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
    <article ref={setRef} className={`card thread${expanded ? ' expanded' : ''}${drag.isDragging ? ' dragging' : ''}${position ? ` drop-${position}` : ''}`} aria-label={label} data-path={path} tabIndex={-1}>
      <div className="card-bar thread-bar">
        <button type="button" ref={drag.setActivatorNodeRef} {...drag.listeners} {...drag.attributes} className="handle" aria-label={`Drag ${label}`} title="Drag to move (or Space, arrows, Space)" disabled={readOnly}>
          <Icon name="grip" size={14} />
        </button>
        <button type="button" className="thread-toggle" aria-expanded={expanded} aria-label={`${expanded ? 'Collapse' : 'Expand'} thread ${t + 1}`} onClick={() => actions.toggle(t)}>
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
            <button type="button" className="icon-btn" aria-label="Move up" title="Move thread up" disabled={t === 0} onClick={() => actions.moveThread(t, t - 1)}><Icon name="up" /></button>
            <button type="button" className="icon-btn" aria-label="Move down" title="Move thread down" disabled={t === count - 1} onClick={() => actions.moveThread(t, t + 1)}><Icon name="down" /></button>
            <button type="button" className="icon-btn" aria-label="Move to…" title="Move thread to a position…" onClick={() => actions.openMoveThread(t)}><Icon name="moveTo" /></button>
            <button type="button" className="icon-btn" aria-label="Demote to reply…" title="Make this thread a reply of another thread…" disabled={count < 2} onClick={() => actions.openDemote(t)}><Icon name="demote" /></button>
            <button type="button" className="icon-btn" aria-label="Merge into…" title="Merge this thread into another…" disabled={count < 2} onClick={() => actions.openMerge(t)}><Icon name="merge" /></button>
            <button type="button" className="icon-btn danger" aria-label="Delete" title="Delete thread" onClick={() => actions.deleteThread(t)}><Icon name="trash" /></button>
          </div>
        )}
      </div>
      {expanded ? (
        <div className="thread-body">
          <div className="entry-fields question">
            <TextField label="Name" className="field-name" value={nameOf(value)} path={`${path}.name`} diagnostics={fields.get('name')} readOnly={readOnly} list="people-names" onChange={(v) => actions.set(['archive', t, 'name'], v, 'Edit thread name')} />
            <TextField label="Text" className="field-text" multiline value={textOf(value)} path={`${path}.text`} diagnostics={fields.get('text')} readOnly={readOnly} onChange={(v) => actions.set(['archive', t, 'text'], v, 'Edit question')} />
          </div>
          <FieldMessages diagnostics={[...(fields.get('') ?? []), ...(fields.get('replies') ?? [])]} />
          {replies.length ? (
            <div className="replies" role="list" aria-label={`Replies of thread ${t + 1}`}>
              {replies.map((reply, r) => (
                <div role="listitem" key={r}>
                  <ReplyCard thread={t} index={r} value={reply} count={replies.length} diagnostics={slices.current[r]!} actions={actions} readOnly={readOnly} />
                </div>
              ))}
            </div>
          ) : null}
          <ReplyEnd thread={t} readOnly={readOnly} onAdd={() => actions.addReply(t)} />
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
