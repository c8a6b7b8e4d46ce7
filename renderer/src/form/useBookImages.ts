/**
 * The cover and the preview card of the open book, made in the form: choosing or dropping a
 * cover image, making the card, and whether the card shows the book as it is now. Every write
 * goes through the session (the contract); an existing file is replaced only after asking;
 * the paths are set through the store as one undo step each.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MAX_COVER_BYTES } from '../../../shared/api';
import type { PreviewImageState } from '../../../shared/api';
import { fieldOf, setImagePath } from '../../../shared/index';
import { useServices } from '../services/services';
import { formTextOf } from '../store/derived';
import { useEditor } from '../store/hooks';

/** The image types a cover is made from (what the file chooser offers). */
export const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** How long title, authors or cover must stay unchanged before the card's state is asked again. */
export const CARD_STATE_DELAY_MS = 400;

/** A question before replacing a file. */
export interface ReplaceQuestion {
  readonly what: 'cover' | 'image';
  /** The site-relative path of the file that is there. */
  readonly path: string;
  /** The image file the cover would be made from. */
  readonly from?: string;
  /** The preview card's path is the book's cover file. */
  readonly isCover?: boolean;
  readonly answer: (replace: boolean) => void;
}

export interface CoverAction {
  /** Writing the cover. */
  readonly busy: boolean;
  /** Why the last choice was refused, in words (until the next choice). */
  readonly error: string | null;
  readonly choose: (file: File) => void;
}

export interface CardAction {
  /** The card's state as last asked (null while the first answer is awaited). */
  readonly state: PreviewImageState | null;
  /** Drawing the card. */
  readonly busy: boolean;
  /** How long the last drawing took, in ms. */
  readonly ms: number | null;
  /** What the last card left out (a cover or picture that could not be read), in words. */
  readonly warnings: readonly string[];
  /** Why the last attempt failed, in words. */
  readonly error: string | null;
  readonly make: () => void;
}

