/**
 * The raw view's editor module (Monaco and all, its own chunk): loaded once, when the raw
 * view first opens or, before that, in idle time after a book shows, so the first raw view
 * does not wait for Monaco's code.
 */
import type RawEditor from './RawEditor';

type RawEditorModule = { readonly default: typeof RawEditor };

let loading: Promise<RawEditorModule> | null = null;

/** The module, loading it the first time. */
export function loadRawEditor(): Promise<RawEditorModule> {
  loading ??= import('./RawEditor').catch((e: unknown) => {
    // A failed load is tried again on the next use (the raw view shows the error).
    loading = null;
    throw e;
  });
  return loading;
}

/** Loads the module in idle time, a moment after now (nothing where the page has no idle callbacks); returns a cancel. */
export function preloadRawEditor(afterMs = 400): () => void {
  if (loading || typeof requestIdleCallback !== 'function') return () => undefined;
  let idle = 0;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(() => void loadRawEditor().catch(() => undefined), { timeout: 3000 });
  }, afterMs);
  return () => {
    clearTimeout(timer);
    if (idle) cancelIdleCallback(idle);
  };
}
