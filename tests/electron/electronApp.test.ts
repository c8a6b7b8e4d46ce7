// The pure parts of the Electron main process, checked without the Electron binary.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { parseAppArgs } from '../../electron/app/args';
import { appResponse } from '../../electron/app/appProtocol';
import { AppSession } from '../../electron/app/appSession';
import { denyPermissions, guardContents, isExternalUrl } from '../../electron/app/contentsGuards';
import type { ContentsLike } from '../../electron/app/contentsGuards';
import { leavePrompt } from '../../electron/app/leavePrompt';
import { EDITOR_COMMANDS, menuTemplate } from '../../electron/app/menu';
import type { MenuActions } from '../../electron/app/menu';
import { RecentFolders } from '../../electron/app/recentFolders';
import { APP_URL, isAppUrl, windowOptions, windowTitle } from '../../electron/app/windowOptions';
import { CSP } from '../../electron/host/securityHeaders';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('window and content security', () => {
  it('the window is isolated, sandboxed, without Node, with web security and the preload', () => {
    const options = windowOptions('/app/dist/electron/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('the CSP header equals the meta tag of renderer/index.html', () => {
    const html = fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CSP);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).toContain("object-src 'none'");
  });

  it('only app://book-editor is the editor page', () => {
    expect(APP_URL).toBe('app://book-editor/index.html');
    expect(isAppUrl('app://book-editor/assets/x.js')).toBe(true);
    for (const u of ['app://other/index.html', 'https://book-editor/', 'file:///index.html', 'not a url']) expect(isAppUrl(u)).toBe(false);
  });

  it('blocks navigation and webviews, and sends only http(s) new windows to the OS browser', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents: ContentsLike = { on: (event, l) => listeners.set(event, l), setWindowOpenHandler: (h) => void (openHandler = h) };
    const opened: string[] = [];
    guardContents(contents, (url) => opened.push(url));
    for (const event of ['will-navigate', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(event)!({ preventDefault });
      expect(preventDefault).toHaveBeenCalled();
    }
    for (const url of ['https://example.com/a', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://book-editor/x']) expect(openHandler!({ url })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/a', 'http://example.com/']);
    expect(isExternalUrl('mailto:a@b.c')).toBe(false);
  });

  it('denies every permission', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    denyPermissions({ setPermissionRequestHandler: (h) => void (request = h), setPermissionCheckHandler: (h) => void (check = h) });
    const cb = vi.fn();
    request!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check!(null, 'clipboard-read')).toBe(false);
  });
});

describe('app:// responses', () => {
  function renderer() {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><p>hi</p>');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'main.js'), 'console.log(1)');
    fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');
    return dir;
  }

  it('serves the renderer with the CSP and the right types', async () => {
    const dir = renderer();
    const html = await appResponse(dir, 'app://book-editor/index.html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toBe(CSP);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('cache-control')).toBe('no-store');
    expect(await html.text()).toContain('<p>hi</p>');
    const js = await appResponse(dir, 'app://book-editor/assets/main.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await appResponse(dir, 'app://book-editor/')).status).toBe(200);
  });

  it('refuses traversal and other hosts', async () => {
    const dir = renderer();
    expect((await appResponse(dir, 'app://book-editor/../secret.txt')).status).toBe(400);
    expect((await appResponse(dir, 'app://book-editor/%2e%2e/secret.txt')).status).toBe(400);
    expect((await appResponse(dir, 'app://book-editor/assets%2f..%2f..%2fsecret.txt')).status).toBe(400);
    expect((await appResponse(dir, 'app://other/index.html')).status).toBe(404);
    expect((await appResponse(dir, 'app://book-editor/missing.js')).status).toBe(404);
    expect((await appResponse(dir, 'app://book-editor/index.html', 'POST')).status).toBe(405);
  });
});

describe('menu', () => {
  const actions = (): MenuActions & { log: string[] } => {
    const log: string[] = [];
    return { log, openFolder: () => log.push('openFolder'), openFile: () => log.push('openFile'), openRecent: (f) => log.push(`recent:${f}`), clearRecent: () => log.push('clearRecent'), command: (c) => log.push(`command:${c}`) };
  };
  const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
  const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

  it('has File, Edit and View with the editor commands', () => {
    const a = actions();
    const template = menuTemplate(a, ['/sites/a', '/sites/b'], false);
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'windowMenu']);
    const labels = (name: string) => (template.find((m) => m.label === name)!.submenu as MenuItemConstructorOptions[]).map((i) => i.label ?? i.role ?? i.type);
    expect(labels('File')).toEqual(['New Book…', 'Import from Slack…', 'separator', 'Open Folder…', 'Open File…', 'Open Recent', 'separator', 'Review Changes…', 'Save', 'Revert', 'Changes…', 'Reschedule…', 'separator', 'quit']);
    expect(labels('Edit')).toEqual(['Undo', 'Redo', 'separator', 'cut', 'copy', 'paste', 'selectAll', 'separator', 'Find']);
    expect(labels('View')).toEqual(['Form', 'Raw', 'separator', 'Preview', 'separator', 'togglefullscreen']);
    const all = items(template);
    for (const c of EDITOR_COMMANDS) click(all.find((i) => i.id === `command.${c}`));
    click(all.find((i) => i.id === 'open.folder'));
    click(all.find((i) => i.id === 'open.file'));
    click(all.find((i) => i.label === '/sites/b'));
    click(all.find((i) => i.id === 'recent.clear'));
    expect(a.log).toEqual([...EDITOR_COMMANDS.map((c) => `command:${c}`), 'openFolder', 'openFile', 'recent:/sites/b', 'clearRecent']);
  });

  it('shows editor shortcuts without taking the keys from the page', () => {
    const all = items(menuTemplate(actions(), [], false));
    const save = all.find((i) => i.id === 'command.save')!;
    expect(save.accelerator).toBe('CmdOrCtrl+S');
    expect(save.registerAccelerator).toBe(false);
    expect(all.find((i) => i.id === 'open.folder')!.registerAccelerator).toBeUndefined();
    expect(all.find((i) => i.label === 'No Recent Folders')!.enabled).toBe(false);
  });

  it('on macOS starts with the app menu', () => {
    expect(menuTemplate(actions(), [], true)[0]).toEqual({ role: 'appMenu' });
  });
});

