/** A text area that grows with its text and keeps line breaks as typed. */
import { useLayoutEffect, useRef } from 'react';
import type { TextareaHTMLAttributes } from 'react';

const native = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

export function AutoTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    // Browsers with field-sizing grow the box in CSS; others measure.
    const el = ref.current;
    if (native || !el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [props.value]);
  return <textarea ref={ref} rows={1} {...props} className={`autogrow ${props.className ?? ''}`} />;
}
