/** A site image path with a thumbnail read from disk and a warning when the file is missing. */
import { useId } from 'react';
import type { Diagnostic } from '../../../shared/index';
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
  const notice = missing && value && !diagnostics?.some((d) => d.code === 'cover-missing') ? [{ severity: 'warning' as const, message: `The file ${value.replace(/^\/+/, '')} does not exist in the site.` }] : [];
  const all = [...(diagnostics ?? []), ...(notice as unknown as Diagnostic[])];
  return (
    <div className="field field-image">
      <label htmlFor={id} className="field-label">{label}</label>
      <div className="image-row">
        <div className={`thumb${missing ? ' thumb-missing' : ''}`} aria-hidden="true">
          {url && !missing ? <img src={url} alt="" /> : <Icon name="image" size={20} />}
        </div>
        <input id={id} type="text" className={`input${severity || missing ? ` input-${severity ?? 'warning'}` : ''}`} data-path={path} value={value} readOnly={readOnly} spellCheck={false} aria-describedby={all.length ? `${id}-msg` : undefined} onChange={(e) => onChange(e.target.value)} />
      </div>
      <FieldMessages id={`${id}-msg`} diagnostics={all} />
    </div>
  );
}
