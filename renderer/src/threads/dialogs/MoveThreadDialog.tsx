/** Move a thread by keyboard: pick its new position, then Move. */
import { useState } from 'react';
import { threadLabel } from '../../../../shared/index';
import type { Value } from '../../../../shared/index';
import { Dialog } from '../../ui/Dialog';
import { landing, PositionPicker } from './pickers';

interface Props {
  readonly threads: readonly Value[];
  readonly thread: number;
  readonly onMove: (toIndex: number) => void;
  readonly onClose: () => void;
}

export function MoveThreadDialog({ threads, thread, onMove, onClose }: Props) {
  const [index, setIndex] = useState(thread);
  const labels = threads.map((t, i) => threadLabel(i, t)).filter((_, i) => i !== thread);
  return (
    <Dialog
      title="Move thread"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={() => onMove(index)} disabled={index === thread}>Move</button>
        </>
      }
    >
      <p className="dialog-lead">{threadLabel(thread, threads[thread])}</p>
      <PositionPicker count={threads.length} value={index} onChange={setIndex} describe={(i) => landing(labels, i)} autoFocus />
    </Dialog>
  );
}
