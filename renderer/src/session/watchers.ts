/**
 * Reactions to store changes that reach the Node side: the window title and dirty flag,
 * backups of unsaved work about a second after each change, and which image files exist.
 */
import { isObj } from '../../../shared/index';
import { dirtyOf, freshDiagnosticsOf, isJustOpened, isTyping, LIVE_VALIDATION_LIMIT, windowTitleOf } from '../store/derived';
import { afterPaint, whenIdle } from '../schedule';
import type { Session } from './session';

export const BACKUP_DELAY_MS = 1000;
/** How long typing must pause before a big book is validated again. */
export const VALIDATION_DELAY_MS = 300;

/** Starts the watchers; returns a function that stops them. */
export function watch(session: Session, backupDelayMs = BACKUP_DELAY_MS): () => void {
  const { store } = session;
  let lastWindow = '';
  let lastText: string | null = null;
  let backupTimer: ReturnType<typeof setTimeout> | undefined;
  let lastData: unknown = null;
  /** Cancels the check of the book waiting to run, if any. */
  let cancelCheck = () => undefined as void;

  const onChange = () => {
    const state = store.get();
    const title = windowTitleOf(state);
    const dirty = dirtyOf(state);
    const key = `${dirty}\u0000${title}`;
    if (key !== lastWindow) {
      lastWindow = key;
      session.setWindowState({ title, dirty });
    }

    const book = state.book;
    if (book && book.doc.text !== lastText) {
      lastText = book.doc.text;
      cancelCheck();
      const check = () => {
        const s = store.get();
        if (s.book && s.checked?.doc !== s.book.doc) store.setChecked(s.book.doc, freshDiagnosticsOf(s));
      };
      if (book.doc.text.length > LIVE_VALIDATION_LIMIT) {
        const id = setTimeout(check, VALIDATION_DELAY_MS);
        cancelCheck = () => clearTimeout(id);
      }
      // A keystroke shows first; its diagnostics follow right after that frame (one check for several keys of a frame).
      else if (isTyping(state)) cancelCheck = afterPaint(check);
      // A book just opened shows first; it is checked when the page is next idle (the first check of a session costs tens of milliseconds).
      else if (isJustOpened(state)) cancelCheck = whenIdle(check, 300);
      // Any other change is checked as it is shown; remember the result as the list typing shows next.
      else if (state.checked?.doc !== book.doc) queueMicrotask(check);
      clearTimeout(backupTimer);
      if (dirty) {
        backupTimer = setTimeout(() => session.backUp(book.path), backupDelayMs);
      } else {
        session.cleaned(book.path);
      }
    }

    const data = book?.readable?.data;
    if (data !== lastData) {
      lastData = data;
      if (isObj(data)) {
        const files = [data.cover, data.image].filter((f): f is string => typeof f === 'string' && f.trim() !== '');
        void session.checkFiles(files);
      }
    }
  };
  onChange();
  const unsubscribe = store.subscribe(onChange);
  return () => {
    unsubscribe();
    clearTimeout(backupTimer);
    cancelCheck();
  };
}
