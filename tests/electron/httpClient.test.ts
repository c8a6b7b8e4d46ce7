// @vitest-environment jsdom
// The renderer's HTTP client against a real localhost host: the token leaves the address, calls round-trip.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/server';
import { createHttpClient, HttpApiError, takeToken } from '../../renderer/src/api/httpClient';
import { getApi } from '../../renderer/src/api/index';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

describe('the browser client', () => {
  it('takes the token from the address once, removes it, and keeps it for reloads', () => {
    window.history.replaceState(null, '', '/index.html?token=secret-1&x=1#top');
    expect(takeToken()).toBe('secret-1');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#top');
    expect(window.sessionStorage.getItem('book-editor-token')).toBe('secret-1');
    expect(takeToken()).toBe('secret-1');
  });

  it('getApi prefers the preload’s window.bookApi', () => {
    const fake = { site: async () => null } as unknown as NonNullable<Window['bookApi']>;
    window.bookApi = fake;
    expect(getApi()).toBe(fake);
    delete window.bookApi;
  });

  it('calls the host: list, read, save, conflict, errors as messages', async () => {
    const site = sampleSite();
    const renderer = tempDir();
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
    const host = await startHost({ siteRoot: site, rendererDir: renderer, backupDir: tempDir(), pollTimeoutMs: 200 });
    try {
      const api = createHttpClient(host.token, `http://127.0.0.1:${host.port}`);
      expect((await api.listBooks()).map((b) => b.id)).toHaveLength(4);
      expect((await api.people()).map((p) => p.id)).toContain('lenavoss');
      const read = await api.readBook('_books/20240304-gardening-with-graphs.md');
      const saved = await api.saveBook(read.path, read.text + '\nMore.\n', read.fingerprint);
      expect(saved.ok).toBe(true);
      expect(fs.readFileSync(path.join(site, read.path), 'utf8')).toBe(read.text + '\nMore.\n');
      expect((await api.saveBook(read.path, 'x', read.fingerprint)).ok).toBe(false);
      await api.writeBackup(read.path, 'unsaved', null);
      expect((await api.listBackups()).map((b) => b.text)).toEqual(['unsaved']);
      await api.discardBackup(read.path);
      expect(await api.listBackups()).toEqual([]);
      expect(await api.filesExist(['images/books/20240304-gardening-with-graphs/cover.jpg'])).toEqual([true]);
      expect((await api.readAsset('images/authors/lenavoss.jpg')).mime).toBe('image/jpeg');
      const hello = await api.nextEvents(0);
      expect(hello.cursor).toBeGreaterThan(0);
      const err = await api.readBook('../x.md').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpApiError);
      expect((err as HttpApiError).status).toBe(400);
      expect((err as Error).message).toMatch(/without \.\./);
      await expect(createHttpClient('wrong', `http://127.0.0.1:${host.port}`).site()).rejects.toThrow(/token is wrong/);
      await api.setWindowState({ title: 'Gardening', dirty: true });
      expect(document.title).toBe('● Gardening — Book Editor');
      await api.setWindowState({ title: 'Gardening — Book Editor', dirty: false });
      expect(document.title).toBe('Gardening — Book Editor');
      // The store's title already has the dot: one dot, not two.
      await api.setWindowState({ title: '● Gardening — Book Editor', dirty: true });
      expect(document.title).toBe('● Gardening — Book Editor');
      await expect(api.openExternal('javascript:alert(1)')).rejects.toThrow(/http/);
    } finally {
      await host.close();
    }
  });
});
