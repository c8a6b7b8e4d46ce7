/**
 * Authors as chips: people ids shown with their names, free names allowed for authors
 * without a page. Reorder by drag, or with Alt+Left / Alt+Right on a chip; add from a
 * combobox that suggests people by id and name: the first suggestion is highlighted and Enter
 * adds the highlighted one (Escape closes the list, then Enter adds the text as typed).
 */
import { memo, useId, useMemo, useState } from 'react';
import type { Diagnostic } from '../../../shared/index';
import type { Person } from '../../../shared/api';
import { Icon } from '../ui/Icon';
import { SortableList } from '../ui/SortableList';
import { FieldMessages } from '../ui/FieldMessages';
import { altStep } from '../ui/moveKeys';

interface Props {
  readonly authors: readonly string[];
  readonly people: readonly Person[];
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly onAdd: (author: string) => void;
  readonly onRemove: (index: number) => void;
  readonly onMove: (from: number, to: number) => void;
  readonly readOnly?: boolean;
}

export const AuthorsField = memo(function AuthorsField({ authors, people, diagnostics, onAdd, onRemove, onMove, readOnly }: Props) {
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const display = (a: string) => byId.get(a)?.name ?? a;
  const ids = useMemo(() => authors.map((a, i) => `author-${i}-${a}`), [authors]);
  const own = [...(diagnostics.get('authors') ?? []), ...authors.flatMap((_, i) => diagnostics.get(`authors.${i}`) ?? [])];
  return (
    <div className="field field-authors" role="group" aria-labelledby="authors-label">
      <span className="field-label" id="authors-label">Authors</span>
      <div className="chips" data-path="authors">
        <SortableList
          ids={ids}
          direction="horizontal"
          onMove={onMove}
          describe={(i) => `author ${display(authors[i] ?? '')}`}
          renderItem={(i, item, handle) => {
            const a = authors[i]!;
            const person = byId.get(a);
            const bad = diagnostics.get(`authors.${i}`);
            return (
              <span ref={item.ref as React.Ref<HTMLSpanElement>} style={item.style} className={`chip${item.dragging ? ' dragging' : ''}${bad ? ' chip-warning' : ''}`} data-path={`authors.${i}`}>
                <button
                  type="button"
                  ref={handle.ref}
                  {...handle.props}
                  className="chip-main"
                  data-control={`authors.${i}:chip`}
                  aria-label={`Author ${i + 1}: ${display(a)}${person ? ` (${a})` : ''}. Alt+Left or Alt+Right moves it.`}
                  onKeyDown={(e) => {
                    const step = altStep(e, true) || altStep(e);
                    if (step && !readOnly) {
                      e.preventDefault();
                      const to = i + step;
                      if (to >= 0 && to < authors.length) onMove(i, to);
                      return;
                    }
                    handle.props.onKeyDown?.(e);
                  }}
                >
                  <span className="chip-name">{display(a)}</span>
                  {person && person.name !== a ? <span className="chip-id">{a}</span> : null}
                  {!person ? <span className="chip-id">no page</span> : null}
                </button>
                {readOnly ? null : (
                  <button type="button" className="chip-remove" aria-label={`Remove ${display(a)}`} title={`Remove ${display(a)}`} onClick={(e) => e.detail < 2 && onRemove(i)}>
                    <Icon name="close" size={12} />
                  </button>
                )}
              </span>
            );
          }}
        />
        {readOnly ? null : <AuthorInput people={people} exclude={authors} onAdd={onAdd} />}
      </div>
      <FieldMessages diagnostics={own} />
    </div>
  );
});

function AuthorInput({ people, exclude, onAdd }: { people: readonly Person[]; exclude: readonly string[]; onAdd: (a: string) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const q = query.trim().toLowerCase();
  const matches = useMemo(
    () => (q ? people.filter((p) => !exclude.includes(p.id) && (p.id.toLowerCase().includes(q) || p.name.toLowerCase().includes(q))).slice(0, 8) : []),
    [people, exclude, q],
  );
  const add = (value: string) => {
    if (!value.trim()) return;
    onAdd(value.trim());
    setQuery('');
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
        data-control="authors:input"
        aria-label="Add author"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${id}-opt-${current}` : undefined}
        placeholder="Add author…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
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
          } else if (e.key === 'Enter') {
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
