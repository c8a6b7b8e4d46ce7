// The Electron main process wired against a fake `electron` module: what it registers, the
// window it opens, the site it opens from the command line, and the unsaved-work prompt.
// No Electron binary is needed (none can be downloaded here).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelOf } from '../../shared/api';
import type { IpcAnswer, IpcEventLike } from '../../electron/app/ipc';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

type Listener = (...args: unknown[]) => unknown;

class FakeWindow {
  static all: FakeWindow[] = [];
  listeners = new Map<string, Listener[]>();
  title = '';
  url = '';
  closed = false;
  constructor(readonly options: Record<string, unknown>) {
    FakeWindow.all.push(this);
  }
  on(event: string, l: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    return this;
  }
  once(event: string, l: Listener) {
    return this.on(event, l);
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  async loadURL(url: string) {
    this.url = url;
  }
  setTitle(t: string) {
    this.title = t;
  }
  close() {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('close', event);
    if (!event.defaultPrevented) this.closed = true;
  }
  setDocumentEdited() {}
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
}

describe('the main process', () => {
  it('registers the scheme, IPC and menu, opens the hardened window and the site from the command line', async () => {
    const appDir = tempDir();
    const userData = tempDir();
    const site = sampleSite();
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<IpcAnswer>>();
    const privileged: unknown[] = [];
    const menus: unknown[] = [];
    const messageBoxAnswers: number[] = [];
    const boxes: unknown[] = [];
    const fake = {
      app: {
        getAppPath: () => appDir,
        getPath: () => userData,
        requestSingleInstanceLock: () => true,
        on: vi.fn(),
        whenReady: () => Promise.resolve(),
        isReady: () => true,
        quit: vi.fn(),
        addRecentDocument: vi.fn(),
      },
      BrowserWindow: FakeWindow,
      dialog: {
        showMessageBox: async (_w: unknown, options: unknown) => {
          boxes.push(options);
          return { response: messageBoxAnswers.shift() ?? 2 };
        },
        showErrorBox: vi.fn(),
        showOpenDialog: vi.fn(),
      },
      ipcMain: { handle: (channel: string, l: (event: IpcEventLike, ...args: unknown[]) => Promise<IpcAnswer>) => handlers.set(channel, l) },
      Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => menus.push(m) },
      protocol: { registerSchemesAsPrivileged: (s: unknown) => privileged.push(s), handle: vi.fn() },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
      shell: { openExternal: vi.fn() },
    };
    const argv = process.argv;
    process.argv = ['/usr/bin/electron', '.', site];
    Object.assign(process, { defaultApp: true });
    vi.doMock('electron', () => fake);
    try {
      await import('../../electron/main');
      await vi.waitFor(() => expect(fake.app.addRecentDocument).toHaveBeenCalled(), { timeout: 5000 });
    } finally {
      vi.doUnmock('electron');
      process.argv = argv;
      Object.assign(process, { defaultApp: undefined });
    }

    expect(privileged).toEqual([[{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]]);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    expect(menus.length).toBeGreaterThan(0);
    expect(fake.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    expect(fake.app.on).toHaveBeenCalledWith('second-instance', expect.any(Function));

    const win = FakeWindow.all[0]!;
    expect(win.url).toBe('app://book-editor/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: path.join(appDir, 'dist', 'electron', 'preload.cjs') });

    const page: IpcEventLike = { senderFrame: { url: 'app://book-editor/index.html' } };
    const call = async (method: string, ...args: unknown[]) => handlers.get(channelOf(method as never))!(page, ...args);
    expect(await call('site')).toEqual({ ok: true, value: { root: fs.realpathSync(site), name: 'site', canOpenOther: true } });
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'recent-folders.json'), 'utf8'))).toEqual([fs.realpathSync(site)]);

    // Unsaved work: the title shows it and closing asks first.
    await call('setWindowState', { title: 'The Quiet Compiler', dirty: true });
    expect(win.title).toBe('● The Quiet Compiler — Book Editor');
    messageBoxAnswers.push(2);
    win.close();
    await vi.waitFor(() => expect(boxes).toHaveLength(1));
    expect(win.closed).toBe(false);
    messageBoxAnswers.push(1);
    win.close();
    await vi.waitFor(() => expect(win.closed).toBe(true));
    expect(boxes[1]).toMatchObject({ buttons: ['Save', "Don't Save", 'Cancel'] });
  });
});
