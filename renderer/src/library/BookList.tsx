/** The site's books, newest first: title, week, authors and a badge for errors. Click or Enter opens; arrows move. */
import type { KeyboardEvent } from 'react';
import { formatPeopleName } from '../../../shared/index';
import type { BookSummary, GitChangeKind, Person } from '../../../shared/api';
import { ChangeMark } from '../ui/ChangeMark';

interface Props {
  readonly books: readonly BookSummary[];
  readonly people: readonly Person[];
  readonly current: string | null;
  readonly dirty: boolean;
  readonly onOpen: (path: string) => void;
  /** Books changed since the last commit (git), by path. */
  readonly changes?: ReadonlyMap<string, GitChangeKind>;
}

/** `5–9 Jul 2021` from the book's start and end. */
export function weekLabel(start: string, end: string): string {
  const s = /^(\d{4})-(\d{2})-(\d{2})/.exec(start);
  const e = /^(\d{4})-(\d{2})-(\d{2})/.exec(end);
  if (!s) return start || 'no date';
  const month = (m: string) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1] ?? m;
  if (!e) return `${Number(s[3])} ${month(s[2]!)} ${s[1]}`;
  if (s[1] === e[1] && s[2] === e[2]) return `${Number(s[3])}–${Number(e[3])} ${month(s[2]!)} ${s[1]}`;
  return `${Number(s[3])} ${month(s[2]!)} – ${Number(e[3])} ${month(e[2]!)} ${e[1]}`;
}

export function BookList({ books, people, current, dirty, onOpen, changes }: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.book')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
    items[next]?.focus();
    e.preventDefault();
  };
  if (!books.length) return <p className="empty">No books match.</p>;
  return (
    <ul className="book-list" aria-label="Books" onKeyDown={onKeyDown}>
      {books.map((b) => {
        const open = b.path === current;
        const authors = b.authors.map((a) => formatPeopleName(a, people)).join(', ');
        if (b.problem) {
          // Not a book the editor can open (a FIFO, a name the site cannot serve, …): the row says why, and stays reachable by keyboard.
          return (
            <li key={b.path}>
              <button type="button" className="book book-problem" aria-disabled="true" title={b.path}>
                <span className="book-title">{b.id}</span>
                <span className="book-meta">{b.problem}</span>
                <span className="badge badge-error" aria-label="cannot be opened">!</span>
              </button>
            </li>
          );
        }
        const change = changes?.get(b.path);
        return (
          <li key={b.path}>
            <button type="button" className={`book${open ? ' open' : ''}${change ? ' changed' : ''}`} aria-current={open ? 'true' : undefined} onClick={() => onOpen(b.path)} title={b.path}>
              <span className="book-title">
                {open && dirty ? <span className="dirty-dot" aria-label="unsaved changes">●</span> : null}
                {b.title || b.id}
              </span>
              {change ? <ChangeMark change={change} /> : null}
              <span className="book-meta">
                <span>{weekLabel(b.start, b.end)}</span>
                {authors ? <span className="book-authors">{authors}</span> : null}
              </span>
              {b.errors ? <span className="badge badge-error" aria-label={`${b.errors} error${b.errors === 1 ? '' : 's'}`}>{b.errors}</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
