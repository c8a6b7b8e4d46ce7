/** Takes the user to the place of a diagnostic: its range in the raw view when that is open (or the form cannot show it), else its form field. */
import type { Diagnostic } from '../../../shared/index';
import type { EditorStore } from '../store/editorStore';
import { isEditable } from '../store/bookSlice';
import { revealInForm } from '../place/revealPlace';

const FIELD_OF_CODE: Readonly<Record<string, string>> = { name: 'name', 'empty-text': 'text', 'link-missing': 'link', 'link-text': 'text' };

export function goToProblem(store: EditorStore, d: Diagnostic): void {
  const book = store.get().book;
  if (!book) return;
  if (store.get().ui.view === 'raw' || !isEditable(book.doc) || (d.keys.length === 0 && d.code !== 'required')) {
    store.setUi({ view: 'raw' });
    store.revealRaw(d.range.from, d.range.to);
    return;
  }
  const required = d.code === 'required' && d.keys.length === 0 ? /required key (\w+)/.exec(d.message)?.[1] : undefined;
  // Some rules point at the entry when a field is missing or empty: take the user to that field.
  const field = FIELD_OF_CODE[d.code];
  const path = required ?? (field && !String(d.keys[d.keys.length - 1]).match(/^(name|text|link)$/) ? [...d.keys, field].join('.') : d.keys.join('.'));
  revealInForm(store, path);
}
