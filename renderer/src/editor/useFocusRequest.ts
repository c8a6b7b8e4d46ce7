/**
 * Moves focus to the field a command or a problem asked for (or only scrolls to it), once it has rendered:
 * first a named control (`data-control`, such as the moved link's Move up button), then the element with the
 * path (or, after a few frames, the nearest one around it that is on screen), then the fallbacks. Focus never
 * stays on a control that is gone or disabled, so it does not fall to the page's body.
 */
import { useEffect } from 'react';
import { useEditor } from '../store/hooks';
import type { FocusRequest } from '../store/uiSlice';

const byPath = (path: string) => document.querySelector<HTMLElement>(`[data-path="${path}"]`);

function near(path: string): HTMLElement | null {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const el = byPath(p);
    if (el) return el;
  }
  return null;
}

/** Whether focus can land on the element (not disabled, not hidden). */
function usable(el: HTMLElement | null): el is HTMLElement {
  return !!el && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true' && !el.closest('[hidden]');
}

/** The element a request lands on, or null while it has not rendered; `late` accepts the nearest element around the path and the fallbacks. */
export function focusTarget(focus: Pick<FocusRequest, 'path' | 'controls' | 'fallbacks'>, late: boolean): HTMLElement | null {
  for (const c of focus.controls ?? []) {
    const el = document.querySelector<HTMLElement>(`[data-control="${c}"]`);
    if (usable(el)) return el;
  }
  const exact = byPath(focus.path);
  if (exact) return exact;
  if (!late) return null;
  for (const f of focus.fallbacks ?? []) {
    const el = document.querySelector<HTMLElement>(f.startsWith('#') ? f : `[data-path="${f}"]`);
    if (usable(el)) return el;
  }
  return near(focus.path);
}

export function useFocusRequest(): void {
  const focus = useEditor((s) => s.ui.focus);
  useEffect(() => {
    if (!focus) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const el = focusTarget(focus, tries >= 8);
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
