/** The sidebar: the site's books with a search box, and New Book. */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useServices } from '../services/services';
import { CommandButton } from '../commands/CommandButton';
import { useEditor } from '../store/hooks';
import { dirtyOf } from '../store/derived';
import { Icon } from '../ui/Icon';
import { BookList } from './BookList';

export function LibraryPane({ themeButton }: { readonly themeButton?: ReactNode }) {
  const { store, session } = useServices();
  const books = useEditor((s) => s.site.books);
  const people = useEditor((s) => s.site.people);
  const query = useEditor((s) => s.ui.bookFilter);
  const current = useEditor((s) => s.book?.path ?? null);
  const dirty = useEditor(dirtyOf);
  const site = useEditor((s) => s.site.info);
  const error = useEditor((s) => s.site.error);
  const git = useEditor((s) => s.site.git);
  const changes = useMemo(() => new Map(git?.available ? git.files.filter((f) => f.kind === 'book').map((f) => [f.path, f.change]) : []), [git]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return books;
    const names = new Map(people.map((p) => [p.id, p.name.toLowerCase()]));
    return books.filter((b) => b.title.toLowerCase().includes(q) || b.id.toLowerCase().includes(q) || b.authors.some((a) => a.toLowerCase().includes(q) || names.get(a)?.includes(q)));
  }, [books, people, query]);
  return (
    <nav className="library" aria-label="Library">
      <div className="library-head">
        <div className="site-name" title={site?.root}>
          <Icon name="book" size={16} />
          <span>{site?.name ?? 'Book Editor'}</span>
        </div>
        {themeButton}
        <CommandButton command="newBook" className="btn btn-small" icon={<Icon name="plus" size={14} />} />
      </div>
      <div className="filter library-search">
        <Icon name="search" size={14} />
        <input
          id="book-search"
          className="input input-filter"
          type="search"
          aria-label="Search books"
          placeholder="Search title, author, id"
          value={query}
          onChange={(e) => store.setUi({ bookFilter: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && shown[0]) session.requestOpen(shown[0].path);
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.getElementById('book-list')?.focus();
            }
          }}
        />
      </div>
      <div className="library-count muted">{query ? `${shown.length} of ${books.length} books` : `${books.length} books`}</div>
      {error ? <p className="msg msg-error" role="alert">{error}</p> : null}
      <BookList books={shown} people={people} current={current} dirty={dirty} onOpen={(p) => session.requestOpen(p)} changes={changes} />
    </nav>
  );
}
