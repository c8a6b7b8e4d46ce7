/** The editor's own commands (files, history, views), run by buttons, shortcuts and the native menu alike. */
import type { Theme } from '../store/uiSlice';
import { isDirty } from '../store/bookSlice';
import { switchView } from '../place/revealPlace';
import { canEditForm, hasBook } from './handler';
import type { Handlers } from './handler';

/** Focuses a field soon; a search box's old query is selected, so typing replaces it (as VS Code's quick open does). */
const focusSoon = (selector: string) =>
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>(selector);
    el?.focus();
    if (el instanceof HTMLInputElement) el.select();
  }, 0);

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

type AppCommandId = 'save' | 'revert' | 'undo' | 'redo' | 'find' | 'searchBooks' | 'newBook' | 'view.form' | 'view.raw' | 'view.preview' | 'review' | 'problems' | 'expandAll' | 'collapseAll' | 'theme' | 'reschedule' | 'changes';

/** What the editor's own commands do. */
export const APP_COMMANDS: Handlers<AppCommandId> = {
  save: { enabled: (c) => hasBook(c) && !c.store.get().ui.busy && !c.store.get().ui.hostGone, run: ({ session }) => session.save() },
  revert: { enabled: ({ store }) => isDirty(store.get().book), run: ({ session }) => session.revert() },
  undo: { enabled: ({ store }) => (store.get().book?.history.undo.length ?? 0) > 0, run: ({ session }) => session.undo() },
  redo: { enabled: ({ store }) => (store.get().book?.history.redo.length ?? 0) > 0, run: ({ session }) => session.redo() },
  find: { run: ({ store }) => focusSoon(store.get().book && store.get().ui.view === 'form' ? '#thread-filter' : '#book-search') },
  searchBooks: { run: () => focusSoon('#book-search') },
  newBook: { run: ({ store }) => store.openDialog({ kind: 'newBook' }) },
  'view.form': { run: ({ store }) => switchView(store, 'form') },
  'view.raw': { run: ({ store }) => switchView(store, 'raw') },
  'view.preview': { run: ({ store }) => store.setUi({ preview: !store.get().ui.preview }) },
  review: { enabled: hasBook, run: ({ store }) => store.openDialog({ kind: 'review' }) },
  problems: { enabled: hasBook, run: ({ store }) => store.setUi({ problemsOpen: !store.get().ui.problemsOpen }) },
  expandAll: { enabled: hasBook, run: ({ store }) => store.setUi({ expandedByDefault: true, toggled: new Set() }) },
  collapseAll: { enabled: hasBook, run: ({ store }) => store.setUi({ expandedByDefault: false, toggled: new Set() }) },
  reschedule: { enabled: (c) => canEditForm(c) && !c.store.get().ui.readOnly && !c.store.get().ui.busy, run: ({ store }) => store.openDialog({ kind: 'reschedule' }) },
  changes: {
    enabled: ({ store }) => store.get().site.git?.available === true,
    run: ({ store, session }) => {
      void session.refreshGit();
      store.openDialog({ kind: 'changes' });
    },
  },
  theme: {
    run: ({ store }) => {
      const theme = THEMES[(THEMES.indexOf(store.get().ui.theme) + 1) % THEMES.length]!;
      store.setUi({ theme });
    },
  },
};

