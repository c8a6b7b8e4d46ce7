/**
 * The Raw view's container: the whole file in Monaco (loaded on first use, or before in idle time). Typing is
 * committed to the store as "Edit raw text" after a pause (or at once before any
 * command), the forms re-derive from it, and the cursor's value becomes the user's place.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../services/services';
import { useDark } from '../services/theme';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useEditor } from '../store/hooks';
import { diagnosticsOf } from '../store/derived';
import { isEditable } from '../store/bookSlice';
import { RawSync } from '../raw/rawSync';
import { pathAt } from '../place/pathAt';
import { applyFix } from '../services/fixes';
import type { Diagnostic, Fix } from '../../../shared/index';
import { loadRawEditor } from '../raw/loadRawEditor';

const RawEditor = lazy(loadRawEditor);

/** How long the cursor rests before its place is taken (the preview follows it). */
const PLACE_MS = 150;

export function RawView({ active }: { readonly active: boolean }) {
  const services = useServices();
  const { store, session, registry } = services;
  const path = useEditor((s) => s.book?.path ?? '');
  const text = useEditor((s) => s.book?.doc.text ?? '');
  const diagnostics = useEditor(diagnosticsOf);
  const reveal = useEditor((s) => s.ui.rawReveal);
  const dark = useDark();
  const readOnly = useEditor((s) => s.ui.readOnly !== null);
  const cursor = useRef<number | null>(null);
  const placeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Counts commits: a command may commit and change the text back in one go (undo), leaving `text` as it was.
  const [commits, setCommits] = useState(0);

  const updatePlace = useMemo(
    () => () => {
      const book = store.get().book;
      if (cursor.current === null || !book || book.path !== path || !isEditable(book.doc)) return;
      const place = pathAt(book.doc.tree!, cursor.current).join('.') || null;
      if (place !== store.get().ui.place) store.setUi({ place });
    },
    [store, path],
  );

  const sync = useMemo(
    () =>
      new RawSync(store.get().book?.doc.text ?? '', (next, pause) => {
        // A draft belongs to its book: never commit it into another.
        if (store.get().book?.path !== path) return;
        store.replaceText(next, 'Edit raw text', 'raw', pause);
        setCommits((n) => n + 1);
        updatePlace();
      }),
    [store, path, updatePlace],
  );
  useEffect(() => {
    const remove = session.addDraft(() => sync.flush());
    // Typing still waiting when the window loses focus or the page goes away is committed (and, leaving, asked about).
    const onBlur = () => sync.flush();
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!sync.pending) return;
      sync.flush();
      e.preventDefault();
    };
    window.addEventListener('blur', onBlur);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      sync.flush();
      remove();
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, [session, sync]);
  useEffect(() => () => clearTimeout(placeTimer.current), []);

  const onCursor = (offset: number) => {
    cursor.current = offset;
    clearTimeout(placeTimer.current);
    placeTimer.current = setTimeout(() => !sync.pending && updatePlace(), PLACE_MS);
  };
  const onCommand = (id: string) => registry.dispatch(id, { store, session }, 'key');
  const onFix = readOnly ? undefined : (d: Diagnostic, fix: Fix) => void applyFix(services, d, fix);

  return (
    <div className="raw">
      <ErrorBoundary resetKey={path} title="The raw view could not start.">
        <Suspense fallback={<p className="raw-loading muted">Loading the raw view…</p>}>
          <RawEditor key={path} text={text} commits={commits} sync={sync} active={active} diagnostics={diagnostics} dark={dark} reveal={reveal} onCursor={onCursor} onCommand={onCommand} onFix={onFix} readOnly={readOnly} />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
