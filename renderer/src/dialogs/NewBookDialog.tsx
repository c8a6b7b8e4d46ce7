/** A new book from the site's conventions: title, authors and the week it runs. */
import { useId, useState } from 'react';
import type { NewBookRequest, Person } from '../../../shared/api';
import { Dialog } from '../ui/Dialog';

interface Props {
  readonly people: readonly Person[];
  readonly onCreate: (request: NewBookRequest) => Promise<string | null>;
  readonly onClose: () => void;
}

/** The Monday of next week, `YYYY-MM-DD`. */
function nextMonday(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function NewBookDialog({ people, onCreate, onClose }: Props) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [authors, setAuthors] = useState('');
  const [week, setWeek] = useState(nextMonday);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!title.trim()) return setError('Give the book a title.');
    setBusy(true);
    const list = authors.split(',').map((a) => a.trim()).filter(Boolean);
    const problem = await onCreate({ title: title.trim(), authors: list, week });
    setBusy(false);
    setError(problem);
  };
  return (
    <Dialog
      title="New book"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" form={`${id}-form`} className="btn btn-primary" disabled={busy}>Create</button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={(e) => { e.preventDefault(); void submit(); }} className="stack">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} className="input" value={title} onChange={(e) => setTitle(e.target.value)} data-autofocus required />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-authors`}>Authors</label>
          <input id={`${id}-authors`} className="input" value={authors} onChange={(e) => setAuthors(e.target.value)} list={`${id}-people`} placeholder="people ids or names, separated by commas" />
          <datalist id={`${id}-people`}>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </datalist>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-week`}>Start week</label>
          <input id={`${id}-week`} className="input" type="date" value={week} onChange={(e) => setWeek(e.target.value)} required />
          <p className="hint">Any day of the week; the book runs Monday to Friday.</p>
        </div>
        {error ? <p className="msg msg-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
}
