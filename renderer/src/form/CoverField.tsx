/** The cover: its path and thumbnail, "Choose cover…" and a drop target for a JPEG, PNG or WebP file. */
import { useId, useRef } from 'react';
import type { Diagnostic } from '../../../shared/index';
import type { ImageInfo } from '../services/useImage';
import { Icon } from '../ui/Icon';
import { ImageField } from './ImageField';
import { COVER_TYPES } from './useBookImages';
import type { CoverAction } from './useBookImages';

interface Props {
  readonly value: string;
  readonly diagnostics: readonly Diagnostic[] | undefined;
  readonly image: ImageInfo;
  readonly readOnly: boolean;
  readonly action: CoverAction;
  readonly onChange: (value: string) => void;
}

export function CoverField({ value, diagnostics, image, readOnly, action, onChange }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const { busy, error, choose } = action;
  return (
    <ImageField label="Cover" value={value} path="cover" diagnostics={diagnostics} url={image.url} missing={image.missing} readOnly={readOnly} onChange={onChange} onDropFile={choose} dropLabel="Drop to make this image the cover">
      {readOnly ? null : (
        <div className="image-actions">
          <button
            type="button"
            className="btn btn-small"
            aria-disabled={busy || undefined}
            aria-describedby={hintId}
            onClick={() => !busy && input.current?.click()}
          >
            <Icon name="image" size={14} />
            <span>{busy ? 'Writing cover…' : 'Choose cover…'}</span>
          </button>
          <span className="image-hint" id={hintId}>
            or drop a JPEG, PNG or WebP on this field. It is fitted into 400 px and saved as the book’s cover.jpg.
          </span>
          <input
            ref={input}
            type="file"
            accept={COVER_TYPES.join(',')}
            hidden
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) choose(file);
            }}
          />
        </div>
      )}
      {error ? (
        <p className="msg msg-error image-error" role="alert">
          <Icon name="error" size={14} />
          <span>{error}</span>
        </p>
      ) : null}
    </ImageField>
  );
}
