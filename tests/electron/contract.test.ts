// @vitest-environment jsdom
// The hosts derive their side of the contract from shared/api.ts's method list: every site
// method reaches the workspace with its arguments, every method reaches the HTTP host.
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, SITE_METHODS, WINDOW_METHODS } from '../../shared/api';
import type { SiteApi } from '../../shared/api';
import { AppSession } from '../../electron/app/appSession';
import { hostApi } from '../../electron/host/hostApi';
import { serveContract } from '../../electron/workspace/serveContract';
import type { Workspace } from '../../electron/workspace/workspace';
import { createHttpClient } from '../../renderer/src/api/httpClient';

/** A workspace that records each call and answers with the method's name. */
function recordingWorkspace(): { ws: SiteApi; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const ws = Object.fromEntries(SITE_METHODS.map((m) => [m, async (...args: unknown[]) => (calls.push([m, args]), `answer of ${m}`)])) as unknown as SiteApi;
  return { ws, calls };
}

describe('the contract derived from its method list', () => {
  it('splits the methods into site and window methods, covering all of them', () => {
    expect([...SITE_METHODS, ...WINDOW_METHODS].sort()).toEqual([...API_METHODS].sort());
  });

  it('the localhost host forwards every site method to the workspace with its arguments', async () => {
    const { ws, calls } = recordingWorkspace();
    const api = hostApi(ws as unknown as Workspace);
    for (const m of SITE_METHODS) {
      const fn = api[m] as (...a: unknown[]) => Promise<unknown>;
      expect(await fn('a', 1)).toBe(`answer of ${m}`);
    }
    expect(calls).toEqual(SITE_METHODS.map((m) => [m, ['a', 1]]));
    expect(await api.openExternal('https://example.org/')).toBeUndefined();
  });

  it('a host may answer a site method itself; the others still reach the workspace', async () => {
    const { ws, calls } = recordingWorkspace();
    const api = serveContract(() => ws, { site: async () => null, openExternal: async () => undefined, setWindowState: async () => undefined });
    expect(await api.site()).toBeNull();
    expect(await api.listBooks()).toBe('answer of listBooks');
    expect(calls.map(([m]) => m)).toEqual(['listBooks']);
  });

  it('the desktop app session without a site refuses site methods in words', async () => {
    const session = new AppSession('/nowhere', { openExternal: async () => undefined, setWindowState: () => undefined });
    const api = session.api();
    expect(await api.site()).toBeNull();
    for (const m of SITE_METHODS.filter((x) => x !== 'site' && x !== 'nextEvents')) {
      await expect((api[m] as (...a: unknown[]) => Promise<unknown>)()).rejects.toThrow(/No site is open/);
    }
    await api.setWindowState({ title: 'T', dirty: true });
    expect(session.windowState).toEqual({ title: 'T', dirty: true });
    session.close();
  });

  it('the HTTP client posts every non-window method to /api/<method> with its arguments as a JSON list', async () => {
    const posted: [string, unknown][] = [];
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      posted.push([url, JSON.parse(String(init.body))]);
      return new Response(JSON.stringify('ok'), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    try {
      const api = createHttpClient('token', 'http://127.0.0.1:9');
      for (const m of SITE_METHODS) expect(await (api[m] as (...a: unknown[]) => Promise<unknown>)('x', 2)).toBe('ok');
      expect(posted).toEqual(SITE_METHODS.map((m) => [`http://127.0.0.1:9/api/${m}`, ['x', 2]]));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
