/**
 * Review before save: the file as it is on disk (read again now) against what Save would
 * write, in a Monaco diff, with the count of changed lines up front. The product's promise
 * is that this diff is small; this is where the user sees it. Save from here.
 */
import { useEffect, useMemo, useState } from 'react';
import { useServices } from '../services/services';
import { useEditor } from '../store/hooks';
import { freshDiagnosticsOf } from '../store/derived';
import { lineDiff } from '../diff/lineDiff';
import { Dialog } from '../ui/Dialog';
import { summarize, summaryText } from './diffSummary';
import { DiffPanel } from './DiffPanel';

interface Disk {
  readonly text: string;
  /** The file is not on disk (new, or removed). */
  readonly missing: boolean;
}

export function ReviewDialog({ onClose }: { readonly onClose: () => void }) {
  const { session } = useServices();
  const path = useEditor((s) => s.book?.path ?? '');
  const mine = useEditor((s) => s.book?.doc.text ?? '');
  const savedText = useEditor((s) => s.book?.savedText ?? '');
  const busy = useEditor((s) => s.ui.busy);
  const errors = useEditor((s) => freshDiagnosticsOf(s).filter((d) => d.severity === 'error').length);
  const [disk, setDisk] = useState<Disk | null>(null);

  // Read from disk when the dialog opens and after each save, so the left side is the file as it is.
  useEffect(() => {
    let live = true;
    void session.diskText(path).then((text) => live && setDisk(text === null ? { text: '', missing: true } : { text, missing: false }));
    return () => {
      live = false;
    };
  }, [session, path, savedText]);

  const summary = useMemo(() => (disk ? summarize(lineDiff(disk.text, mine)) : null), [disk, mine]);
  const same = disk !== null && disk.text === mine;
  const hostGone = useEditor((s) => s.ui.hostGone);
  const reason = hostGone ? "The editor's host is not reachable: Save is off until it is back." : errors ? `Fix the ${errors === 1 ? 'error' : `${errors} errors`} in the problems list first.` : same ? 'Nothing to save: the file on disk already holds this text.' : null;
  const save = () => void session.save().then((ok) => ok && onClose());

  return (
    <Dialog
      title="Review changes"
      size="full"
      onClose={onClose}
      footer={
        <>
          {reason ? <span className="review-reason" id="review-reason">{reason}</span> : null}
          <button type="button" className="btn" onClick={onClose}>Close</button>
          <button type="button" className="btn btn-primary" disabled={!!reason || busy || !disk} aria-describedby={reason ? 'review-reason' : undefined} onClick={save}>Save</button>
        </>
      }
    >
      <div className="review-head">
        <p className="review-summary" role="status">
          {summary ? <strong>{summaryText(summary)}</strong> : 'Reading the file on disk…'}
          {summary && (summary.added || summary.removed) ? <span className="muted"> · the other {summary.kept} line{summary.kept === 1 ? '' : 's'} stay byte for byte as they are</span> : null}
        </p>
        <span className="muted review-path">{disk?.missing ? `${path} is not on disk yet: all of it is new.` : path}</span>
      </div>
      {disk ? <DiffPanel original={disk.text} modified={mine} /> : null}
    </Dialog>
  );
}
