/**
 * A combobox that adds people: it suggests them by id and name as you type, the first suggestion
 * highlighted; Enter adds the highlighted one (Escape closes the list, then Enter adds the text as
 * typed); a comma ends an entry, so "a, b, c" adds three (each the person it names, or the only one
 * it matches). Enter in an empty box is left to the form.
 */
import { useId, useMemo, useState } from 'react';
import type { Person } from '../../../shared/api';

interface Props {
  readonly people: readonly Person[];
  /** Ids already chosen, not suggested again. */
  readonly exclude: readonly string[];
  readonly onAdd: (value: string) => void;
  /** What the box is called (`Add author`); the placeholder says it too. */
  readonly label: string;
  /** Its `data-control`, for focus to come back to it. */
  readonly control?: string;
  /** The text typed and not added yet. */
  readonly onPending?: (text: string) => void;
}

/** The person a typed entry means: the one whose id or name it is, else the only one it matches; else the text as typed. */
export function resolvePerson(people: readonly Person[], text: string): string {
  const q = text.trim().toLowerCase();
  const exact = people.find((p) => p.id.toLowerCase() === q || p.name.toLowerCase() === q);
  if (exact) return exact.id;
  const some = q ? people.filter((p) => p.id.toLowerCase().includes(q) || p.name.toLowerCase().includes(q)) : [];
  return some.length === 1 ? some[0]!.id : text.trim();
}

export function PeopleInput({ people, exclude, onAdd, label, control, onPending }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const q = query.trim().toLowerCase();
  const matches = useMemo(
    () => (q ? people.filter((p) => !exclude.includes(p.id) && (p.id.toLowerCase().includes(q) || p.name.toLowerCase().includes(q))).slice(0, 8) : []),
    [people, exclude, q],
  );
  const type = (text: string) => {
    setQuery(text);
    onPending?.(text);
  };
  const add = (value: string) => {
    if (!value.trim()) return;
    onAdd(value.trim());
    type('');
    setActive(0);
  };
  const shown = open && matches.length > 0;
  // The highlighted suggestion: the first one until the arrows pick another.
  const current = shown ? Math.min(Math.max(active, 0), matches.length - 1) : -1;
  return (
    <div className="combo">
      <input
        id={id}
        className="input input-chip"
        type="text"
        role="combobox"
        data-control={control}
        aria-label={label}
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${id}-opt-${current}` : undefined}
        placeholder={`${label}…`}
        value={query}
        onChange={(e) => {
          // A comma ends an entry (typed or pasted): each one before it is added as typed.
          const parts = e.target.value.split(',');
          for (const part of parts.slice(0, -1)) add(resolvePerson(people, part));
          type(parts.at(-1)!);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && matches.length) {
            e.preventDefault();
            if (!shown) return setOpen(true);
            setActive((current + 1) % matches.length);
          } else if (e.key === 'ArrowUp' && matches.length) {
            e.preventDefault();
            setActive(current <= 0 ? matches.length - 1 : current - 1);
          } else if (e.key === 'Enter' && (current >= 0 || query.trim())) {
            e.preventDefault();
            add(current >= 0 ? matches[current]!.id : query);
          } else if (e.key === 'Escape' && shown) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {shown ? (
        <ul className="combo-list" id={`${id}-list`} role="listbox" aria-label="People">
          {matches.map((p, i) => (
            <li key={p.id} id={`${id}-opt-${i}`} role="option" aria-selected={i === current} className={i === current ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); add(p.id); }}>
              <span>{p.name}</span>
              <span className="muted">{p.id}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
