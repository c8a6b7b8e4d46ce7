/** "Reschedule…": the book moves to another week; its dates, file name, image folder and the paths to it follow. */
import { useId, useState } from 'react';
import { bookIdOf, imageFolderOf, mondayOf, rescheduledPath, siteWeek } from '../../../shared/index';
import { Dialog } from '../ui/Dialog';

interface Props {
  /** The book's site-relative path. */
  readonly path: string;
  /** The book's start (`YYYY-MM-DD HH:MM:SS`), to start from; may be empty or odd. */
  readonly start: string;
  /** Moves the book to the week of `day`; resolves to null when done, else why not in words. */
  readonly onReschedule: (day: string) => Promise<string | null>;
  readonly onClose: () => void;
}

export function RescheduleDialog({ path, start, onReschedule, onClose }: Props) {
  const id = useId();
  const [day, setDay] = useState(() => (/^\d{4}-\d{2}-\d{2}/.exec(start)?.[0] ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const monday = mondayOf(day);
  const to = monday ? rescheduledPath(path, day) : null;
  const week = monday ? siteWeek(monday) : null;
  const submit = async () => {
    if (!monday || !to) return setError('Pick a day of the week the book should run.');
    setBusy(true);
    const problem = await onReschedule(day);
    setBusy(false);
    if (problem) setError(problem);
  };
  return (
    <Dialog
      title="Reschedule"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" form={`${id}-form`} className="btn btn-primary" disabled={busy || !monday}>Reschedule</button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={(e) => { e.preventDefault(); void submit(); }} className="stack">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-day`}>Week</label>
          <input id={`${id}-day`} className="input" type="date" value={day} onChange={(e) => { setDay(e.target.value); setError(null); }} data-autofocus required />
          <p className="hint">Any day of the week; the book runs Monday to Friday.</p>
        </div>
        {week && to ? (
          <dl className="reschedule-plan" aria-live="polite">
            <dt>Runs</dt>
            <dd>{week.start} to {week.end}</dd>
            <dt>File</dt>
            <dd><code>{to}</code>{to === path ? ' (unchanged)' : ''}</dd>
            <dt>Images</dt>
            <dd><code>{imageFolderOf(bookIdOf(to))}/</code>, with <code>cover</code> and <code>image</code> pointing there</dd>
          </dl>
        ) : null}
        <p className="hint">One step: Undo puts the dates back and renames the file and folder back.</p>
        {error ? <p className="msg msg-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
}
