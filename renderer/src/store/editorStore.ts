/**
 * The one store of the editor: the site (library, people, known files), the open book,
 * and the UI state. Components read it through hooks; changes go through these methods.
 */
import { EditError, followDescription, labelOf, threadCount } from '../../../shared/index';
import type { BookDocument, BookEdit, Diagnostic, Edit, SiteContext } from '../../../shared/index';
import type { BookFile, BookSummary, Fingerprint, GitStatus, Person, SiteInfo } from '../../../shared/api';
import { createStore } from './createStore';
import type { Store } from './createStore';
import { edited, isDirty, isEditable, loaded, movedBack, redone, renamed, replacedText, saved, undone } from './bookSlice';
import { siteContextOf } from './derived';
import type { OpenBook } from './bookSlice';
import { BIG_BOOK_THREADS, INITIAL_UI } from './uiSlice';
import type { Dialog, FocusRequest, Notice, UiState } from './uiSlice';

export interface SiteState {
  readonly info: SiteInfo | null;
  readonly books: readonly BookSummary[];
  readonly people: readonly Person[];
  /** Site files whose existence was asked (covers, images). */
  readonly files: Readonly<Record<string, boolean>>;
  readonly error: string | null;
  /** The site's git state (branch, ahead/behind, changed files) or why git is not available; null until asked. */
  readonly git: GitStatus | null;
}

/** Diagnostics computed for one document (big books are checked after a pause in typing). */
export interface Checked {
  readonly doc: BookDocument;
  /** The site context it was checked against (people, the other books' weeks, the files known). */
  readonly site: SiteContext | null;
  readonly list: readonly Diagnostic[];
}

export interface EditorState {
  readonly site: SiteState;
  readonly book: OpenBook | null;
  readonly checked: Checked | null;
  readonly ui: UiState;
}

export const INITIAL_STATE: EditorState = {
  site: { info: null, books: [], people: [], files: {}, error: null, git: null },
  book: null,
  checked: null,
  ui: INITIAL_UI,
};

export interface EditorStore extends Store<EditorState> {
  /** Opens a book as read from disk (never an undo step; the history starts empty). */
  load(file: BookFile): void;
  /** Applies form edits as one undo step; `group` merges bursts of typing in one field. Returns false when an edit could not apply. */
  edit(label: string, edits: readonly Edit[], group?: string | null): boolean;
  /**
   * Runs a named edit of the book (shared/book/edits) on the open document as one undo step. Returns false when it could not apply or changes nothing.
   * A description in the site's form follows a changed title or authors in the same step (followDescription leaves every other edit as it is).
   */
  run<A>(edit: BookEdit<A>, args: A): boolean;
  /** The book was renamed on disk to `file` (its path, and its text there now): `edits` go to the page's copy as one undo step named `label` that remembers the rename. */
  renamed(label: string, edits: readonly Edit[], file: BookFile): boolean;
  /** The rename of the last undo step (or the next redo step) was taken back (made again) on disk: the step's change, and `file` as the saved version. */
  movedBack(direction: 'undo' | 'redo', file: BookFile): void;
  /** Replaces the whole text (the raw view, a restored backup); `pause` is how long the typing had paused before it (the raw view knows). */
  replaceText(text: string, label?: string, group?: string | null, pause?: number): void;
  undo(): void;
  redo(): void;
  /** Marks the current text as what is on disk. */
  markSaved(text: string, fingerprint: Fingerprint): void;
  /** Closes the book. */
  close(): void;
  setSite(patch: Partial<SiteState>): void;
  setUi(patch: Partial<UiState>): void;
  /** Records the diagnostics of a document, checked against the site as it is now (after a keystroke is painted; a big book after a pause). */
  setChecked(doc: BookDocument, list: readonly Diagnostic[]): void;
  openDialog(dialog: Dialog | null): void;
  notify(kind: Notice['kind'], text: string, action?: Notice['action']): void;
  /** Tells the screen reader something (the app's one live region). */
  announce(text: string): void;
  /** Asks the form to focus a field (a dotted path such as `archive.3.replies.1.text`); `soft` only scrolls to it; `more` names controls to try first and paths to fall back on. */
  focus(path: string, soft?: boolean, more?: Pick<FocusRequest, 'controls' | 'fallbacks'>): void;
  /** Asks the raw view to select and reveal a range of the text. */
  revealRaw(from: number, to: number, focus?: boolean): void;
}

let seq = 0;

/** Whether the forms only show the book: none open, a text they cannot edit, or a book opened read-only (not UTF-8). */
export const formReadOnly = (s: EditorState): boolean => !s.book || !isEditable(s.book.doc) || s.ui.readOnly !== null;

