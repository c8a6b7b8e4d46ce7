/** The site's books, newest first: title, week, authors and a badge for errors. A listbox: click or Enter opens; arrows and typing move. */
import { useEffect, useRef, useState } from 'react';
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

/** The book a type-ahead of `typed` lands on: the next whose title (or id) starts with it, from `from` on, wrapping around. */
export function typeAhead(books: readonly BookSummary[], typed: string, from: number): number {
  const q = typed.toLowerCase();
  for (let k = 0; k < books.length; k++) {
    const i = (from + k) % books.length;
    const b = books[i]!;
    if ((b.title || b.id).toLowerCase().startsWith(q) || b.id.toLowerCase().startsWith(q)) return i;
  }
  return -1;
}

const optionId = (path: string) => `book-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * One tab stop, as VS Code's lists: the list has the focus and one book is active (the open one at
 * first); Up, Down, Home, End, Page Up and Page Down move, typing jumps to a title, Enter or Space opens.
 */
export function BookList({ books, people, current, dirty, onOpen, changes }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const listRef = useRef<HTMLUListElement>(null);
  const at = Math.max(0, books.findIndex((b) => b.path === (chosen ?? current)));
  const active = books[at];
  useEffect(() => {
    if (!active) return;
    document.getElementById(optionId(active.path))?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  const open = (b: BookSummary | undefined) => {
    if (b && !b.problem) onOpen(b.path);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const last = books.length - 1;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: last, PageDown: at + 10, PageUp: at - 10 };
    if (e.key in moves) {
      setChosen(books[Math.max(0, Math.min(last, moves[e.key]!))]?.path ?? null);
    } else if (e.key === 'Enter' || (e.key === ' ' && !typed.current.text)) {
      open(active);
    } else if (e.key.length === 1 && e.key !== ' ' || (e.key === ' ' && typed.current.text)) {
      const now = Date.now();
      const again = now - typed.current.at < 700;
      typed.current = { text: again ? typed.current.text + e.key : e.key, at: now };
      // A new search starts after the active book; a longer one may stay on it.
      const found = typeAhead(books, typed.current.text, again ? at : at + 1);
      if (found >= 0) setChosen(books[found]!.path);
    } else {
      return;
    }
    e.preventDefault();
  };
  if (!books.length) return <p className="empty">No books match.</p>;
  return (
    <ul
      ref={listRef}
      id="book-list"
      className="book-list"
      role="listbox"
      aria-label="Books"
      tabIndex={0}
      aria-activedescendant={active ? optionId(active.path) : undefined}
      onKeyDown={onKeyDown}
    >
      {books.map((b, i) => {
        const isOpen = b.path === current;
        const cls = `book${isOpen ? ' open' : ''}${i === at ? ' active' : ''}${b.problem ? ' book-problem' : ''}`;
        const select = () => {
          setChosen(b.path);
          listRef.current?.focus({ preventScroll: true });
          open(b);
        };
        if (b.problem) {
          // Not a book the editor can open (a FIFO, a name the site cannot serve, …): the row says why, and stays reachable by keyboard.
          return (
            <li key={b.path} id={optionId(b.path)} role="option" aria-selected={i === at} aria-disabled="true" className={cls} title={b.path} onClick={select}>
              <span className="book-title">{b.id}</span>
              <span className="book-meta">{b.problem}</span>
              <span className="badge badge-error" aria-label="cannot be opened">!</span>
            </li>
          );
        }
        const authors = b.authors.map((a) => formatPeopleName(a, people)).join(', ');
        const change = changes?.get(b.path);
        return (
          <li key={b.path} id={optionId(b.path)} role="option" aria-selected={i === at} aria-current={isOpen ? 'true' : undefined} className={`${cls}${change ? ' changed' : ''}`} title={b.path} onClick={select}>
            <span className="book-title">
              {isOpen && dirty ? <span className="dirty-dot" aria-label="unsaved changes">●</span> : null}
              {b.title || b.id}
            </span>
            {change ? <ChangeMark change={change} /> : null}
            <span className="book-meta">
              <span>{weekLabel(b.start, b.end)}</span>
              {authors ? <span className="book-authors">{authors}</span> : null}
            </span>
            {b.errors ? <span className="badge badge-error" aria-label={`${b.errors} error${b.errors === 1 ? '' : 's'}`}>{b.errors}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
