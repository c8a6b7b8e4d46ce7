/**
 * The app's one live region for what a screen reader should hear after a command: a move, a removal, where
 * focus went. Commands call `store.announce(text)`; the same text twice is read twice (it alternates a
 * trailing no-break space, so the region's content changes).
 */
import { useEditor } from '../store/hooks';

export function Announcer() {
  const announcement = useEditor((s) => s.ui.announcement);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement ? `${announcement.text}${announcement.id % 2 ? '\u00a0' : ''}` : ''}
    </div>
  );
}