export function createEditorStore(initial: EditorState = INITIAL_STATE, now: () => number = () => performance.now()): EditorStore {
  const store = createStore(initial);
  const setBook = (f: (book: OpenBook) => OpenBook) => store.set((s) => {
    if (!s.book) return s;
    const book = f(s.book);
    return book === s.book ? s : { ...s, book };
  });
  // Every view asked for is remembered, so a book forced into Raw does not keep the next one there.
  const setUi = (patch: Partial<UiState>) => store.set((s) => ({ ...s, ui: { ...s.ui, ...patch, ...(patch.view ? { chosenView: patch.view } : {}) } }));
  const notify = (kind: Notice['kind'], text: string, action?: Notice['action']) => setUi({ notice: { kind, text, id: ++seq, ...(action ? { action } : {}) } });
  /** Runs a change of the book; an edit that cannot apply is reported, not thrown. */
  const attempt = (label: string, change: () => boolean): boolean => {
    try {
      return change();
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      notify('error', `${label} did not apply: ${e.message}`);
      return false;
    }
  };
  return {
    ...store,
    load(file) {
      store.set((s) => {
        const book = loaded(file.path, file.text, file.fingerprint);
        const big = threadCount(book.doc.data) > BIG_BOOK_THREADS;
        const same = s.book?.path === file.path;
        return {
          ...s,
          book,
          checked: null,
          ui: {
            ...s.ui,
            externalChange: false,
            removedOnDisk: false,
            ...(same ? {} : { expandedByDefault: !big, toggled: new Set<number>(), threadFilter: '', focus: null, place: null, rawReveal: null }),
            // A file the forms cannot show at all (no front matter, binary, not a mapping) opens in the raw view;
            // so does one that is not UTF-8, read-only: saving any text would replace its bytes.
            readOnly: file.notUtf8At === undefined ? null : `This file is not valid UTF-8: its first bad byte is at byte offset ${file.notUtf8At}. It is shown read-only (bad bytes as \uFFFD) and cannot be saved, so no byte of it is replaced. Convert it to UTF-8 outside the editor, then open it again.`,
            view: book.readable && file.notUtf8At === undefined ? s.ui.chosenView : 'raw',
          },
        };
      });
    },
    edit: (label, edits, group = null) =>
      !store.get().ui.readOnly &&
      attempt(label, () => {
        setBook((b) => edited(b, edits, { label, group, at: now() }));
        return true;
      }),
    run: (edit, args) => {
      const label = labelOf(edit, args);
      return !store.get().ui.readOnly && attempt(label, () => {
        const state = store.get();
        const book = state.book;
        const own = book ? edit(book.doc, args) : [];
        // The site context of the document as it is: the diagnostics' memo already holds it.
        const edits = own.length ? followDescription(book!.doc, own, siteContextOf(state)) : own;
        if (!edits.length) return false;
        setBook((b) => edited(b, edits, { label, group: edit.group?.(args) ?? null, at: now() }));
        return true;
      });
    },
    replaceText(text, label = 'Edit text', group = 'raw', pause) {
      if (store.get().ui.readOnly) return;
      setBook((b) => replacedText(b, text, { label, group, at: now(), ...(pause === undefined ? {} : { pause }) }));
    },
    renamed: (label, edits, file) =>
      !store.get().ui.readOnly &&
      attempt(label, () => {
        setBook((b) => renamed(b, edits, file, { label, group: null, at: now() }));
        return true;
      }),
    movedBack: (direction, file) => setBook((b) => movedBack(b, direction, file)),
    undo: () => setBook(undone),
    redo: () => setBook(redone),
    markSaved(text, fingerprint) {
      setBook((b) => saved(b, text, fingerprint));
    },
    close: () => store.set((s) => ({ ...s, book: null, checked: null })),
    setSite: (patch) => store.set((s) => ({ ...s, site: { ...s.site, ...patch } })),
    setUi,
    setChecked: (doc, list) => store.set((s) => ({ ...s, checked: { doc, list, site: s.book?.doc === doc ? siteContextOf(s) : null } })),
    openDialog: (dialog) => setUi({ dialog }),
    notify,
    announce: (text) => setUi({ announcement: { text, id: ++seq } }),
    focus: (path, soft = false, more = {}) => setUi({ focus: { path, nonce: ++seq, soft, ...more } }),
    revealRaw: (from, to, focus = true) => setUi({ rawReveal: { from, to, focus, nonce: ++seq } }),
  };
}

export { isDirty };
