/** The preview card (`image`): its path and thumbnail, whether it shows the book as it is now, and "Make preview image". */
import { useId } from 'react';
import type { Diagnostic } from '../../../shared/index';
import type { ImageInfo } from '../services/useImage';
import { Icon } from '../ui/Icon';
import { ImageField } from './ImageField';
import { cardStatusLabel } from './useBookImages';
import type { CardAction } from './useBookImages';

interface Props {
  readonly value: string;
  readonly diagnostics: readonly Diagnostic[] | undefined;
  /** The card's file (`image`, or where it will be made when `image` is empty). */
  readonly image: ImageInfo;
  readonly readOnly: boolean;
  readonly action: CardAction;
  readonly onChange: (value: string) => void;
}

type Tone = 'ok' | 'warning' | 'error' | 'pending';

export function PreviewImageField({ value, diagnostics, image, readOnly, action, onChange }: Props) {
  const statusId = useId();
  const { state, busy, ms, warnings, error, make } = action;
  const file = (state?.path ?? value).replace(/^\/+/, '');
  // The card's state from the Node side; until it answers, what the page knows (the file is missing).
  const known = state ?? (image.missing ? { status: 'missing' as const, changed: [], message: `The file ${file} does not exist in the site.`, path: file, imageEmpty: false } : null);
  let label = known ? cardStatusLabel(known) : 'Checking…';
  let detail = known?.message ?? '';
  if (known?.status === 'missing') {
    label = 'Missing';
    detail = value.trim() ? `The file ${file} does not exist in the site.` : `No preview image yet (it will be ${file}).`;
  }
  const tone: Tone = !known ? 'pending' : known.status === 'current' ? 'ok' : known.status === 'invalid' ? 'error' : 'warning';
  const canMake = !readOnly && known?.status !== 'invalid';
  const madeIn = ms !== null ? `Last made in ${Math.round(ms)} ms.` : '';
  return (
    <ImageField label="Preview image" value={value} path="image" diagnostics={diagnostics} url={image.url} missing={image.missing} readOnly={readOnly} onChange={onChange} shape="card" missingShown describedBy={statusId}>
      <div className="image-actions">
        <p id={statusId} className={`card-status card-status-${tone}`} title={[detail, madeIn].filter(Boolean).join(' ') || undefined}>
          <Icon name={tone === 'ok' ? 'check' : tone === 'error' ? 'error' : tone === 'pending' ? 'image' : 'warning'} size={14} />
          <span>
            <span className="card-status-label">{label}</span>
            {known && (known.status === 'missing' || known.status === 'invalid' || known.changed.includes('unrecorded')) && detail ? <span className="card-status-detail">{detail}</span> : null}
          </span>
        </p>
        {canMake ? (
          <button type="button" className={`btn btn-small${known && known.status !== 'current' ? ' btn-primary' : ''}`} aria-disabled={busy || undefined} title={madeIn || 'Draws the 940×550 card social sites show for the book’s page, from its title, authors and cover'} onClick={() => !busy && make()}>
            <Icon name="image" size={14} />
            <span>{busy ? 'Making…' : 'Make preview image'}</span>
          </button>
        ) : null}
      </div>
      {warnings.length || error ? (
        <ul className="field-messages">
          {error ? (
            <li className="msg msg-error">
              <Icon name="error" size={14} />
              <span>{error}</span>
            </li>
          ) : null}
          {warnings.map((w, i) => (
            <li key={i} className="msg msg-warning">
              <Icon name="warning" size={14} />
              <span>{w}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </ImageField>
  );
}
