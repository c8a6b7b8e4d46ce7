/** The live preview beside the editor: the site's book page for the open book; a click on a thread takes the editor there. */
import { useCallback } from 'react';
import { useServices } from '../services/services';
import { useImage } from '../services/useImage';
import { useEditor } from '../store/hooks';
import { formTextOf, hasFormBook } from '../store/derived';
import { revealInForm, revealInRaw } from '../place/revealPlace';
import { PreviewFrame } from './PreviewFrame';

export function PreviewPane() {
  const { store, session } = useServices();
  const readable = useEditor(hasFormBook);
  const cover = useEditor((s) => formTextOf(s, 'cover'));
  const choice = useEditor((s) => s.ui.theme);
  const image = useImage(cover);
  const onSelect = useCallback(
    (thread: number, reply: number | null) => {
      session.flush();
      const place = reply === null ? `archive.${thread}` : `archive.${thread}.replies.${reply}`;
      if (store.get().ui.view === 'raw') revealInRaw(store, place);
      else revealInForm(store, place);
    },
    [store, session],
  );
  const onLink = useCallback((href: string) => void session.openExternal(href), [session]);
  return (
    <section className="preview" aria-label="Preview">
      <header className="pane-head">
        <h2>Preview</h2>
      </header>
      <div className="preview-body">
        {readable ? (
          <PreviewFrame coverUrl={image.url} theme={choice === 'system' ? undefined : choice} onSelect={onSelect} onLink={onLink} />
        ) : (
          <p className="empty">The preview appears once the front matter can be read.</p>
        )}
      </div>
    </section>
  );
}
