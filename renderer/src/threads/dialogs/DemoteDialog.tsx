/** Turn a thread into a reply of another thread: pick the thread and the position. */
import { useState } from 'react';
import { repliesOf, replyLabel, threadLabel } from '../../../../shared/index';
import type { Value } from '../../../../shared/index';
import { Dialog } from '../../ui/Dialog';
import { landing, PositionPicker, ThreadPicker } from './pickers';

interface Props {
  readonly threads: readonly Value[];
  readonly thread: number;
  readonly onDemote: (target: number, index: number) => void;
  readonly onClose: () => void;
}

export function DemoteDialog({ threads, thread, onDemote, onClose }: Props) {
  const first = thread === 0 ? 1 : thread - 1;
  const [target, setTarget] = useState(first);
  const [index, setIndex] = useState(repliesOf(threads[first]).length);
  const labels = repliesOf(threads[target]).map((r, i) => replyLabel(i, r));
  const own = repliesOf(threads[thread]).length;
  return (
    <Dialog
      title="Demote thread to reply"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={() => onDemote(target, index)}>Demote</button>
        </>
      }
    >
      <p className="dialog-lead">
        {threadLabel(thread, threads[thread])} becomes a reply{own ? `; its ${own === 1 ? 'reply follows' : `${own} replies follow`} it` : ''}.
      </p>
      <ThreadPicker threads={threads} value={target} exclude={thread} onChange={(t) => { setTarget(t); setIndex(repliesOf(threads[t]).length); }} autoFocus />
      <PositionPicker count={labels.length + 1} value={index} onChange={setIndex} describe={(i) => landing(labels, i)} />
    </Dialog>
  );
}
