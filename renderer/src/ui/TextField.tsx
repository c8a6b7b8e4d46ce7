/** A labelled one-line or multi-line text field with its diagnostics. */
import { useId } from 'react';
import { AutoTextarea } from './AutoTextarea';
import { FieldMessages, severityOf } from './FieldMessages';
import type { FieldProps } from './FieldMessages';

interface Props extends FieldProps {
  readonly multiline?: boolean;
  readonly placeholder?: string;
  readonly list?: string;
  readonly className?: string;
}

export function TextField({ label, value, onChange, path, diagnostics, multiline, readOnly, placeholder, list, className }: Props) {
  const id = useId();
  const msgId = `${id}-msg`;
  const severity = severityOf(diagnostics);
  const common = {
    id,
    value,
    readOnly,
    placeholder,
    'data-path': path,
    'aria-invalid': severity === 'error' ? true : undefined,
    'aria-describedby': diagnostics?.length ? msgId : undefined,
    className: `input${severity ? ` input-${severity}` : ''}`,
    spellCheck: multiline ? true : false,
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">{label}</label>
      {multiline ? (
        <AutoTextarea {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" list={list} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldMessages id={msgId} diagnostics={diagnostics} />
    </div>
  );
}
