/**
 * The preview frame: renders the open book with shared/preview on each change (at most
 * once per animation frame) and shows it through LivePreview. It reads the store itself,
 * so typing does not render any React component here.
 */
import { useEffect, useRef } from 'react';
import { createPreviewRenderer } from '../../../shared/preview/index';
import { useStore } from '../store/hooks';
import { formBookOf } from '../store/derived';
import { LivePreview } from './livePreview';
import type { PreviewHandlers } from './livePreview';

interface Props extends PreviewHandlers {
  /** The cover image as a blob: URL, once read. */
  readonly coverUrl: string | null;
  /** A forced theme, or undefined to follow the system. */
  readonly theme: 'light' | 'dark' | undefined;
}

export function PreviewFrame({ coverUrl, theme, onSelect, onLink }: Props) {
  const store = useStore();
  const ref = useRef<HTMLIFrameElement>(null);
  const props = useRef({ coverUrl, theme, onSelect, onLink });
  props.current = { coverUrl, theme, onSelect, onLink };
  const refresh = useRef<() => void>(() => undefined);

  useEffect(() => {
    const live = new LivePreview(ref.current!, { onSelect: (t, r) => props.current.onSelect(t, r), onLink: (h) => props.current.onLink(h) });
    const render = createPreviewRenderer();
    let seen: unknown[] = [];
    let frame = 0;
    const update = () => {
      frame = 0;
      const s = store.get();
      const book = formBookOf(s);
      const doc = s.book?.readable;
      const { coverUrl: cover, theme: forced } = props.current;
      const inputs = [doc, s.site.people, cover, forced];
      if (book && doc && inputs.some((v, i) => v !== seen[i])) {
        seen = inputs;
        live.show(render({ book, body: doc.body, people: s.site.people, coverUrl: cover, theme: forced }));
      }
      live.mark(s.ui.place);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    refresh.current = schedule;
    update();
    const stop = store.subscribe(schedule);
    return () => {
      stop();
      cancelAnimationFrame(frame);
      live.dispose();
    };
  }, [store]);

  useEffect(() => refresh.current(), [coverUrl, theme]);

  return <iframe ref={ref} className="preview-frame" title="Preview" sandbox="allow-same-origin" referrerPolicy="no-referrer" />;
}
