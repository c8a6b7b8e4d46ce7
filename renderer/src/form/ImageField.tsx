/**
 * A site image path with a thumbnail read from disk. Its warnings are the validation's only
 * (the same ones the problems list and the status bar count); a file the validation does not
 * check (the preview card) is said to be missing in a plain note, not as a warning.
 */
import { useId } from 'react';
import { Icon } from '../ui/Icon';
import { FieldMessages, severityOf } from '../ui/FieldMessages';
import type { FieldProps } from '../ui/FieldMessages';

interface Props extends FieldProps {
  /** A blob: URL of the image, when it could be read. */
  readonly url: string | null;
  /** True when the file is known not to exist. */
  readonly missing: boolean;
}

export function ImageField({ label, value, onChange, path, diagnostics, url, missing, readOnly }: Props) {
  const id = useId();
  const severity = severityOf(diagnostics);
  const note = missing && value && !diagnostics?.length ? `No file at ${value.replace(/^\/+/, '')} yet.` : null;
  const described = [diagnostics?.length ? `${id}-msg` : '', note ? `${id}-note` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field field-image">
      <label htmlFor={id} className="field-label">{label}</label>
      <div className="image-row">
        <div className={`thumb${missing ? ' thumb-missing' : ''}`} aria-hidden="true">
          {url && !missing ? <img src={url} alt="" /> : <Icon name="image" size={20} />}
        </div>
        <input id={id} type="text" className={`input${severity ? ` input-${severity}` : ''}`} data-path={path} value={value} readOnly={readOnly} spellCheck={false} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />
      </div>
      <FieldMessages id={`${id}-msg`} diagnostics={diagnostics} />
      {note ? <p className="field-note muted" id={`${id}-note`}>{note}</p> : null}
    </div>
  );
}
