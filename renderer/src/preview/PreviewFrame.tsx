/**
 * The preview frame: renders the open book with shared/preview after each change (once per
 * burst of store updates, in the same task, so the next frame paints the form and the page
 * together; one changed thread at a time) and shows it through LivePreview. It reads the store itself,
 * so typing does not render any React component here.
 */
import { useEffect, useRef } from 'react';
import { isObj } from '../../../shared/index';
import { useStore } from '../store/hooks';
import { createBookPreview } from './bookPreview';
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
    const render = createBookPreview();
    let seen: unknown[] = [];
    let shownPath: string | null = null;
    let queued = false;
    let running = true;
    const update = () => {
      queued = false;
      if (!running) return;
      const s = store.get();
      const doc = s.book?.readable;
      const { coverUrl, theme } = props.current;
      const inputs = [doc, s.site.people, coverUrl, theme];
      if (doc && isObj(doc.data) && inputs.some((v, i) => v !== seen[i])) {
        seen = inputs;
        // Another book: its page is shown as a first view (the top and the first threads, the rest in idle time).
        const fresh = s.book!.path !== shownPath;
        shownPath = s.book!.path;
        live.show(render({ data: doc.data, body: doc.body, people: s.site.people, coverUrl, theme }), fresh);
      }
      live.mark(s.ui.place);
    };
    const schedule = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(update);
    };
    refresh.current = schedule;
    update();
    const stop = store.subscribe(schedule);
    return () => {
      running = false;
      stop();
      live.dispose();
    };
  }, [store]);

  useEffect(() => refresh.current(), [coverUrl, theme]);

  return <iframe ref={ref} className="preview-frame" title="Preview" sandbox="allow-same-origin" referrerPolicy="no-referrer" />;
}
