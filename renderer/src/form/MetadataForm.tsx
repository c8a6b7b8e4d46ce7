/** Title, description, cover and image, the week, and the authors. Presentational: values in, edits out. */
import type { Book, Diagnostic, TextField as TextKey } from '../../../shared/index';
import type { Person } from '../../../shared/api';
import type { ImageInfo } from '../services/useImage';
import { mondayOf } from '../../../shared/index';
import { TextField } from '../ui/TextField';
import { DateTimeField } from './DateTimeField';
import { CoverField } from './CoverField';
import { PreviewImageField } from './PreviewImageField';
import type { CardAction, CoverAction } from './useBookImages';
import { AuthorsField } from './AuthorsField';
import { CommandButton } from '../commands/CommandButton';

interface Props {
  readonly book: Pick<Book, 'title' | 'description' | 'cover' | 'image' | 'start' | 'end'>;
  /** Kept while unchanged (the chips are memoized). */
  readonly authors: readonly string[];
  readonly people: readonly Person[];
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly images: { readonly cover: ImageInfo; readonly image: ImageInfo };
  /** Choosing a cover, making the preview card. */
  readonly imageActions: { readonly cover: CoverAction; readonly card: CardAction };
  readonly readOnly: boolean;
  readonly onSet: (key: TextKey, value: string) => void;
  readonly onAuthors: { add(a: string): void; remove(i: number): void; move(from: number, to: number): void };
}

/** The real day at the start of a date-time text, or null. */
const dayPart = (s: string): string | null => {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(s.trim())?.[0];
  return day && mondayOf(day) ? day : null;
};

export function MetadataForm({ book, authors, people, diagnostics, images, imageActions, readOnly, onSet, onAuthors }: Props) {
  const text = (key: 'title' | 'description', label: string, multiline = false) => (
    <TextField label={label} value={book[key]} path={key} diagnostics={diagnostics.get(key)} readOnly={readOnly} multiline={multiline} onChange={(v) => onSet(key, v)} />
  );
  return (
    <section className="section metadata" aria-labelledby="metadata-title">
      <header className="section-head">
        <h2 id="metadata-title">Book</h2>
      </header>
      <div className="grid-2">
        <div className="stack">
          {text('title', 'Title')}
          {text('description', 'Description', true)}
          <AuthorsField authors={authors} people={people} diagnostics={diagnostics} readOnly={readOnly} onAdd={onAuthors.add} onRemove={onAuthors.remove} onMove={onAuthors.move} />
        </div>
        <div className="stack">
          <div className="grid-2 tight">
            <DateTimeField label="Start" which="start" weekDay={dayPart(book.end)} value={book.start} path="start" diagnostics={diagnostics.get('start')} readOnly={readOnly} onChange={(v) => onSet('start', v)} />
            <DateTimeField label="End" which="end" weekDay={dayPart(book.start)} value={book.end} path="end" diagnostics={diagnostics.get('end')} readOnly={readOnly} onChange={(v) => onSet('end', v)} />
          </div>
          {readOnly ? null : <div className="reschedule-row"><CommandButton command="reschedule" className="btn btn-small" /></div>}
        </div>
      </div>
      <div className="images-row">
        <CoverField value={book.cover} diagnostics={diagnostics.get('cover')} image={images.cover} readOnly={readOnly} action={imageActions.cover} onChange={(v) => onSet('cover', v)} />
        <PreviewImageField value={book.image} diagnostics={diagnostics.get('image')} image={images.image} readOnly={readOnly} action={imageActions.card} onChange={(v) => onSet('image', v)} />
      </div>
    </section>
  );
}
