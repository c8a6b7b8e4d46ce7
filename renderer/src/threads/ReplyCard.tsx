/** One reply: its name and text, its drag handle, and its moves. Memoized on the reply's value. */
import { memo } from 'react';
import { nameOf, replyLabel, textOf } from '../../../shared/index';
import type { Value, Diagnostic } from '../../../shared/index';
import type { Run } from '../commands/useRun';
import { withShortcut } from '../commands/shortcut';
import { TextField } from '../ui/TextField';
import { FieldMessages } from '../ui/FieldMessages';
import { Icon } from '../ui/Icon';
import { altStep, viaOf } from '../ui/moveKeys';
import { byField } from './diagnosticSlices';
import { replyDropId, useCardDnd } from './dnd';

interface Props {
  readonly thread: number;
  readonly index: number;
  readonly value: Value;
  /** How many replies the thread has. */
  readonly count: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Runs the card's commands (stable, so the memoized card keeps its props). */
  readonly run: Run;
  readonly readOnly: boolean;
}

export const ReplyCard = memo(function ReplyCard({ thread: t, index: r, value, count, diagnostics, run, readOnly }: Props) {
  const label = replyLabel(r, value);
  const path = `archive.${t}.replies.${r}`;
  const { drag, position, setRef } = useCardDnd({ kind: 'reply', thread: t, reply: r, label }, { kind: 'reply', thread: t, reply: r }, replyDropId(t, r), readOnly);
  const fields = byField(diagnostics, 4);
  return (
    <article ref={setRef} className={`card reply${drag.isDragging ? ' dragging' : ''}${position ? ` drop-${position}` : ''}`} aria-label={label} data-path={path} tabIndex={-1}
      onKeyDown={(e) => {
        // Alt+Up / Alt+Down anywhere in the reply moves it one slot in its thread (not the thread around it).
        const step = altStep(e);
        if (!step || readOnly) return;
        e.preventDefault();
        e.stopPropagation();
        if (r + step >= 0 && r + step < count) run('reply.move', { thread: t, reply: r, toThread: t, toIndex: r + step, via: viaOf(document.activeElement, path) });
      }}
    >
      <div className="card-bar">
        <button type="button" ref={drag.setActivatorNodeRef} {...drag.listeners} {...drag.attributes} className="handle" data-control={`${path}:handle`} aria-label={`Drag ${label}`} title="Drag to move (or Space, arrows, Space; Alt+Up or Alt+Down)" disabled={readOnly}>
          <Icon name="grip" size={14} />
        </button>
        <span className="card-kicker">Reply {r + 1}</span>
        <div className="spacer" />
        {readOnly ? null : (
          <div className="card-actions">
            <button type="button" className="icon-btn" data-control={`${path}:up`} aria-label="Move up" title={withShortcut('Move up (Alt+Up)', 'reply.move')} disabled={r === 0} onClick={() => run('reply.move', { thread: t, reply: r, toThread: t, toIndex: r - 1, via: 'up' })}><Icon name="up" /></button>
            <button type="button" className="icon-btn" data-control={`${path}:down`} aria-label="Move down" title={withShortcut('Move down (Alt+Down)', 'reply.move')} disabled={r === count - 1} onClick={() => run('reply.move', { thread: t, reply: r, toThread: t, toIndex: r + 1, via: 'down' })}><Icon name="down" /></button>
            <button type="button" className="icon-btn" aria-label="Move to…" title={withShortcut('Move to another place or thread…', 'reply.moveTo')} onClick={() => run('reply.moveTo', { thread: t, reply: r })}><Icon name="moveTo" /></button>
            <button type="button" className="icon-btn" aria-label="Promote to thread" title={withShortcut('Promote to thread', 'reply.promote')} onClick={() => run('reply.promote', { thread: t, reply: r })}><Icon name="promote" /></button>
            <button type="button" className="icon-btn" aria-label="Insert reply below" title={withShortcut('Insert a reply below this one', 'reply.add')} onClick={() => run('reply.add', { thread: t, after: r })}><Icon name="insertBelow" /></button>
            <button type="button" className="icon-btn danger" aria-label="Delete" title={withShortcut('Delete reply', 'reply.delete')} onClick={(e) => e.detail < 2 && run('reply.delete', { thread: t, reply: r })}><Icon name="trash" /></button>
          </div>
        )}
      </div>
      <div className="entry-fields">
        <TextField label="Name" className="field-name" value={nameOf(value)} path={`${path}.name`} diagnostics={fields.get('name')} readOnly={readOnly} list="people-names" onChange={(value) => run('reply.edit', { thread: t, reply: r, key: 'name', value })} />
        <TextField label="Text" className="field-text" multiline value={textOf(value)} path={`${path}.text`} diagnostics={fields.get('text')} readOnly={readOnly} onChange={(value) => run('reply.edit', { thread: t, reply: r, key: 'text', value })} />
      </div>
      <FieldMessages diagnostics={fields.get('')} />
    </article>
  );
});
