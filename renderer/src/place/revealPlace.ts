/**
 * Keeping the user's place across the views: a place is a dotted path such as
 * `archive.3.replies.1.text`. The form shows it by expanding its thread and focusing its
 * field; the raw view by selecting the value's text.
 */
import { rangeOf } from '../../../shared/index';
import type { Path } from '../../../shared/index';
import type { EditorStore } from '../store/editorStore';
import { isEditable } from '../store/bookSlice';
import { expandedWith } from '../store/uiSlice';

/** `archive.3.text` → `['archive', 3, 'text']`. */
export const keysOf = (place: string): Path => (place ? place.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) : []);

/** The thread a place is in, if any. */
export function threadOf(place: string | null): number | null {
  const m = place ? /^archive\.(\d+)/.exec(place) : null;
  return m ? Number(m[1]) : null;
}

/** Shows a place in the form: switches to it, expands the place's thread, clears a filter that could hide it, focuses the field (or only scrolls to it). */
export function revealInForm(store: EditorStore, place: string, soft = false): void {
  const ui = store.get().ui;
  const thread = threadOf(place);
  const toggled = thread === null ? ui.toggled : expandedWith(ui, thread);
  store.setUi({ view: 'form', threadFilter: thread !== null ? '' : ui.threadFilter, toggled, place });
  store.focus(place, soft);
}

/** Shows a place in the raw view: switches to it and selects the value's text (the nearest existing parent's, when it is gone). */
export function revealInRaw(store: EditorStore, place: string | null, focus = true): void {
  const book = store.get().book;
  store.setUi({ view: 'raw' });
  if (!book || !place) return;
  const tree = isEditable(book.doc) ? book.doc.tree : null;
  if (!tree) return;
  for (let keys = keysOf(place); keys.length > 0; keys = keys.slice(0, -1)) {
    const r = rangeOf(tree, keys);
    if (r) {
      store.revealRaw(r[0], r[1], focus);
      return;
    }
  }
}

/** Switches between Form and Raw, taking the place along; `focus` moves the keyboard there too. */
export function switchView(store: EditorStore, view: 'form' | 'raw', focus = true): void {
  const { ui } = store.get();
  if (ui.view === view) return;
  if (view === 'raw') revealInRaw(store, ui.place, focus);
  else if (ui.place && store.get().book?.readable) revealInForm(store, ui.place, !focus);
  else store.setUi({ view });
}
