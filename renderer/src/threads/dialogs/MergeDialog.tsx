/** Merge a thread into another one. */
import { useState } from 'react';
import { nameOf, threadLabel } from '../../../../shared/index';
import type { Value } from '../../../../shared/index';
import { Dialog } from '../../ui/Dialog';
import { ThreadPicker } from './pickers';

interface Props {
  readonly threads: readonly Value[];
  readonly thread: number;
  readonly onMerge: (into: number) => void;
  readonly onClose: () => void;
}

export function MergeDialog({ threads, thread, onMerge, onClose }: Props) {
  const [into, setInto] = useState(thread === 0 ? 1 : thread - 1);
  const sameAsker = nameOf(threads[into]) === nameOf(threads[thread]);
  return (
    <Dialog
      title="Merge threads"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={() => onMerge(into)}>Merge</button>
        </>
      }
    >
      <p className="dialog-lead">Merge {threadLabel(thread, threads[thread])} into:</p>
      <ThreadPicker threads={threads} value={into} exclude={thread} onChange={setInto} autoFocus />
      <p className="hint">
        {sameAsker ? 'Both were asked by the same person: the questions join into one text, and the replies follow.' : 'The question becomes a reply of that thread, and its replies follow it.'}
      </p>
    </Dialog>
  );
}
