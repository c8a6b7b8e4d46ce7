/**
 * The open book: its text is the state (held as the core's BookDocument), the form value
 * is derived from it, and every change is an edit from the core. Pure functions only.
 */
import { applyEdits, openBook } from '../../../shared/index';
import type { BookDocument, Edit } from '../../../shared/index';
import type { Fingerprint } from '../../../shared/api';
import { EMPTY_HISTORY, record, seal } from './history';
import type { History } from './history';

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
export function changed(book: OpenBook, next: BookDocument, label: string, group: string | null, now: number): OpenBook {
  if (next === book.doc || next.text === book.doc.text) return book;
  return {
    ...book,
    doc: next,
    readable: isEditable(next) ? next : book.readable,
    history: record(book.history, { before: book.doc, after: next, label, group, at: now }),
  };
}

/** Applies form edits (throws the core's EditError when one cannot apply). */
export function edited(book: OpenBook, label: string, edits: readonly Edit[], group: string | null, now: number): OpenBook {
  return changed(book, applyEdits(book.doc, edits), label, group, now);
}

/** Replaces the whole text (the raw view); the forms re-derive. */
export function replacedText(book: OpenBook, text: string, label: string, group: string | null, now: number): OpenBook {
  if (text === book.doc.text) return book;
  return changed(book, openBook(text), label, group, now);
}

export function undone(book: OpenBook): OpenBook {
  const step = book.history.undo[book.history.undo.length - 1];
  if (!step) return book;
  const doc = step.before;
  return {
    ...book,
    doc,
    readable: isEditable(doc) ? doc : book.readable,
    history: { undo: book.history.undo.slice(0, -1), redo: [...book.history.redo, { ...step, group: null }] },
  };
}

export function redone(book: OpenBook): OpenBook {
  const step = book.history.redo[book.history.redo.length - 1];
  if (!step) return book;
  const doc = step.after;
  return {
    ...book,
    doc,
    readable: isEditable(doc) ? doc : book.readable,
    history: { undo: [...book.history.undo, step], redo: book.history.redo.slice(0, -1) },
  };
}

/** After a save: what is on disk now is this text. */
export function saved(book: OpenBook, text: string, fingerprint: Fingerprint): OpenBook {
  return { ...book, savedText: text, fingerprint, history: seal(book.history) };
}

export const isDirty = (book: OpenBook | null): boolean => book !== null && book.doc.text !== book.savedText;
