/** The Form view: the book's metadata and links, then its threads, in one scrolling column that follows the user's place. */
import { memo, useRef } from 'react';
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

export const FormPane = memo(function FormPane() {
  const { store } = useServices();
  const has = useEditor(hasFormBook);
  const people = useEditor((s) => s.site.people);
  const scrollRef = useRef<HTMLDivElement>(null);
  useFocusRequest();
  if (!has) return null;
  return (
    <div className="form-scroll" ref={scrollRef} onFocus={(e) => notePlace(store, e.target)}>
      <div className="form">
        <MetadataPane />
        <ThreadsPane scrollRef={scrollRef} />
        <datalist id="people-names">
          {people.map((p) => <option key={p.id} value={p.name} />)}
        </datalist>
      </div>
    </div>
  );
});
