/**
 * A site image path with a thumbnail read from disk; optionally actions under the path and a drop
 * target for image files. Its warnings are the validation's only (the same ones the problems list
 * and the status bar count); a file the validation does not check is said to be missing in a plain note.
 */
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
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
  const note = missing && value && !missingShown && !diagnostics?.length ? `No file at ${value.replace(/^\/+/, '')} yet.` : null;
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
  const described = [diagnostics?.length ? `${id}-msg` : '', note ? `${id}-note` : '', describedBy ?? ''].filter(Boolean).join(' ');
  return (
    <div className={`field field-image${drops ? ' drop-target' : ''}${over ? ' drop-over' : ''}`} {...dropProps}>
      <label htmlFor={id} className="field-label">{label}</label>
      <input id={id} type="text" className={`input${severity ? ` input-${severity}` : ''}`} data-path={path} value={value} title={value || undefined} readOnly={readOnly} spellCheck={false} aria-describedby={described || undefined} onChange={(e) => onChange(e.target.value)} />
      <div className="image-row">
        <div className={`thumb thumb-${shape}${missing ? ' thumb-missing' : ''}`} aria-hidden="true">
          {url && !missing ? <img src={url} alt="" /> : <Icon name="image" size={20} />}
        </div>
        {children ? <div className="image-main">{children}</div> : null}
      </div>
      <FieldMessages id={`${id}-msg`} diagnostics={diagnostics} />
      {note ? <p className="field-note muted" id={`${id}-note`}>{note}</p> : null}
      {over ? (
        <div className="drop-label" aria-hidden="true">
          <Icon name="image" size={18} />
          <span>{dropLabel ?? 'Drop the image here'}</span>
        </div>
      ) : null}
    </div>
  );
}
