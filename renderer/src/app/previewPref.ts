/** Whether the preview is shown, remembered across sessions like the theme. */
import { useEffect } from 'react';
import { useEditor } from '../store/hooks';

const KEY = 'book-editor.preview';

/** The remembered choice (shown unless it was turned off). */
export function savedPreview(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Remembers the preview toggle whenever it changes. */
export function useRememberPreview(): void {
  const preview = useEditor((s) => s.ui.preview);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, preview ? 'on' : 'off');
    } catch {
      // Storage may be off; the choice still holds for this session.
    }
  }, [preview]);
}
