/** One reply: its name and text, its drag handle, and its moves. Memoized on the reply's value. */
import { memo } from 'react';
import type { Value, Diagnostic } from '../../../shared/index';
import { TextField } from '../form/TextField';
import { FieldMessages } from '../form/FieldMessages';
import { Icon } from '../ui/Icon';
import { byField } from './diagnosticSlices';
import { replyDropId, useCardDnd } from './dnd';
import type { ThreadActions } from './threadActions';
import { nameOf, replyLabel, textOf } from './threadValue';

interface Props {
  readonly thread: number;
  readonly index: number;
  readonly value: Value;
  /** How many replies the thread has. */
  readonly count: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly actions: ThreadActions;
  readonly readOnly: boolean;
}

export const ReplyCard = memo(function ReplyCard({ thread: t, index: r, value, count, diagnostics, actions, readOnly }: Props) {
  const label = replyLabel(r, value);
  const path = `archive.${t}.replies.${r}`;
  const { drag, position, setRef } = useCardDnd({ kind: 'reply', thread: t, reply: r, label }, { kind: 'reply', thread: t, reply: r }, replyDropId(t, r), readOnly);
  const fields = byField(diagnostics, 4);
  return (
    <article ref={setRef} className={`card reply${drag.isDragging ? ' dragging' : ''}${position ? ` drop-${position}` : ''}`} aria-label={label} data-path={path} tabIndex={-1}>
      <div className="card-bar">
        <button type="button" ref={drag.setActivatorNodeRef} {...drag.listeners} {...drag.attributes} className="handle" aria-label={`Drag ${label}`} title="Drag to move (or Space, arrows, Space)" disabled={readOnly}>
          <Icon name="grip" size={14} />
        </button>
        <span className="card-kicker">Reply {r + 1}</span>
        <div className="spacer" />
        {readOnly ? null : (
          <div className="card-actions">
            <button type="button" className="icon-btn" aria-label="Move up" title="Move up" disabled={r === 0} onClick={() => actions.moveReply(t, r, t, r - 1)}><Icon name="up" /></button>
            <button type="button" className="icon-btn" aria-label="Move down" title="Move down" disabled={r === count - 1} onClick={() => actions.moveReply(t, r, t, r + 1)}><Icon name="down" /></button>
            <button type="button" className="icon-btn" aria-label="Move to…" title="Move to another place or thread…" onClick={() => actions.openMoveReply(t, r)}><Icon name="moveTo" /></button>
            <button type="button" className="icon-btn" aria-label="Promote to thread" title="Promote to thread" onClick={() => actions.promote(t, r)}><Icon name="promote" /></button>
            <button type="button" className="icon-btn" aria-label="Insert reply below" title="Insert a reply below this one" onClick={() => actions.addReply(t, r)}><Icon name="insertBelow" /></button>
            <button type="button" className="icon-btn danger" aria-label="Delete" title="Delete reply" onClick={() => actions.deleteReply(t, r)}><Icon name="trash" /></button>
          </div>
        )}
      </div>
      <div className="entry-fields">
        <TextField label="Name" className="field-name" value={nameOf(value)} path={`${path}.name`} diagnostics={fields.get('name')} readOnly={readOnly} list="people-names" onChange={(v) => actions.set(['archive', t, 'replies', r, 'name'], v, 'Edit reply name')} />
        <TextField label="Text" className="field-text" multiline value={textOf(value)} path={`${path}.text`} diagnostics={fields.get('text')} readOnly={readOnly} onChange={(v) => actions.set(['archive', t, 'replies', r, 'text'], v, 'Edit reply text')} />
      </div>
      <FieldMessages diagnostics={fields.get('')} />
    </article>
  );
});
