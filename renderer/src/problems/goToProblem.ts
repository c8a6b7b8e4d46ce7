/** Takes the user to the place of a diagnostic: the form field, or the raw view when the form cannot show it. */
import type { Diagnostic } from '../../../shared/index';
import type { EditorStore } from '../store/editorStore';
import { isEditable } from '../store/bookSlice';

export function goToProblem(store: EditorStore, d: Diagnostic): void {
  const book = store.get().book;
  if (!book) return;
  if (!isEditable(book.doc) || (d.keys.length === 0 && d.code !== 'required')) {
    store.setUi({ view: 'raw', focus: null });
    store.focus('raw');
    return;
  }
  const required = d.code === 'required' && d.keys.length === 0 ? /required key (\w+)/.exec(d.message)?.[1] : undefined;
  const path = required ?? d.keys.join('.');
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
