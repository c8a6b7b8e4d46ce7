/** The editor window: library | editor (Form / Raw) | preview, with the status bar, dialogs and notices. */
import { useEffect, useMemo, useState } from 'react';
import type { BookApi } from '../../../shared/api';
import { createAppRegistry } from '../commands/appRegistry';
import { useShortcuts } from '../commands/useShortcuts';
import { Session } from '../session/session';
import { AssetCache } from '../session/assets';
import { listen } from '../session/siteEvents';
import { watch } from '../session/watchers';
import { createEditorStore, INITIAL_STATE } from '../store/editorStore';
import type { EditorStore } from '../store/editorStore';
import { StoreContext, useEditor } from '../store/hooks';
import { LibraryPane } from '../library/LibraryPane';
import { EditorPane } from '../editor/EditorPane';
import { PreviewPane } from '../preview/PreviewPane';
import { StatusBar } from '../problems/StatusBar';
import { Splitter } from '../ui/Splitter';
import { Icon } from '../ui/Icon';
import { DialogHost } from './DialogHost';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Notice } from './Notice';
import { Announcer } from './Announcer';
import { ServicesContext, useServices } from '../services/services';
import type { Services } from '../services/services';
import { savedTheme, useTheme } from '../services/theme';
import { savedPreview, useRememberPreview } from './previewPref';

interface Props {
  readonly api: BookApi;
  /** For tests: a store to render, and a shorter backup delay. */
  readonly store?: EditorStore;
  readonly backupDelayMs?: number;
  /** Whether the page talks to a host over HTTP (a browser tab); by default, when no preload gave it `window.bookApi`. */
  readonly remote?: boolean;
}

export function App({ api, store: given, backupDelayMs, remote }: Props) {
  const services = useMemo<Services>(() => {
    const store = given ?? createEditorStore({ ...INITIAL_STATE, ui: { ...INITIAL_STATE.ui, theme: savedTheme(), preview: savedPreview() } });
    const session = new Session(api, store);
    return { store, session, registry: createAppRegistry(), assets: new AssetCache(api) };
  }, [api, given]);

  useEffect(() => {
    const { session, registry, store } = services;
    store.setUi({ remote: remote ?? (typeof window !== 'undefined' && !window.bookApi) });
    void session.start();
    const stopEvents = listen(session, (command) => registry.dispatch(command, { store, session }, 'menu'));
    const stopWatch = watch(session, backupDelayMs);
    // Back from a terminal or another app: git's state may have moved (a commit, a pull).
    const onFocus = () => void session.refreshGit();
    window.addEventListener('focus', onFocus);
    return () => {
      stopEvents();
      stopWatch();
      window.removeEventListener('focus', onFocus);
    };
  }, [services, backupDelayMs, remote]);

  return (
    <StoreContext.Provider value={services.store}>
      <ServicesContext.Provider value={services}>
        <ErrorBoundary>
          <Shell />
        </ErrorBoundary>
      </ServicesContext.Provider>
    </StoreContext.Provider>
  );
}

const THEME_ICON = { system: 'system', light: 'sun', dark: 'moon' } as const;

function Shell() {
  const { store, registry, session } = useServices();
  useShortcuts();
  const theme = useTheme();
  useRememberPreview();
  const preview = useEditor((s) => s.ui.preview && s.book !== null);
  // Narrower side panes on smaller screens leave the form its room.
  const narrow = typeof window !== 'undefined' && window.innerWidth < 1400;
  const [sidebar, setSidebar] = useState(narrow ? 256 : 288);
  const [previewWidth, setPreviewWidth] = useState(narrow ? 320 : 400);
  return (
    <div className="app">
      <div className="workspace" style={{ '--sidebar-width': `${sidebar}px`, '--preview-width': `${previewWidth}px` } as React.CSSProperties}>
        <div className="pane pane-library">
          <LibraryPane
            themeButton={
              <button type="button" className="icon-btn" aria-label={`Theme: ${theme}`} title={`Theme: ${theme} (click to change)`} onClick={() => registry.dispatch('theme', { store, session }, 'button')}>
                <Icon name={THEME_ICON[theme]} />
              </button>
            }
          />
        </div>
        <Splitter label="Resize library" value={sidebar} min={200} max={480} direction={1} onChange={setSidebar} />
        <EditorPane />
        {preview ? (
          <>
            <Splitter label="Resize preview" value={previewWidth} min={260} max={720} direction={-1} onChange={setPreviewWidth} />
            <PreviewPane />
          </>
        ) : null}
      </div>
      <StatusBar />
      <DialogHost />
      <Notice />
      <Announcer />
    </div>
  );
}
