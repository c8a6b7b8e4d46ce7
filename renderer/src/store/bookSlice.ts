/**
 * The open book: its text is the state (held as the core's BookDocument), the form value
 * is derived from it, and every change is an edit from the core. Pure functions only.
 */
import { applyEdits, openBook } from '../../../shared/index';
import type { BookDocument, Edit } from '../../../shared/index';
import { changeText } from '../../../shared/book/changeText';
import type { Fingerprint } from '../../../shared/api';
import { EMPTY_HISTORY, record, seal } from './history';
import type { History, Record } from './history';

export interface OpenBook {
  readonly path: string;
  readonly doc: BookDocument;
  /** The last document whose front matter could be edited; the forms show it read-only while the text does not parse. */
  readonly readable: BookDocument | null;
  /** The text as read from (or last saved to) disk: the book is dirty when `doc.text` differs. */
  readonly savedText: string;
  readonly fingerprint: Fingerprint | null;
  readonly history: History;
}

/** Whether the front matter of `doc` can be edited through forms. */
export const isEditable = (doc: BookDocument): boolean => doc.tree !== null && doc.data !== null;

/** A book as read from disk: never an undo step. */
export function loaded(path: string, text: string, fingerprint: Fingerprint | null): OpenBook {
  const doc = openBook(text);
  return { path, doc, readable: isEditable(doc) ? doc : null, savedText: text, fingerprint, history: EMPTY_HISTORY };
}

/** The book with `next` as its document, recorded as one undo step. */
export function changed(book: OpenBook, next: BookDocument, r: Record): OpenBook {
  if (next === book.doc || next.text === book.doc.text) return book;
  return { ...book, doc: next, readable: isEditable(next) ? next : book.readable, history: record(book.history, book.doc, next, r) };
}

/** Applies form edits (throws the core's EditError when one cannot apply). */
export function edited(book: OpenBook, edits: readonly Edit[], r: Record): OpenBook {
  return changed(book, applyEdits(book.doc, edits), r);
}

/** Replaces the whole text (the raw view); the forms re-derive. */
export function replacedText(book: OpenBook, text: string, r: Record): OpenBook {
  if (text === book.doc.text) return book;
  return changed(book, openBook(text), r);
}

/**
 * The book renamed on disk to `file.path` (Rename to match the week, Reschedule…): `edits`
 * (the dates, `cover` and `image`) applied to the page's own copy as one step that
 * remembers the rename, and `file` (the renamed file as the disk holds it now) as the saved version.
 */
export function renamed(book: OpenBook, edits: readonly Edit[], file: { readonly path: string; readonly text: string; readonly fingerprint: Fingerprint }, r: Record): OpenBook {
  const next = edits.length ? applyEdits(book.doc, edits) : book.doc;
  const doc = next.text === book.doc.text ? book.doc : next;
  return { ...book, path: file.path, doc, readable: isEditable(doc) ? doc : book.readable, savedText: file.text, fingerprint: file.fingerprint, history: record(book.history, book.doc, doc, { ...r, rename: { from: book.path, to: file.path } }) };
}

/** Undo or redo of a rename step, after the contract renamed the file back (or again): the step's change, and `file` as the saved version under its path. */
export function movedBack(book: OpenBook, direction: 'undo' | 'redo', file: { readonly path: string; readonly text: string; readonly fingerprint: Fingerprint }): OpenBook {
  const next = direction === 'undo' ? undone(book) : redone(book);
  return { ...next, path: file.path, savedText: file.text, fingerprint: file.fingerprint };
}

/** The book with `doc` as its document and `history` as its history (undo and redo). */
const moved = (book: OpenBook, doc: BookDocument, history: History): OpenBook => ({ ...book, doc, readable: isEditable(doc) ? doc : book.readable, history });

/** Goes back one step: the step's inverse change, re-reading only what it touches when the text it goes back to read cleanly. */
export function undone(book: OpenBook): OpenBook {
  const { undo, redo } = book.history;
  const step = undo[undo.length - 1];
  if (!step) return book;
  return moved(book, changeText(book.doc, step.undo, step.cleanBefore), { undo: undo.slice(0, -1), redo: [...redo, step], tip: null });
}

/** Goes forward one undone step. */
export function redone(book: OpenBook): OpenBook {
  const { undo, redo } = book.history;
  const step = redo[redo.length - 1];
  if (!step) return book;
  return moved(book, changeText(book.doc, step.redo, step.cleanAfter), { undo: [...undo, step], redo: redo.slice(0, -1), tip: null });
}

/** After a save: what is on disk now is this text. */
export function saved(book: OpenBook, text: string, fingerprint: Fingerprint): OpenBook {
  return { ...book, savedText: text, fingerprint, history: seal(book.history) };
}

export const isDirty = (book: OpenBook | null): boolean => book !== null && book.doc.text !== book.savedText;
