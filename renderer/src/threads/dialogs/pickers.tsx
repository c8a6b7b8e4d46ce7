/** The pickers of the move dialogs: a thread, and a position among a list. */
import { useId } from 'react';
import { firstLine, textOf, threadLabel } from '../../../../shared/index';
import type { Value } from '../../../../shared/index';

export function ThreadPicker({ threads, value, onChange, exclude, autoFocus }: { threads: readonly Value[]; value: number; onChange: (t: number) => void; exclude?: number; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">Thread</label>
      <select id={id} className="input" value={String(value + 1)} onChange={(e) => onChange(Number(e.target.value) - 1)} data-autofocus={autoFocus ? true : undefined}>
        {threads.map((t, i) =>
          i === exclude ? null : (
            <option key={i} value={String(i + 1)}>
              {threadLabel(i, t)}
            </option>
          ),
        )}
      </select>
      <p className="hint">{firstLine(textOf(threads[value])).slice(0, 140)}</p>
    </div>
  );
}

/** Positions 1…count; `describe` says where each lands. */
export function PositionPicker({ count, value, onChange, describe, autoFocus }: { count: number; value: number; onChange: (index: number) => void; describe: (index: number) => string; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">Position</label>
      <select id={id} className="input" value={String(value + 1)} onChange={(e) => onChange(Number(e.target.value) - 1)} data-autofocus={autoFocus ? true : undefined}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={String(i + 1)}>
            {i + 1}
            {i === count - 1 && count > 1 ? ' (last)' : i === 0 && count > 1 ? ' (first)' : ''}
          </option>
        ))}
      </select>
      <p className="hint" aria-live="polite">{describe(value)}</p>
    </div>
  );
}

/** Where an item lands among `labels` (the list without it), at `index`. */
export function landing(labels: readonly string[], index: number): string {
  if (labels.length === 0) return 'It will be the only one.';
  if (index <= 0) return `First, before ${labels[0]}.`;
  if (index >= labels.length) return `Last, after ${labels[labels.length - 1]}.`;
  return `Between ${labels[index - 1]} and ${labels[index]}.`;
}
