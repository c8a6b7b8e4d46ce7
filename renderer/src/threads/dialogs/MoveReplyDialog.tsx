/** Move a reply by keyboard: pick the thread and the position, then Move. */
import { useState } from 'react';
import { repliesOf, replyLabel, threadLabel } from '../../../../shared/index';
import type { Value } from '../../../../shared/index';
import { Dialog } from '../../ui/Dialog';
import { landing, PositionPicker, ThreadPicker } from './pickers';

interface Props {
  readonly threads: readonly Value[];
  readonly thread: number;
  readonly reply: number;
  readonly onMove: (toThread: number, toIndex: number) => void;
  readonly onClose: () => void;
}

export function MoveReplyDialog({ threads, thread, reply, onMove, onClose }: Props) {
  const [target, setTarget] = useState(thread);
  const [index, setIndex] = useState(reply);
  // The replies of the target thread as they are once the moved reply is out.
  const others = repliesOf(threads[target]).map((r, i) => ({ r, i })).filter(({ i }) => target !== thread || i !== reply);
  const labels = others.map(({ r, i }) => replyLabel(i, r));
  const count = others.length + 1;
  const pick = (t: number) => {
    setTarget(t);
    setIndex(t === thread ? reply : repliesOf(threads[t]).length);
  };
  const current = repliesOf(threads[thread])[reply];
  return (
    <Dialog
      title="Move reply"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={() => onMove(target, Math.min(index, count - 1))} disabled={target === thread && index === reply}>Move</button>
        </>
      }
    >
      <p className="dialog-lead">{replyLabel(reply, current)}, now in {threadLabel(thread, threads[thread])}.</p>
      <ThreadPicker threads={threads} value={target} onChange={pick} autoFocus />
      <PositionPicker count={count} value={Math.min(index, count - 1)} onChange={setIndex} describe={(i) => landing(labels, i)} />
    </Dialog>
  );
}
