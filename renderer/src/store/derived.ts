/** Values derived from the state, memoized on the identity of their inputs. */
import { bookOf, coverPathOf, siteContextFor, validate } from '../../../shared/index';
import type { Book, Diagnostic, SiteContext, Value } from '../../../shared/index';
import type { EditorState } from './editorStore';
import { isDirty } from './bookSlice';

function memo<A extends readonly unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    const result = f(...args);
    last = { args, result };
    return result;
  };
}

const siteContext = memo((path: string, data: Value | null, people: EditorState['site']['people'], books: EditorState['site']['books'], coverExists: boolean | null): SiteContext =>
  siteContextFor(path, data, { people, books, coverExists }),
);

const diagnosticsMemo = memo((doc: NonNullable<EditorState['book']>['doc'], site: SiteContext): Diagnostic[] => validate(doc, site));

/** Books longer than this are validated after a pause in typing, not on every keystroke. */
export const LIVE_VALIDATION_LIMIT = 120_000;

/** What the rest of the site tells the validation of the open book (built as the workspace builds it). */
export function siteContextOf(state: EditorState): SiteContext {
  const book = state.book!;
  const cover = coverPathOf(book.doc.data);
  // Only a cover whose existence was asked is checked: an unasked cover is not reported missing.
  const coverExists = cover !== null && Object.hasOwn(state.site.files, cover) ? state.site.files[cover]! : null;
  return siteContext(book.path, book.doc.data, state.site.people, state.site.books, coverExists);
}

/**
 * Whether the open book's document is the tip of a burst of typing (a step of a group, the
 * last one made): its diagnostics may wait until the frame that shows the keystroke is painted.
 */
export function isTyping(state: EditorState): boolean {
  const history = state.book?.history;
  return !!history && history.tip === state.book!.doc && history.undo[history.undo.length - 1]?.group != null;
}

/** Whether the open book is as it was read, not checked yet: its first view shows before its diagnostics (a frame later). */
export function isJustOpened(state: EditorState): boolean {
  const book = state.book;
  return !!book && state.checked === null && book.history.undo.length === 0 && book.history.redo.length === 0 && book.doc.text === book.savedText;
}

/**
 * Every diagnostic of the open book, errors first. While the user types, the ones of the
 * document before the keystroke: the book is checked again once the keystroke is painted
 * (session/watchers.ts), and a big book once the typing pauses. A book just opened shows
 * first and is checked right after that frame.
 */
export function diagnosticsOf(state: EditorState): readonly Diagnostic[] {
  const book = state.book;
  if (!book) return NO_DIAGNOSTICS;
  if (state.checked?.doc === book.doc && state.checked.site === siteContextOf(state)) return state.checked.list;
  if (state.checked && (book.doc.text.length > LIVE_VALIDATION_LIMIT || isTyping(state))) return state.checked.list;
  if (isJustOpened(state)) return NO_DIAGNOSTICS;
  return diagnosticsMemo(book.doc, siteContextOf(state));
}

/** The diagnostics of the open book as they are now, however big it is (saving uses these). */
export function freshDiagnosticsOf(state: EditorState): readonly Diagnostic[] {
  return state.book ? diagnosticsMemo(state.book.doc, siteContextOf(state)) : NO_DIAGNOSTICS;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

const bookMemo = memo((data: unknown) => bookOf(data as never));

/** The typed view of the book the forms show (the last readable one while the text does not parse). */
export function formBookOf(state: EditorState): Book | null {
  const doc = state.book?.readable;
  return doc ? bookMemo(doc.data) : null;
}

/** The text fields of a book. */
export type BookTextKey = 'title' | 'description' | 'cover' | 'image' | 'start' | 'end';

/** One text field of the book the forms show, read as bookOf reads it but without building the whole Book (a keystroke in a 2,000-thread book stays cheap). */
export function formTextOf(state: EditorState, key: BookTextKey): string {
  const data = state.book?.readable?.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (bookOf({ [key]: data[key] ?? null })?.[key] ?? '') : '';
}

/** Whether the forms have a book to show (the text, or its last readable version, is a mapping). */
export const hasFormBook = (state: EditorState): boolean => {
  const data = state.book?.readable?.data;
  return !!data && typeof data === 'object' && !Array.isArray(data);
};

export const dirtyOf = (state: EditorState): boolean => isDirty(state.book);

export const errorCountOf = (state: EditorState): number => diagnosticsOf(state).filter((d) => d.severity === 'error').length;
export const warningCountOf = (state: EditorState): number => diagnosticsOf(state).filter((d) => d.severity === 'warning').length;

/** The title the window shows. */
export function windowTitleOf(state: EditorState): string {
  const book = state.book;
  if (!book) return state.site.info ? `${state.site.info.name} — Book Editor` : 'Book Editor';
  const name = formTextOf(state, 'title') || book.path.split('/').pop() || book.path;
  return `${isDirty(book) ? '● ' : ''}${name} — Book Editor`;
}

/** `archive.3.replies.1.text` from a path of keys. */
export const pathKey = (keys: readonly (string | number)[]): string => keys.join('.');
