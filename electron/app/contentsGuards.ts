/** The guards on every web page of the app: no navigation, no new windows, no permissions. */

/** The part of a webContents the guards use (a fake in tests). */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-attach-webview', listener: (event: { preventDefault(): void }, ...rest: unknown[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of a session the permission guards use. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Whether an address may be opened in the system browser: http(s) only. */
export function isExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}

/** Blocks navigation and webviews, and turns new-window requests into http(s) links opened by the OS browser. */
export function guardContents(contents: ContentsLike, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check (camera, notifications, …). */
export function denyPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