describe('command line, title and prompts', () => {
  it('finds the folder or file to open among switches', () => {
    expect(parseAppArgs(['/usr/bin/electron', '.', 'content'], { defaultApp: true, cwd: '/app' })).toBe(path.resolve('/app/content'));
    expect(parseAppArgs(['/usr/bin/electron', '--allow-file-access-from-files', '.', '/sites/x'], { defaultApp: true, cwd: '/app' })).toBe(path.resolve('/sites/x'));
    expect(parseAppArgs(['/opt/Book Editor/book-editor', '--no-sandbox', 'books/a.md'], { defaultApp: false, cwd: '/home/me' })).toBe(path.resolve('/home/me/books/a.md'));
    expect(parseAppArgs(['/opt/Book Editor/book-editor'], { defaultApp: false, cwd: '/' })).toBeNull();
    expect(parseAppArgs(['/usr/bin/electron', '.'], { defaultApp: true, cwd: '/' })).toBeNull();
  });

  it('marks unsaved work in the title', () => {
    expect(windowTitle({ title: 'The Quiet Compiler', dirty: true })).toBe('● The Quiet Compiler — Book Editor');
    expect(windowTitle({ title: 'The Quiet Compiler', dirty: false })).toBe('The Quiet Compiler — Book Editor');
    expect(windowTitle({ title: '', dirty: false })).toBe('Book Editor');
    expect(windowTitle({ title: 'content — Book Editor', dirty: true })).toBe('● content — Book Editor');
  });

  it('asks Save, Don’t Save or Cancel', () => {
    expect(leavePrompt('The Quiet Compiler', 'closing')).toMatchObject({ buttons: ['Save', "Don't Save", 'Cancel'], cancelId: 2, message: 'Save the changes to The Quiet Compiler before closing?' });
  });

  it('remembers recent folders, most recent first, at most ten', async () => {
    const file = path.join(tempDir(), 'data', 'recent.json');
    const recent = new RecentFolders(file);
    expect(await recent.list()).toEqual([]);
    for (let i = 0; i < 12; i++) await recent.add(`/sites/${i}`);
    await recent.add('/sites/5');
    const list = await recent.list();
    expect(list).toHaveLength(10);
    expect(list.slice(0, 2)).toEqual(['/sites/5', '/sites/11']);
    expect(await recent.remove('/sites/5')).not.toContain('/sites/5');
    fs.writeFileSync(file, '{damaged');
    expect(await recent.list()).toEqual([]);
  });
});

describe('the desktop session', () => {
  it('serves no site until one is opened, then tells the page', async () => {
    const states: unknown[] = [];
    const s = new AppSession(tempDir(), { openExternal: async () => undefined, setWindowState: (st) => states.push(st) });
    const api = s.api();
    expect(await api.site()).toBeNull();
    await expect(api.listBooks()).rejects.toThrow(/No site is open/);
    const hello = await api.nextEvents(0);
    const site = sampleSite();
    await s.open(path.join(site, '_books', '20240318-the-quiet-compiler.md'));
    const batch = await api.nextEvents(hello.cursor);
    expect(batch.events).toEqual([{ kind: 'site-opened' }, { kind: 'open-book', path: '_books/20240318-the-quiet-compiler.md' }]);
    expect(await api.site()).toMatchObject({ name: 'site', canOpenOther: true });
    expect(await api.listBooks()).toHaveLength(4);
    s.command('view.raw');
    expect((await api.nextEvents(batch.cursor)).events).toEqual([{ kind: 'command', command: 'view.raw' }]);
    await api.setWindowState({ title: 'X', dirty: true });
    expect(states).toEqual([{ title: 'X', dirty: true }]);
    const saved = s.waitForState((st) => !st.dirty, 1000);
    await api.setWindowState({ title: 'X', dirty: false });
    expect(await saved).toBe(true);
    s.close();
  });

  it('reopening a book of the open site only asks the page to open it', async () => {
    const s = new AppSession(tempDir(), { openExternal: async () => undefined, setWindowState: () => undefined });
    const site = sampleSite();
    await s.open(site);
    const hello = await s.api().nextEvents(0);
    const { cursor, events } = await s.api().nextEvents(hello.cursor);
    expect(events).toEqual([{ kind: 'site-opened' }]);
    const before = s.workspace;
    await s.open(path.join(site, '_books', '20240304-gardening-with-graphs.md'));
    expect(s.workspace).toBe(before);
    expect((await s.api().nextEvents(cursor)).events).toEqual([{ kind: 'open-book', path: '_books/20240304-gardening-with-graphs.md' }]);
    s.close();
  });
});
