/** React access to the one store. */
import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { EditorState, EditorStore } from './editorStore';

export const StoreContext = createContext<EditorStore | null>(null);

export function useStore(): EditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore needs a StoreContext provider.');
  return store;
}

/** Subscribes to one slice of the state; re-renders only when the selected value changes (===). */
export function useEditor<T>(select: (state: EditorState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

/** Like useEditor, but keeps the previous value while `equal` says the new one is the same (for derived lists). */
export function useEditorStable<T>(select: (state: EditorState) => T, equal: (a: T, b: T) => boolean): T {
  const store = useStore();
  const last = useRef<{ value: T } | null>(null);
  return useSyncExternalStore(store.subscribe, () => {
    const next = select(store.get());
    if (last.current && (last.current.value === next || equal(last.current.value, next))) return last.current.value;
    last.current = { value: next };
    return next;
  });
}
