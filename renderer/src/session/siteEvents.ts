/** The long-poll loop over `api.nextEvents`: changes on disk and native menu commands. */
import type { SiteEvent } from '../../../shared/api';
import type { Session } from './session';

/** Starts listening; returns a function that stops. */
export function listen(session: Session, runCommand: (command: string) => void): () => void {
  let stopped = false;
  let refresh: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(refresh);
    refresh = setTimeout(() => void session.refreshBooks(), 300);
    gitSoon();
  };
  // The library's marks and the branch follow changes on disk, once per burst of events.
  let gitRefresh: ReturnType<typeof setTimeout> | undefined;
  const gitSoon = () => {
    clearTimeout(gitRefresh);
    gitRefresh = setTimeout(() => void session.refreshGit(), 500);
  };
  const handle = (event: SiteEvent) => {
    switch (event.kind) {
      case 'command':
        runCommand(event.command);
        break;
      case 'open-book':
        session.requestOpen(event.path);
        break;
      case 'book-changed':
        void session.bookChanged(event.path);
        refreshSoon();
        break;
      case 'book-added':
        // The open book's file is back (written again by another program): it is on disk, and may differ.
        if (session.store.get().ui.removedOnDisk && session.store.get().book?.path === event.path) {
          session.store.setUi({ removedOnDisk: false });
          void session.bookChanged(event.path);
        }
        refreshSoon();
        break;
      case 'book-removed':
        if (session.store.get().book?.path === event.path) {
          session.store.setUi({ removedOnDisk: true });
          session.store.notify('error', 'The open book was removed from disk. Save to write it again.');
        }
        refreshSoon();
        break;
      case 'people-changed':
        void session.refreshPeople();
        gitSoon();
        break;
      case 'site-opened':
        session.store.close();
        void session.start();
        break;
      case 'site-gone':
        // The open book stays open: its unsaved text is still backed up outside the site.
        session.store.setSite({ error: event.message });
        session.store.notify('error', event.message);
        break;
    }
  };
  void (async () => {
    let cursor = 0;
    let failures = 0;
    while (!stopped) {
      try {
        const batch = await session.nextEvents(cursor);
        if (stopped) return;
        failures = 0;
        if (session.store.get().ui.hostGone) {
          session.store.setUi({ hostGone: null });
          session.store.notify('info', "Connected to the editor's host again.");
        }
        const first = cursor === 0;
        cursor = batch.cursor;
        // Cursor 0 returns the current cursor; events before it happened before this page.
        if (!first) batch.events.forEach(handle);
      } catch (e) {
        if (stopped) return;
        // The long poll is always waiting on the host: when it fails, the host went away (or turned this page away).
        if (!session.store.get().ui.hostGone) {
          const why = e instanceof Error && e.message ? e.message : "The editor's host is not reachable.";
          session.store.setUi({ hostGone: why });
          session.store.notify('error', why);
        }
        failures++;
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** Math.min(failures, 5))));
      }
    }
  })();
  return () => {
    stopped = true;
    clearTimeout(refresh);
    clearTimeout(gitRefresh);
  };
}
