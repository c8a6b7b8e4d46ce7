/** The container of the book's metadata and links: reads them from the store and runs the commands that edit them. */
import { memo, useMemo } from 'react';
import { authorsOf, byPathOf, fieldOf, same } from '../../../shared/index';
import type { TextField } from '../../../shared/index';
import { useRun } from '../commands/useRun';
import type { MoveVia } from '../../../shared/commands';
import { useImage } from '../services/useImage';
import { useEditor, useEditorStable } from '../store/hooks';
import type { EditorState } from '../store/editorStore';
import { diagnosticsOf, formTextOf } from '../store/derived';
import { formReadOnly } from '../store/editorStore';
import { LinksEditor } from './LinksEditor';
import { MetadataForm } from './MetadataForm';
import { ReplaceImageDialog } from './ReplaceImageDialog';
import { useBookImages } from './useBookImages';
import { BodyField } from './BodyField';

export const MetadataPane = memo(function MetadataPane() {
  const run = useRun();
  // Each field is selected on its own, so typing in a thread does not render the metadata again.
  const field = (key: TextField) => (s: EditorState) => formTextOf(s, key);
  const title = useEditor(field('title'));
  const description = useEditor(field('description'));
  const cover = useEditor(field('cover'));
  const image = useEditor(field('image'));
  const start = useEditor(field('start'));
  const end = useEditor(field('end'));
  const readOnly = useEditor(formReadOnly);
  const people = useEditor((s) => s.site.people);
  const coverImage = useImage(cover);
  const bookImages = useBookImages();
  // The card's thumbnail: `image`, or where the card is made while `image` is empty.
  const imageImage = useImage(image.trim() ? image : (bookImages.card.state?.path ?? ''));
  const imageActions = useMemo(() => ({ cover: bookImages.cover, card: bookImages.card }), [bookImages.cover, bookImages.card]);

  // The metadata's and the links' own diagnostics (the threads cut theirs), stable while equal.
  const linkDiagnostics = useEditorStable((s) => diagnosticsOf(s).filter((d) => d.keys[0] === 'links'), same);
  const metaDiagnostics = useEditorStable((s) => diagnosticsOf(s).filter((d) => d.keys[0] !== 'links' && d.keys[0] !== 'archive'), same);
  const byPath = useMemo(() => byPathOf(metaDiagnostics), [metaDiagnostics]);
  const links = useEditor((s) => fieldOf(s.book?.readable?.data, 'links'));
  const rawAuthors = useEditor((s) => fieldOf(s.book?.readable?.data, 'authors'));
  const authors = useMemo(() => authorsOf({ authors: rawAuthors ?? null }), [rawAuthors]);

  const actions = useMemo(
    () => ({
      setField: (key: TextField, value: string) => run('field.edit', { key, value }),
      authors: {
        add: (author: string) => run('author.add', { author }),
        remove: (index: number) => run('author.remove', { index }),
        move: (from: number, to: number) => run('author.move', { from, to }),
      },
      links: {
        set: (index: number, key: 'text' | 'link', value: string) => run('link.edit', { index, key, value }),
        add: () => run('link.add'),
        remove: (index: number) => run('link.delete', { index }),
        move: (from: number, to: number, via?: MoveVia) => run('link.move', { from, to, ...(via ? { via } : {}) }),
      },
    }),
    [run],
  );

  const book = useMemo(() => ({ title, description, cover, image, start, end }), [title, description, cover, image, start, end]);
  return (
    <>
      <MetadataForm book={book} authors={authors} people={people} diagnostics={byPath} images={{ cover: coverImage, image: imageImage }} imageActions={imageActions} readOnly={readOnly} onSet={actions.setField} onAuthors={actions.authors} />
      {bookImages.question ? <ReplaceImageDialog question={bookImages.question} /> : null}
      <LinksEditor value={links} diagnostics={linkDiagnostics} readOnly={readOnly} onSet={actions.links.set} onAdd={actions.links.add} onRemove={actions.links.remove} onMove={actions.links.move} />
      <BodyField />
    </>
  );
});
