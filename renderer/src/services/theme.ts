/** Applies the chosen theme (system, light or dark) to the page and remembers it. */
import { useEffect, useSyncExternalStore } from 'react';
import type { Theme } from '../store/uiSlice';
import { useEditor } from '../store/hooks';

const KEY = 'book-editor.theme';

/** The theme chosen in an earlier session. */
export function savedTheme(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

/** Applies the chosen theme and remembers it; returns it. */
export function useTheme(): Theme {
  const theme = useEditor((s) => s.ui.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Storage may be off; the theme still applies for this session.
    }
  }, [theme]);
  return theme;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
const systemDark = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
const onSystemChange = (listener: () => void) => {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
};

/** Whether the page shows dark now: the chosen theme, or the system's when none is chosen. */
export function useDark(): boolean {
  const theme = useEditor((s) => s.ui.theme);
  const system = useSyncExternalStore(onSystemChange, systemDark, () => false);
  return theme === 'dark' || (theme === 'system' && system);
}
