/** "Create person…": a people page (`_people/<id>.md`) for an author id that has none, in the site's form. */
import { useId, useState } from 'react';
import { PERSON_ID, personPath } from '../../../shared/index';
import type { NewPerson } from '../../../shared/index';
import { Dialog } from '../ui/Dialog';

interface Props {
  /** The author id the book uses. */
  readonly id: string;
  /** Creates the page; resolves to null when done, else why not in words. */
  readonly onCreate: (person: NewPerson) => Promise<string | null>;
  readonly onClose: () => void;
}

/** A first guess at a display name from an id: `mark-ryan` → `Mark Ryan`. */
export function nameFromId(id: string): string {
  return id
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const OPTIONAL = [
  ['github', 'GitHub user', 'e.g. alexeygrigorev'],
  ['twitter', 'Twitter user', 'e.g. Al_Grigor'],
  ['linkedin', 'LinkedIn id', 'e.g. agrigorev'],
  ['web', 'Web address', 'https://…'],
] as const;

type Optional = (typeof OPTIONAL)[number][0];

export function CreatePersonDialog({ id: person, onCreate, onClose }: Props) {
  const id = useId();
  const [name, setName] = useState(() => nameFromId(person));
  const [extra, setExtra] = useState<Record<Optional, string>>({ github: '', twitter: '', linkedin: '', web: '' });
  const [bio, setBio] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!PERSON_ID.test(person)) return setError(`"${person}" cannot be a people id: use lower-case letters, digits, - and _.`);
    if (!name.trim()) return setError('Give the person a name.');
    if (extra.web.trim() && !/^https?:\/\/\S+$/.test(extra.web.trim())) return setError('The web address must start with http:// or https://.');
    setBusy(true);
    const given = Object.fromEntries(Object.entries(extra).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
    const problem = await onCreate({ id: person, name: name.trim(), ...given, ...(bio.trim() ? { bio: bio.trim() } : {}) });
    setBusy(false);
    setError(problem);
  };
  return (
    <Dialog
      title={`Create person "${person}"`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" form={`${id}-form`} className="btn btn-primary" disabled={busy}>Create {personPath(person)}</button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={(e) => { e.preventDefault(); void submit(); }} className="stack">
        <p className="hint">Writes <code>{personPath(person)}</code> as the site's other people pages are written (<code>short</code>, <code>title</code>, <code>picture</code>). An existing page is never replaced.</p>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-id`}>Id (as the book's authors name it)</label>
          <input id={`${id}-id`} className="input" value={person} readOnly />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} data-autofocus required />
        </div>
        <div className="grid-2 tight">
          {OPTIONAL.map(([key, label, hint]) => (
            <div className="field" key={key}>
              <label className="field-label" htmlFor={`${id}-${key}`}>{label} (optional)</label>
              <input id={`${id}-${key}`} className="input" value={extra[key]} placeholder={hint} onChange={(e) => setExtra({ ...extra, [key]: e.target.value })} />
            </div>
          ))}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-bio`}>About (optional)</label>
          <textarea id={`${id}-bio`} className="input" rows={3} value={bio} onChange={(e) => setBio(e.target.value)} />
        </div>
        {error ? <p className="msg msg-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
}
