// The git methods through the localhost host and the browser's HTTP client: the same contract, checked the same way.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/server';
import { createHttpClient } from '../../renderer/src/api/httpClient';
import { addReply, openBook } from '../../shared/index';
import { commitMessage } from '../../shared/git/commitMessage';
import { botCommits, git, makeRepos, TEST_ENV } from './gitRepos';
import { removeTemps, tempDir } from './tempSites';

afterAll(removeTemps);

const QUIET = '_books/20240318-the-quiet-compiler.md';

describe('git over HTTP', () => {
  it('status, readAtHead, commit with the prefilled message, sync; bad paths refused with 400', async () => {
    const repos = makeRepos();
    const renderer = tempDir();
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Book Editor</title>');
    const host = await startHost({ siteRoot: repos.site, rendererDir: renderer, backupDir: tempDir(), pollTimeoutMs: 300, git: { env: TEST_ENV } });
    try {
      const api = createHttpClient(host.token, `http://127.0.0.1:${host.port}`);
      const file = await api.readBook(QUIET);
      expect((await api.saveBook(QUIET, addReply(openBook(file.text), 1, { name: 'Editor', text: 'Over HTTP.' }).text, file.fingerprint)).ok).toBe(true);
      const status = await api.gitStatus();
      expect(status).toMatchObject({ available: true, branch: 'main', files: [{ path: QUIET, kind: 'book', change: 'modified' }] });

      const change = await api.readAtHead(QUIET);
      const message = commitMessage([{ path: QUIET, change: 'modified', before: change.head, after: change.current }]);
      expect(message).toBe('The Quiet Compiler: add 1 reply');
      expect(await api.commit([QUIET], message)).toMatchObject({ ok: true, subject: message });

      botCommits(repos, 'README.md', (t) => `${t}bot\n`, 'Bot: readme');
      expect(await api.sync()).toMatchObject({ ok: true, pushed: 1, broughtIn: 1, changedBooks: [] });
      expect(git(repos.origin, 'log', '-1', '--format=%s', 'main').trim()).toBe(message);

      await expect(api.commit(['-n'], 'x')).rejects.toMatchObject({ status: 400 });
      await expect(api.readAtHead('../README.md')).rejects.toMatchObject({ status: 400 });
    } finally {
      await host.close();
    }
  });
});
