/**
 * A date and time kept as `YYYY-MM-DD HH:MM:SS`: a native date-time picker while the value
 * has that form, a plain text field (showing exactly what the file says) while it does not.
 */
import { useId } from 'react';
import { FieldMessages, severityOf } from '../ui/FieldMessages';
import type { FieldProps } from '../ui/FieldMessages';

const FORM = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** `2021-07-05T09:30` or `2021-07-05T09:30:15.000` from the picker → `2021-07-05 09:30:15`. */
export function fromPicker(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(v);
  return m ? `${m[1]} ${m[2]}:${m[3] ?? '00'}` : null;
}

export function DateTimeField({ label, value, onChange, path, diagnostics, readOnly }: FieldProps) {
  const id = useId();
  const m = FORM.exec(value);
  const severity = severityOf(diagnostics);
  const className = `input input-date${severity ? ` input-${severity}` : ''}`;
  const described = diagnostics?.length ? `${id}-msg` : undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">{label}</label>
      {m || value === '' ? (
        <input
          id={id}
          type="datetime-local"
          step={1}
          className={className}
          data-path={path}
          readOnly={readOnly}
          aria-describedby={described}
          aria-invalid={severity === 'error' ? true : undefined}
          value={m ? `${m[1]}T${m[2]}` : ''}
          onChange={(e) => {
            const next = fromPicker(e.target.value);
            // An incomplete picker value reads as '': keep the last whole one.
            if (next && next !== value) onChange(next);
          }}
        />
      ) : (
        <input id={id} type="text" className={className} data-path={path} readOnly={readOnly} aria-describedby={described} aria-invalid={severity === 'error' ? true : undefined} value={value} placeholder="YYYY-MM-DD HH:MM:SS" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldMessages id={described} diagnostics={diagnostics} />
    </div>
  );
}
