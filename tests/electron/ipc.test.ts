// IPC: one handler per contract method, registered in one loop, each call checked before the service runs.
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelOf } from '../../shared/api';
import type { BookApi } from '../../shared/api';
import { registerIpc } from '../../electron/app/ipc';
import type { IpcAnswer, IpcEventLike, IpcMainLike } from '../../electron/app/ipc';
import { WorkspaceError } from '../../electron/workspace/index';

type Handler = (event: IpcEventLike, ...args: unknown[]) => Promise<IpcAnswer>;

function fakeApi(): BookApi & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const api = Object.fromEntries(API_METHODS.map((m) => [m, async (...args: unknown[]) => {
    calls.push([m, args]);
    if (m === 'readBook' && args[0] === '_books/missing.md') throw new WorkspaceError('not-found', '_books/missing.md does not exist.');
    if (m === 'listBooks') throw new Error('disk on fire');
    return m === 'site' ? { root: '/site', name: 'site', canOpenOther: true } : undefined;
  }])) as unknown as BookApi;
  return Object.assign(api, { calls });
}

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const api = fakeApi();
  registerIpc(ipcMain, () => api);
  return { handlers, api };
}

const app: IpcEventLike = { senderFrame: { url: 'app://book-editor/index.html' } };

describe('IPC registration', () => {
  it('registers exactly one channel per contract method', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    expect(API_METHODS).toHaveLength(23);
  });

  it('passes checked arguments to the service and answers with its value', async () => {
    const { handlers, api } = setup();
    expect(await handlers.get(channelOf('site'))!(app)).toEqual({ ok: true, value: { root: '/site', name: 'site', canOpenOther: true } });
    const base = { mtimeMs: 1, size: 2, hash: 'a'.repeat(64) };
    await handlers.get(channelOf('saveBook'))!(app, '_books/x.md', 'text', base);
    expect(api.calls.at(-1)).toEqual(['saveBook', ['_books/x.md', 'text', base]]);
  });

  it.each([
    ['readBook', [42], /path must be a string/],
    ['readBook', ['../etc/passwd'], /without \.\./],
    ['readBook', [], /takes 1 argument/],
    ['saveBook', ['_books/x.md', 'text', { mtimeMs: 1 }], /fingerprint/],
    ['nextEvents', [-1], /non-negative integer/],
    ['openExternal', ['javascript:alert(1)'], /http\(s\)/],
    ['openExternal', ['file:///etc/passwd'], /http\(s\)/],
    ['newBook', [{ title: '', authors: [], week: '2024-01-01' }], /non-empty title/],
    ['setWindowState', [{ title: 'x' }], /dirty/],
    ['commit', [['-n'], 'message'], /does not start with -/],
    ['commit', [[], 'message'], /at least one path/],
    ['commit', [['_books/x.md'], 42], /message must be a string/],
    ['readAtHead', ['../README.md'], /without \.\./],
  ] as const)('refuses bad arguments of %s %j without calling the service', async (method, args, message) => {
    const { handlers, api } = setup();
    const answer = await handlers.get(channelOf(method))!(app, ...args);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatch(message);
    expect(api.calls).toEqual([]);
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/index.html' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['a look-alike host', { senderFrame: { url: 'app://book-editor.evil/index.html' } }],
    ['a data frame', { senderFrame: { url: 'data:text/html,hi' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame', {}],
  ] as [string, IpcEventLike][])('refuses calls from %s', async (_what, event) => {
    const { handlers, api } = setup();
    for (const method of API_METHODS) {
      const answer = await handlers.get(channelOf(method))!(event);
      expect(answer).toEqual({ ok: false, error: 'Refused: the call did not come from the editor page.' });
    }
    expect(api.calls).toEqual([]);
  });

  it('turns service errors into messages, never stacks', async () => {
    const { handlers } = setup();
    expect(await handlers.get(channelOf('readBook'))!(app, '_books/missing.md')).toEqual({ ok: false, error: '_books/missing.md does not exist.' });
    const answer = await handlers.get(channelOf('listBooks'))!(app);
    expect(answer).toEqual({ ok: false, error: 'disk on fire' });
  });
});

describe('the preload', () => {
  it('exposes every contract method as window.bookApi over IPC, and never ipcRenderer', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async (channel: string, ...args: unknown[]): Promise<IpcAnswer> => (channel === channelOf('readBook') && args[0] === '_books/missing.md' ? { ok: false, error: 'missing' } : { ok: true, value: [channel, args] }));
    vi.doMock('electron', () => ({ contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }, ipcRenderer: { invoke } }));
    await import('../../electron/preload');
    vi.doUnmock('electron');
    expect([...exposed.keys()]).toEqual(['bookApi']);
    const api = exposed.get('bookApi') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(await api.saveBook!('_books/x.md', 't', null)).toEqual([channelOf('saveBook'), ['_books/x.md', 't', null]]);
    await expect(api.readBook!('_books/missing.md')).rejects.toThrow('missing');
  });
});
