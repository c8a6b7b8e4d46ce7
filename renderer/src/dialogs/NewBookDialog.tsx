/**
 * A new book from the site's conventions: title, authors and the week it runs. As you type it shows
 * what will be created: the file, the week (Monday to Friday) and the image paths. Authors are chips,
 * each completed from the site's people.
 */
import { useId, useState } from 'react';
import { newBookNames } from '../../../shared/index';
import type { NewBookRequest, Person } from '../../../shared/api';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { PeopleInput, resolvePerson } from '../ui/PeopleInput';

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `Mon 6 May 2024` of a `YYYY-MM-DD`. */
const dayWords = (day: string, weekday: string) => {
  const [y, m, d] = day.split('-');
  return `${weekday} ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
};

export function NewBookDialog({ people, onCreate, onClose }: Props) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [authors, setAuthors] = useState<readonly string[]>([]);
  const [pending, setPending] = useState('');
  const [week, setWeek] = useState(nextMonday);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = newBookNames(title, week);
  const nameOf = (a: string) => people.find((p) => p.id === a)?.name ?? a;
  const submit = async () => {
    if (!title.trim()) return setError('Give the book a title.');
    setBusy(true);
    // What is still typed in the authors box counts too (comma-separated).
    const list = [...authors, ...pending.split(',').filter((a) => a.trim()).map((a) => resolvePerson(people, a))];
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
        <div className="field field-authors" role="group" aria-labelledby={`${id}-authors`}>
          <span className="field-label" id={`${id}-authors`}>Authors</span>
          <div className="chips">
            {authors.map((a, i) => (
              <span className="chip" key={`${i}-${a}`}>
                <span className="chip-main chip-static">
                  <span className="chip-name">{nameOf(a)}</span>
                  {nameOf(a) !== a ? <span className="chip-id">{a}</span> : <span className="chip-id">no page</span>}
                </span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${nameOf(a)}`}
                  onClick={(e) => {
                    const box = e.currentTarget.closest('.chips');
                    setAuthors(authors.filter((_, k) => k !== i));
                    // Focus goes to the chip that takes its place, else to the box.
                    requestAnimationFrame(() => (box?.querySelectorAll<HTMLElement>('.chip-remove')[i] ?? box?.querySelector<HTMLElement>('input'))?.focus());
                  }}
                >
                  <Icon name="close" size={12} />
                </button>
              </span>
            ))}
            <PeopleInput people={people} exclude={authors} label="Add author" onAdd={(a) => setAuthors((list) => [...list, a])} onPending={setPending} />
          </div>
          <p className="hint">People ids or names; Enter or a comma adds each one.</p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-week`}>Start week</label>
          <input id={`${id}-week`} className="input" type="date" value={week} onChange={(e) => setWeek(e.target.value)} required />
          <p className="hint">Any day of the week; the book runs Monday to Friday.</p>
        </div>
        <dl className="new-book-names" aria-label="What will be created">
          {names ? (
            <>
              <dt>File</dt>
              <dd><code>{names.path}</code></dd>
              <dt>Week</dt>
              <dd>{dayWords(names.monday, 'Mon')} – {dayWords(names.friday, 'Fri')} <span className="muted">(<code>{names.start}</code> to <code>{names.end}</code>)</span></dd>
              <dt>Cover</dt>
              <dd><code>{names.cover}</code></dd>
              <dt>Preview</dt>
              <dd><code>{names.image}</code></dd>
            </>
          ) : (
            <>
              <dt>Week</dt>
              <dd>Pick a day to see the week.</dd>
            </>
          )}
        </dl>
        {error ? <p className="msg msg-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
}
