/** The window as the security rules want it, and its title; plain data so tests check it without Electron. */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from '../../shared/api';

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The host part of app:// addresses. */
export const APP_HOST = 'book-editor';
/** The origin of the editor page. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The address the window loads. */
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Whether a frame's address is the editor page (the only sender IPC accepts). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The options of the one editor window: isolated, sandboxed, no Node, web security on. */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Book Editor',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** The window title: "● name — Book Editor" while there is unsaved work (a title that already ends in the app's name keeps it once). */
export function windowTitle(state: WindowState): string {
  const name = state.title.trim().replace(/\s*[—–-]\s*Book Editor$/, '').replace(/^Book Editor$/, '');
  return `${state.dirty ? '● ' : ''}${name ? `${name} — ` : ''}Book Editor`;
}
