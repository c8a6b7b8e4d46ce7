/** The editor's named commands, run by buttons, shortcuts and the native menu alike. */
import type { EditorStore } from '../store/editorStore';
import type { Session } from '../session/session';
import { isDirty } from '../store/bookSlice';
import { isEditable } from '../store/bookSlice';
import { addThreadEdits } from '../../../shared/index';
import { threadCount } from '../threads/threadValue';
import { createRegistry } from './registry';
import type { Command, Registry } from './registry';
import type { Theme } from '../store/uiSlice';
import { switchView } from '../place/revealPlace';

export interface CommandContext {
  readonly store: EditorStore;
  readonly session: Session;
}

type C = Command<CommandContext>;

const hasBook = ({ store }: CommandContext) => store.get().book !== null;
const canEditForm = ({ store }: CommandContext) => {
  const book = store.get().book;
  return !!book && isEditable(book.doc);
};

const focusSoon = (selector: string) => setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus(), 0);

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export const COMMANDS: readonly C[] = [
  { id: 'save', label: 'Save', keys: ['Mod+S'], enabled: (c) => hasBook(c) && !c.store.get().ui.busy, run: ({ session }) => session.save() },
  { id: 'revert', label: 'Revert to saved', enabled: ({ store }) => isDirty(store.get().book), run: ({ session }) => session.revert() },
  { id: 'undo', label: 'Undo', keys: ['Mod+Z'], enabled: ({ store }) => (store.get().book?.history.undo.length ?? 0) > 0, run: ({ store }) => store.undo() },
  { id: 'redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], enabled: ({ store }) => (store.get().book?.history.redo.length ?? 0) > 0, run: ({ store }) => store.redo() },
  {
    id: 'addThread',
    label: 'Add thread',
    enabled: canEditForm,
    run: ({ store }) => {
      const book = store.get().book!;
      const n = threadCount(book.doc.data);
      if (store.edit('Add thread', addThreadEdits(book.doc, { name: '', text: '' }))) {
        store.setUi({ view: 'form', threadFilter: '' });
        store.focus(`archive.${n}.name`);
      }
    },
  },
  {
    id: 'find',
    label: 'Find',
    keys: ['Mod+F'],
    run: ({ store }) => focusSoon(store.get().book && store.get().ui.view === 'form' ? '#thread-filter' : '#book-search'),
  },
  { id: 'searchBooks', label: 'Search books', keys: ['Mod+P'], run: () => focusSoon('#book-search') },
  { id: 'new-book', label: 'New book…', keys: ['Mod+Alt+N'], run: ({ store }) => store.openDialog({ kind: 'newBook' }) },
  { id: 'view.form', label: 'Form', keys: ['Mod+1'], run: ({ store }) => switchView(store, 'form') },
  { id: 'view.raw', label: 'Raw', keys: ['Mod+2'], run: ({ store }) => switchView(store, 'raw') },
  { id: 'view.preview', label: 'Preview', keys: ['Mod+Alt+P', 'Mod+3'], run: ({ store }) => store.setUi({ preview: !store.get().ui.preview }) },
  { id: 'review', label: 'Review changes', enabled: hasBook, run: ({ store }) => store.openDialog({ kind: 'review' }) },
  { id: 'problems', label: 'Problems', keys: ['Mod+Shift+M'], enabled: hasBook, run: ({ store }) => store.setUi({ problemsOpen: !store.get().ui.problemsOpen }) },
  { id: 'expandAll', label: 'Expand all', enabled: hasBook, run: ({ store }) => store.setUi({ expandedByDefault: true, toggled: new Set() }) },
  { id: 'collapseAll', label: 'Collapse all', enabled: hasBook, run: ({ store }) => store.setUi({ expandedByDefault: false, toggled: new Set() }) },
  {
    id: 'theme',
    label: 'Theme',
    run: ({ store }) => {
      const theme = THEMES[(THEMES.indexOf(store.get().ui.theme) + 1) % THEMES.length]!;
      store.setUi({ theme });
    },
  },
];

/** The app's registry: every command first commits typing that waits for a pause (the raw view's), so it sees the latest text. */
export const createAppRegistry = (): Registry<CommandContext> => createRegistry(COMMANDS, { before: ({ session }) => session.flush() });
