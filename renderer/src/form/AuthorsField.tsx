/**
 * Authors as chips: people ids shown with their names, free names allowed for authors
 * without a page. Reorder by drag, or with Alt+Left / Alt+Right on a chip; add from a
 * combobox that suggests people by id and name: the first suggestion is highlighted and Enter
 * adds the highlighted one (Escape closes the list, then Enter adds the text as typed).
 */
import { memo, useMemo } from 'react';
import type { Diagnostic } from '../../../shared/index';
import type { Person } from '../../../shared/api';
import { Icon } from '../ui/Icon';
import { SortableList } from '../ui/SortableList';
import { FieldMessages } from '../ui/FieldMessages';
import { altStep } from '../ui/moveKeys';
import { PeopleInput } from '../ui/PeopleInput';

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
        {readOnly ? null : <PeopleInput people={people} exclude={authors} onAdd={onAdd} label="Add author" control="authors:input" />}
      </div>
      <FieldMessages diagnostics={own} />
    </div>
  );
});
