/** A vertical divider that resizes a pane by pointer or by arrow keys. */
import { useRef } from 'react';

interface Props {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** +1 when dragging right grows the pane, -1 when it shrinks it. */
  readonly direction: 1 | -1;
  readonly onChange: (width: number) => void;
}

export function Splitter({ label, value, min, max, direction, onChange }: Props) {
  const start = useRef<{ x: number; w: number } | null>(null);
  const clamp = (w: number) => Math.max(min, Math.min(max, Math.round(w)));
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="splitter"
      onPointerDown={(e) => {
        start.current = { x: e.clientX, w: value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current) onChange(clamp(start.current.w + direction * (e.clientX - start.current.x)));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          onChange(clamp(value + (e.key === 'ArrowRight' ? 16 : -16) * direction));
        }
      }}
    />
  );
}
