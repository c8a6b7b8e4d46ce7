/** A real modal dialog: role="dialog", focus moved in and trapped, Escape closes, focus returns after. */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the bottom. */
  readonly footer?: ReactNode;
  readonly wide?: boolean;
  /** `full` fills the window (the review's diff). */
  readonly size?: 'normal' | 'full';
  readonly role?: 'dialog' | 'alertdialog';
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, onClose, children, footer, wide, size = 'normal', role = 'dialog' }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    // Where to go back to when the dialog's work removed the control that opened it (a fix's button):
    // the field or card it belonged to, else its region.
    const place = before?.closest('[data-path]')?.getAttribute('data-path') ?? null;
    const region = before?.closest<HTMLElement>('section[aria-label], section[aria-labelledby]') ?? null;
    const box = ref.current!;
    const first = box.querySelector<HTMLElement>('[data-autofocus]') ?? box.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? box).focus();
    return () => {
      if (before && document.contains(before)) before.focus();
      else if (!document.activeElement || document.activeElement === document.body) {
        const field = place === null ? null : document.querySelector<HTMLElement>(`[data-path="${place.replace(/["\\]/g, "\\$&")}"]`);
        const fallback = field ?? (region && document.contains(region) ? region.querySelector<HTMLElement>(FOCUSABLE) : null);
        fallback?.focus();
      }
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}${size === 'full' ? ' dialog-full' : ''}`} role={role} aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        {footer ? <div className="dialog-footer">{footer}</div> : null}
      </div>
    </div>
  );
}