export interface BookImages {
  readonly cover: CoverAction;
  readonly card: CardAction;
  /** The open question, if any (the form shows it as a dialog). */
  readonly question: ReplaceQuestion | null;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const bare = (p: string): string => p.trim().replace(/^\/+/, '');
const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Why a file cannot be a cover, before it is sent; null when it may be. */
export function coverRefusal(file: Pick<File, 'name' | 'type' | 'size'>): string | null {
  const name = file.name || 'The file';
  if (file.type === 'image/svg+xml' || /\.svgz?$/i.test(file.name)) return `${name} is an SVG drawing. A cover must be a JPEG, PNG or WebP picture; SVG files are never drawn.`;
  if (file.type && !(COVER_TYPES as readonly string[]).includes(file.type)) return `${name} is not a JPEG, PNG or WebP image${file.type.startsWith('image/') ? ` (it is ${file.type.slice(6).toUpperCase()})` : ''}. Choose a JPEG, PNG or WebP picture.`;
  if (file.size === 0) return `${name} is empty.`;
  if (file.size > MAX_COVER_BYTES) return `${name} is ${megabytes(file.size)}: a cover image can be at most ${MAX_COVER_BYTES / 1024 / 1024} MB. Save it smaller and choose it again.`;
  return null;
}

/** The file's bytes as base64 (without a data: prefix). */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** The card's state in a few words, for its label: "Up to date", "Out of date: title, authors changed", "Missing". */
export function cardStatusLabel(state: PreviewImageState): string {
  switch (state.status) {
    case 'current':
      return 'Up to date';
    case 'missing':
      return 'Missing';
    case 'invalid':
      return 'Cannot be made';
    case 'out-of-date': {
      const changed = state.changed.filter((c) => c !== 'unrecorded');
      if (changed.length) return `Out of date: ${changed.join(', ')} changed`;
      return 'May be out of date: not made by this editor';
    }
  }
}

export function useBookImages(): BookImages {
  const { store, session, assets } = useServices();
  const path = useEditor((s) => s.book?.path ?? null);
  // What the card is drawn from: its state is asked again when one of these changes.
  const title = useEditor((s) => formTextOf(s, 'title'));
  const cover = useEditor((s) => formTextOf(s, 'cover'));
  const image = useEditor((s) => formTextOf(s, 'image'));
  const authors = useEditor((s) => JSON.stringify(fieldOf(s.book?.readable?.data, 'authors') ?? null));
  const coverExists = useEditor((s) => s.site.files[bare(formTextOf(s, 'cover'))]);

  const [question, setQuestion] = useState<ReplaceQuestion | null>(null);
  const [coverBusy, setCoverBusy] = useState(false);
  const [coverError, setCoverError] = useState<{ path: string; text: string } | null>(null);
  const [card, setCard] = useState<{ path: string; state: PreviewImageState } | null>(null);
  const [cardBusy, setCardBusy] = useState(false);
  const [made, setMade] = useState<{ path: string; ms: number | null; warnings: readonly string[]; error: string | null } | null>(null);
  const [nonce, setNonce] = useState(0);
  const busy = useRef({ cover: false, card: false });
  const asked = useRef(0);
  // Set after a write: the next ask goes out at once, not after the pause for typing.
  const soon = useRef(false);
  const refresh = useCallback(() => {
    soon.current = true;
    setNonce((n) => n + 1);
  }, []);

  // The card's state, asked with the text as the page holds it, a pause after the last change.
  useEffect(() => {
    if (!path) return;
    const seq = ++asked.current;
    const delay = soon.current ? 0 : CARD_STATE_DELAY_MS;
    soon.current = false;
    const t = setTimeout(() => {
      const book = store.get().book;
      if (!book || book.path !== path) return;
      session.previewImageState(path, book.doc.text).then(
        (state) => seq === asked.current && setCard({ path, state }),
        (e: unknown) => seq === asked.current && setCard({ path, state: { path: null, imageEmpty: false, status: 'invalid', changed: [], message: `The preview image's state could not be read: ${message(e)}` } }),
      );
    }, delay);
    return () => clearTimeout(t);
  }, [store, session, path, title, authors, cover, image, coverExists, nonce]);

  const ask = useCallback(
    (q: Omit<ReplaceQuestion, 'answer'>) =>
      new Promise<boolean>((resolve) =>
        setQuestion({
          ...q,
          answer: (yes) => {
            setQuestion(null);
            resolve(yes);
          },
        }),
      ),
    [],
  );

  const choose = useCallback(
    (file: File) => {
      const book = store.get().book;
      if (!book || busy.current.cover || store.get().ui.readOnly) return;
      const refusal = coverRefusal(file);
      setCoverError(refusal ? { path: book.path, text: refusal } : null);
      if (refusal) {
        store.notify('error', `Cover not written: ${refusal}`);
        return;
      }
      const set = (b: boolean) => {
        busy.current.cover = b;
        setCoverBusy(b);
      };
      void (async () => {
        set(true);
        try {
          const base64 = await base64Of(file);
          let result = await session.writeCover(book.path, base64, false);
          if (!result.ok) {
            set(false);
            if (!(await ask({ what: 'cover', path: result.path, from: file.name }))) {
              store.notify('info', `The cover ${result.path} was kept as it is.`);
              return;
            }
            set(true);
            result = await session.writeCover(book.path, base64, true);
            if (!result.ok) throw new Error(`${result.path} is there and was not replaced.`);
          }
          assets.forget(result.path);
          session.wroteFile(result.path);
          const state = store.get();
          const point = state.book?.path === book.path && bare(formTextOf(state, 'cover')) !== result.path;
          const pointed = point && store.run(setImagePath, { key: 'cover', value: result.path });
          store.notify('success', `Cover written: ${result.path}, ${result.width}×${result.height} px${pointed ? ', and the book’s cover set to it' : ''}.`);
          refresh();
        } catch (e) {
          const text = `${file.name || 'The image'} was not made the cover: ${message(e)}`;
          setCoverError({ path: book.path, text });
          store.notify('error', text);
        } finally {
          set(false);
        }
      })();
    },
    [store, session, assets, ask, refresh],
  );

  const make = useCallback(() => {
    const book = store.get().book;
    if (!book || busy.current.card || store.get().ui.readOnly) return;
    const set = (b: boolean) => {
      busy.current.card = b;
      setCardBusy(b);
    };
    void (async () => {
      set(true);
      try {
        let result = await session.makePreviewImage(book.path, store.get().book?.doc.text ?? book.doc.text, false);
        if (!result.ok) {
          set(false);
          if (!(await ask({ what: 'image', path: result.path, isCover: bare(formTextOf(store.get(), 'cover')) === result.path }))) {
            store.notify('info', `The preview image ${result.path} was kept as it is.`);
            return;
          }
          set(true);
          result = await session.makePreviewImage(book.path, store.get().book?.doc.text ?? book.doc.text, true);
          if (!result.ok) throw new Error(`${result.path} is there and was not replaced.`);
        }
        assets.forget(result.path);
        session.wroteFile(result.path);
        const pointed = result.setImage && store.get().book?.path === book.path && store.run(setImagePath, { key: 'image', value: result.path });
        setMade({ path: book.path, ms: result.ms, warnings: result.warnings, error: null });
        const left = result.warnings.length ? ` ${result.warnings.join(' ')}` : '';
        store.notify(result.warnings.length ? 'info' : 'success', `Preview image made: ${result.path}${pointed ? ', and the book’s image set to it' : ''}.${left}`);
      } catch (e) {
        const text = `The preview image was not made: ${message(e)}`;
        setMade({ path: book.path, ms: null, warnings: [], error: text });
        store.notify('error', text);
      } finally {
        set(false);
        refresh();
      }
    })();
  }, [store, session, assets, ask, refresh]);

  const mine = made?.path === path ? made : null;
  const coverText = coverError?.path === path ? coverError.text : null;
  const cardState = card?.path === path ? card.state : null;
  const coverAction = useMemo(() => ({ busy: coverBusy, error: coverText, choose }), [coverBusy, coverText, choose]);
  const cardAction = useMemo(
    () => ({ state: cardState, busy: cardBusy, ms: mine?.ms ?? null, warnings: mine?.warnings ?? NONE, error: mine?.error ?? null, make }),
    [cardState, cardBusy, mine, make],
  );
  return { cover: coverAction, card: cardAction, question };
}

const NONE: readonly string[] = [];
