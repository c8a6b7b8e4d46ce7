/** Takes the user to the place of a diagnostic: the form field, or the raw view when the form cannot show it. */
import type { Diagnostic } from '../../../shared/index';
import type { EditorStore } from '../store/editorStore';
import { isEditable } from '../store/bookSlice';

const FIELD_OF_CODE: Readonly<Record<string, string>> = { name: 'name', 'empty-text': 'text', 'link-missing': 'link', 'link-text': 'text' };

export function goToProblem(store: EditorStore, d: Diagnostic): void {
  const book = store.get().book;
  if (!book) return;
  if (!isEditable(book.doc) || (d.keys.length === 0 && d.code !== 'required')) {
    store.setUi({ view: 'raw', focus: null });
    store.focus('raw');
    return;
  }
  const required = d.code === 'required' && d.keys.length === 0 ? /required key (\w+)/.exec(d.message)?.[1] : undefined;
  // Some rules point at the entry when a field is missing or empty: take the user to that field.
  const field = FIELD_OF_CODE[d.code];
  const path = required ?? (field && !String(d.keys[d.keys.length - 1]).match(/^(name|text|link)$/) ? [...d.keys, field].join('.') : d.keys.join('.'));
  const thread = d.keys[0] === 'archive' && typeof d.keys[1] === 'number' ? d.keys[1] : null;
  const ui = store.get().ui;
  const toggled = new Set(ui.toggled);
  if (thread !== null && ui.expandedByDefault === toggled.has(thread)) {
    if (toggled.has(thread)) toggled.delete(thread);
    else toggled.add(thread);
  }
  store.setUi({ view: 'form', threadFilter: '', toggled });
  store.focus(path);
}
