/**
 * The Electron main process: one hardened window on app://, the native menu, IPC for the
 * contract, and the app's lifecycle (single instance, recent folders, unsaved-work prompts).
 * The pure parts live in app/ so tests check them without the Electron binary.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { OpenDialogOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { parseAppArgs } from './app/args';
import { appResponse } from './app/appProtocol';
import { AppSession } from './app/appSession';
import { denyPermissions, guardContents, isExternalUrl } from './app/contentsGuards';
import { registerIpc } from './app/ipc';
import { LEAVE_CHOICES, leavePrompt } from './app/leavePrompt';
import { menuTemplate } from './app/menu';
import { RecentFolders } from './app/recentFolders';
import { APP_SCHEME, APP_URL, windowOptions, windowTitle } from './app/windowOptions';
import { locateSite } from './workspace/siteRoot';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

const appDir = app.getAppPath();
const rendererDir = path.join(appDir, 'dist', 'renderer');
const recent = new RecentFolders(path.join(app.getPath('userData'), 'recent-folders.json'));
const appSession = new AppSession(path.join(app.getPath('userData'), 'backups'), {
  openExternal: async (url) => {
    if (!isExternalUrl(url)) throw new Error('Only http(s) addresses open in the browser.');
    await shell.openExternal(url);
  },
  setWindowState: (state) => {
    win?.setTitle(windowTitle(state));
    win?.setDocumentEdited(state.dirty);
  },
});
let win: BrowserWindow | null = null;
let closeConfirmed = false;
let quitting = false;

const errorBox = (title: string, e: unknown) => dialog.showErrorBox(title, e instanceof Error ? e.message : String(e));

/** Asks before unsaved work is lost; resolves true when it is fine to go on. */
async function confirmLeave(action: string): Promise<boolean> {
  if (!win || !appSession.windowState.dirty) return true;
  const { response } = await dialog.showMessageBox(win, leavePrompt(appSession.windowState.title, action));
  const choice = LEAVE_CHOICES[response] ?? 'cancel';
  if (choice === 'cancel') return false;
  if (choice === 'discard') {
    const ws = appSession.workspace;
    for (const b of ws ? await ws.listBackups().catch(() => []) : []) await ws?.discardBackup(b.path).catch(() => undefined);
    return true;
  }
  appSession.command('save');
  return appSession.waitForState((s) => !s.dirty, 15_000);
}

async function rebuildMenu(): Promise<void> {
  const template = menuTemplate(
    {
      openFolder: () => void pick('openDirectory'),
      openFile: () => void pick('openFile'),
      openRecent: (folder) => void openTarget(folder, true),
      clearRecent: () => void recent.clear().then(rebuildMenu),
      command: (command) => appSession.command(command),
    },
    await recent.list(),
    process.platform === 'darwin',
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function pick(kind: 'openDirectory' | 'openFile'): Promise<void> {
  const options: OpenDialogOptions = kind === 'openFile' ? { properties: ['openFile'], filters: [{ name: 'Book files', extensions: ['md'] }] } : { properties: ['openDirectory'] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const chosen = result.filePaths[0];
  if (!result.canceled && chosen) await openTarget(chosen, false);
}

/** Opens a folder or book file; asks first when that switches site with unsaved work. */
async function openTarget(target: string, fromRecent: boolean): Promise<void> {
  try {
    const { root } = await locateSite(target);
    if (root !== appSession.workspace?.root && !(await confirmLeave('opening another site'))) return;
    await appSession.open(target);
    app.addRecentDocument(root);
    await recent.add(root);
    await rebuildMenu();
    win?.show();
    win?.focus();
  } catch (e) {
    if (fromRecent) await recent.remove(target).then(rebuildMenu).catch(() => undefined);
    errorBox('Cannot open', e);
  }
}

function createWindow(): void {
  win = new BrowserWindow(windowOptions(path.join(appDir, 'dist', 'electron', 'preload.cjs')));
  win.once('ready-to-show', () => win?.show());
  win.on('close', (event) => {
    if (closeConfirmed || !appSession.windowState.dirty) return;
    event.preventDefault();
    const wasQuitting = quitting;
    quitting = false;
    void confirmLeave(wasQuitting ? 'quitting' : 'closing').then((ok) => {
      if (!ok) return;
      closeConfirmed = true;
      // A quit stopped by the prompt goes on once the user agreed.
      if (wasQuitting) app.quit();
      else win?.close();
    });
  });
  win.on('closed', () => {
    win = null;
    closeConfirmed = false;
  });
  void win.loadURL(APP_URL);
}

async function firstTarget(): Promise<string | null> {
  const given = parseAppArgs(process.argv, { defaultApp: Boolean(process.defaultApp), cwd: process.cwd() });
  if (given) return given;
  const sample = path.join(appDir, 'content');
  if (fs.existsSync(path.join(sample, '_books'))) return sample;
  return (await recent.list())[0] ?? null;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!win) createWindow();
    if (win?.isMinimized()) win.restore();
    win?.focus();
    const target = parseAppArgs(argv, { defaultApp: Boolean(process.defaultApp), cwd: workingDirectory });
    if (target) void openTarget(target, false);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openTarget(file, false);
    else process.argv.push(file);
  });
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, (url) => void shell.openExternal(url));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!win) createWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => appSession.close());
  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url, request.method));
    denyPermissions(session.defaultSession);
    registerIpc(ipcMain, () => appSession.api());
    await rebuildMenu();
    createWindow();
    const target = await firstTarget();
    if (target) await openTarget(target, false);
  });
}
