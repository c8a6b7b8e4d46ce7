/** A site image path with a thumbnail read from disk and a warning when the file is missing; optionally actions under the path and a drop target for image files. */
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Diagnostic } from '../../../shared/index';
import { Icon } from '../ui/Icon';
import { FieldMessages, severityOf } from '../ui/FieldMessages';
import type { FieldProps } from '../ui/FieldMessages';

interface Props extends FieldProps {
  /** A blob: URL of the image, when it could be read. */
  readonly url: string | null;
  /** True when the file is known not to exist. */
  readonly missing: boolean;
  /** The thumbnail's shape: a book cover (portrait) or the 940×550 preview card. */
  readonly shape?: 'cover' | 'card';
  /** The missing-file warning is said elsewhere (the preview card's status, with its button). */
  readonly missingShown?: boolean;
  /** Under the path: buttons and status. */
  readonly children?: ReactNode;
  /** Ids of more text describing the path (a status line). */
  readonly describedBy?: string;
  /** An image file dropped on the field (the drop target is the whole field); the keyboard path is the field's own button. */
  readonly onDropFile?: (file: File) => void;
  /** What the drop target says while a file is over it. */
  readonly dropLabel?: string;
}

const hasFiles = (e: React.DragEvent) => [...e.dataTransfer.types].includes('Files');

export function ImageField({ label, value, onChange, path, diagnostics, url, missing, readOnly, shape = 'cover', missingShown, children, describedBy, onDropFile, dropLabel }: Props) {
  const id = useId();
  const severity = severityOf(diagnostics);
  const notice = missing && value && !missingShown && !diagnostics?.some((d) => d.code === 'cover-missing') ? [{ severity: 'warning' as const, message: `The file ${value.replace(/^\/+/, '')} does not exist in the site.` }] : [];
  const all = [...(diagnostics ?? []), ...(notice as unknown as Diagnostic[])];
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const drops = onDropFile && !readOnly;
  const dropProps = drops
    ? {
        onDragEnter: (e: React.DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          depth.current += 1;
          setOver(true);
        },
        onDragOver: (e: React.DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        },
        onDragLeave: (e: React.DragEvent) => {
          if (!hasFiles(e)) return;
          depth.current = Math.max(0, depth.current - 1);
          if (!depth.current) setOver(false);
        },
        onDrop: (e: React.DragEvent) => {
          depth.current = 0;
          setOver(false);
          const file = e.dataTransfer.files[0];
          if (!file) return;
          e.preventDefault();
          onDropFile(file);
        },
      }
    : {};
  const described = [all.length ? `${id}-msg` : '', describedBy ?? ''].filter(Boolean).join(' ');
  return (
    <div className={`field field-image${drops ? ' drop-target' : ''}${over ? ' drop-over' : ''}`} {...dropProps}>
      <label htmlFor={id} className="field-label">{label}</label>
      <input id={id} type="text" className={`input${severity || missing ? ` input-${severity ?? 'warning'}` : ''}`} data-path={path} value={value} title={value || undefined} readOnly={readOnly} spellCheck={false} aria-describedby={described || undefined} onChange={(e) => onChange(e.target.value)} />
      <div className="image-row">
        <div className={`thumb thumb-${shape}${missing ? ' thumb-missing' : ''}`} aria-hidden="true">
          {url && !missing ? <img src={url} alt="" /> : <Icon name="image" size={20} />}
        </div>
        {children ? <div className="image-main">{children}</div> : null}
      </div>
      <FieldMessages id={`${id}-msg`} diagnostics={all} />
      {over ? (
        <div className="drop-label" aria-hidden="true">
          <Icon name="image" size={18} />
          <span>{dropLabel ?? 'Drop the image here'}</span>
        </div>
      ) : null}
    </div>
  );
}
