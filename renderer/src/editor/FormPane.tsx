/** The Form view: the book's metadata and links, then its threads, in one scrolling column that follows the user's place. */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { nameSuggestions } from '../../../shared/index';
import type { Diagnostic, Fix } from '../../../shared/index';
import { applyFix } from '../services/fixes';
import type { Services } from '../services/services';
import { formReadOnly } from '../store/editorStore';
import { FixContext } from '../ui/FixButtons';
import type { EditorStore } from '../store/editorStore';
import { useServices } from '../services/services';
import { useEditor } from '../store/hooks';
import { hasFormBook } from '../store/derived';
import { MetadataPane } from '../form/MetadataPane';
import { ThreadsPane } from '../threads/ThreadsPane';
import { useFocusRequest } from './useFocusRequest';

/** The focused field becomes the user's place: the raw view and the preview follow it. */
function notePlace(store: EditorStore, target: EventTarget) {
  const place = target instanceof Element ? target.closest<HTMLElement>('[data-path]')?.dataset.path ?? null : null;
  if (place && place !== store.get().ui.place) store.setUi({ place });
}

/**
 * Applies a fix offered under a field; the keyboard then stays in the field (its message,
 * and the button, are gone), or on its card or row when the field itself went.
 */
function fixFromField(services: Services, d: Diagnostic, fix: Fix): boolean {
  const from = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const field = from?.closest('.field')?.querySelector<HTMLElement>('input, textarea') ?? null;
  const item = from?.closest<HTMLElement>('[data-path][tabindex], .link-row, .section') ?? null;
  const done = applyFix(services, d, fix);
  if (done && fix.kind === 'edit') {
    setTimeout(() => {
      if (document.activeElement && document.activeElement !== document.body && document.activeElement.isConnected) return;
      const target = [field, item].find((e) => e?.isConnected);
      target?.focus();
    }, 0);
  }
  return done;
}

export const FormPane = memo(function FormPane() {
  const services = useServices();
  const { store } = services;
  const readOnly = useEditor(formReadOnly);
  const onFix = useMemo(() => (readOnly ? null : (d: Diagnostic, fix: Fix) => fixFromField(services, d, fix)), [readOnly, services]);
  const has = useEditor(hasFormBook);
  const people = useEditor((s) => s.site.people);
  const scrollRef = useRef<HTMLDivElement>(null);
  // A thread's or reply's Name field suggests the names of this book first, then people: taken when such a field gets focus
  // (not on every keystroke, which would cost a walk of every thread in a big book).
  const [names, setNames] = useState<readonly string[] | null>(null);
  const onFocus = (e: React.FocusEvent) => {
    notePlace(store, e.target);
    if (e.target instanceof HTMLInputElement && e.target.getAttribute('list') === 'people-names') setNames(nameSuggestions(store.get().book?.readable?.data ?? null, people, '', 500));
  };
  useFocusRequest();
  // Another book shows from its top, as its preview does.
  const path = useEditor((s) => s.book?.path ?? null);
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [path]);
  if (!has) return null;
  return (
    <FixContext.Provider value={onFix}>
      <div className="form-scroll" ref={scrollRef} onFocus={onFocus}>
        <div className="form">
          <MetadataPane />
          <ThreadsPane scrollRef={scrollRef} />
          <datalist id="people-names">
            {/* Filled when a Name field gets focus: a first view does not make an option per person. */}
            {(names ?? []).map((n, i) => <option key={i} value={n} />)}
          </datalist>
        </div>
      </div>
    </FixContext.Provider>
  );
});
