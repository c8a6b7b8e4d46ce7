/** The container of the Form view: the metadata, the links and the threads of the open book. */
import { memo, useMemo, useRef } from 'react';
import type { Value } from '../../../shared/index';
import { byPathOf, same } from '../threads/diagnosticSlices';
import { useServices } from '../app/services';
import { useEditor, useEditorStable } from '../store/hooks';
import type { EditorState } from '../store/editorStore';
import { diagnosticsOf, formTextOf, hasFormBook } from '../store/derived';
import type { BookTextKey } from '../store/derived';
import { isEditable } from '../store/bookSlice';
import { ThreadsPane } from '../threads/ThreadsPane';
import { LinksEditor } from './LinksEditor';
import { MetadataForm } from './MetadataForm';
import { useImage } from './useAssetUrl';
import { useFocusRequest } from './useFocusRequest';
import { isObj } from '../threads/threadValue';

/** The focused field becomes the user's place: the raw view and the preview follow it. */
function notePlace(store: ReturnType<typeof useServices>['store'], target: EventTarget) {
  const place = target instanceof Element ? target.closest<HTMLElement>('[data-path]')?.dataset.path ?? null : null;
  if (place && place !== store.get().ui.place) store.setUi({ place });
}

export const FormPane = memo(function FormPane() {
  const { store } = useServices();
  // Each field is selected on its own, so typing in a thread does not render the metadata again.
  const field = (key: BookTextKey) => (s: EditorState) => formTextOf(s, key);
  const has = useEditor(hasFormBook);
  const title = useEditor(field('title'));
  const description = useEditor(field('description'));
  const cover = useEditor(field('cover'));
  const image = useEditor(field('image'));
  const start = useEditor(field('start'));
  const end = useEditor(field('end'));
  const readOnly = useEditor((s) => !s.book || !isEditable(s.book.doc) || s.ui.readOnly !== null);
  const people = useEditor((s) => s.site.people);
  const scrollRef = useRef<HTMLDivElement>(null);
  useFocusRequest();
  const coverImage = useImage(cover);
  const imageImage = useImage(image);

  // The metadata's and the links' own diagnostics (the threads cut theirs), stable while equal.
  const linkDiagnostics = useEditorStable((s) => diagnosticsOf(s).filter((d) => d.keys[0] === 'links'), same);
  const metaDiagnostics = useEditorStable((s) => diagnosticsOf(s).filter((d) => d.keys[0] !== 'links' && d.keys[0] !== 'archive'), same);
  const byPath = useMemo(() => byPathOf(metaDiagnostics), [metaDiagnostics]);
  const links = useEditor((s) => (isObj(s.book?.readable?.data) ? (s.book.readable.data as { links?: Value }).links : undefined));
  const rawAuthors = useEditor((s) => (isObj(s.book?.readable?.data) ? (s.book.readable.data as { authors?: Value }).authors : undefined));
  const authors = useMemo(() => (Array.isArray(rawAuthors) ? rawAuthors.map((a) => (typeof a === 'string' ? a : a == null ? '' : String(a))) : []), [rawAuthors]);

  const actions = useMemo(() => {
    const doc = () => store.get().book!.doc;
    const list = (key: 'authors' | 'links') => {
      const data = doc().data;
      return isObj(data) && Array.isArray(data[key]) ? data[key] : null;
    };
    return {
      set: (path: readonly (string | number)[], value: string, label: string) => store.edit(label, [{ op: 'set', path, value }], `set:${path.join('.')}`),
      authors: {
        add: (a: string) => {
          const l = list('authors');
          store.edit('Add author', l ? [{ op: 'insert', path: ['authors'], index: l.length, value: a }] : [{ op: 'set', path: ['authors'], value: [a] }]);
        },
        remove: (i: number) => store.edit('Remove author', [{ op: 'remove', path: ['authors', i] }]),
        move: (from: number, to: number) => store.edit('Move author', [{ op: 'move', from: ['authors', from], to: ['authors'], index: to }]),
      },
      links: {
        set: (i: number, key: 'text' | 'link', value: string) => store.edit(`Edit link ${key}`, [{ op: 'set', path: ['links', i, key], value }], `set:links.${i}.${key}`),
        add: () => {
          const l = list('links');
          const n = l ? l.length : 0;
          const ok = store.edit('Add link', l ? [{ op: 'insert', path: ['links'], index: n, value: { text: '', link: '' } }] : [{ op: 'set', path: ['links'], value: [{ text: '', link: '' }] }]);
          if (ok) store.focus(`links.${n}.text`);
        },
        remove: (i: number) => store.edit('Delete link', [{ op: 'remove', path: ['links', i] }]),
        move: (from: number, to: number) => {
          if (to < 0 || from === to) return;
          if (store.edit('Move link', [{ op: 'move', from: ['links', from], to: ['links'], index: to }])) store.focus(`links.${to}`);
        },
      },
    };
  }, [store]);

  const book = useMemo(() => ({ title, description, cover, image, start, end }), [title, description, cover, image, start, end]);
  if (!has) return null;
  return (
    <div className="form-scroll" ref={scrollRef} onFocus={(e) => notePlace(store, e.target)}>
      <div className="form">
        <MetadataForm book={book} authors={authors} people={people} diagnostics={byPath} images={{ cover: coverImage, image: imageImage }} readOnly={readOnly} onSet={(p, v, l) => actions.set(p, v as string, l)} onAuthors={actions.authors} />
        <LinksEditor value={links} diagnostics={linkDiagnostics} readOnly={readOnly} onSet={actions.links.set} onAdd={actions.links.add} onRemove={actions.links.remove} onMove={actions.links.move} />
        <ThreadsPane scrollRef={scrollRef} />
        <datalist id="people-names">
          {people.map((p) => <option key={p.id} value={p.name} />)}
        </datalist>
      </div>
    </div>
  );
});
