/** Moves focus to the field a command or a problem asked for (or only scrolls to it), once it has rendered. */
import { useEffect } from 'react';
import { useEditor } from '../store/hooks';

function find(path: string): HTMLElement | null {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const el = document.querySelector<HTMLElement>(`[data-path="${p}"]`);
    if (el) return el;
  }
  return null;
}

export function useFocusRequest(): void {
  const focus = useEditor((s) => s.ui.focus);
  useEffect(() => {
    if (!focus) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const exact = document.querySelector<HTMLElement>(`[data-path="${focus.path}"]`);
      const el = exact ?? (tries >= 8 ? find(focus.path) : null);
      if (el) {
        if (focus.soft) {
          el.scrollIntoView?.({ block: 'center' });
          return;
        }
        el.focus({ preventScroll: true });
        el.scrollIntoView?.({ block: 'nearest' });
        return;
      }
      if (tries++ < 10) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focus]);
}
