// Git when things are not as they should be: no git, no repository, no commit, detached
// HEAD, an operation in progress, a remote that hangs, refuses credentials or is not there.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/workspace/index';
import { diverge, git, gitTry, gitWorkspace, headOf, isolatedEnv, makeRepos, porcelainOf, TEST_ENV } from './gitRepos';
import { removeTemps, sampleSite, tempDir } from './tempSites';

afterAll(removeTemps);

const QUIET = '_books/20240318-the-quiet-compiler.md';

/** Saves a small change to a book through the workspace. */
async function touchBook(ws: Workspace, text = 'changed'): Promise<void> {
  const file = await ws.readBook(QUIET);
  expect((await ws.saveBook(QUIET, file.text.replace('A gentle tour', `A ${text} tour`), file.fingerprint)).ok).toBe(true);
}

/** Repositories whose editor clone's origin is at `remoteUrl`. */
function withRemote(remoteUrl: string) {
  const repos = makeRepos();
  git(repos.editor, 'remote', 'set-url', 'origin', remoteUrl);
  return repos;
}

describe('git not available', () => {
  it('without git on the PATH: status says so, commit and sync refuse, readAtHead throws; the rest of the workspace works', async () => {
    const repos = makeRepos();
    const ws = new Workspace(repos.site, { backupDir: tempDir(), git: { env: { ...TEST_ENV, PATH: tempDir('empty-path-') } } });
    const status = await ws.gitStatus();
    expect(status).toMatchObject({ available: false, reason: 'no-git' });
    expect(status.available || status.message).toMatch(/Git was not found.*PATH/);
    expect(await ws.commit([QUIET], 'x')).toMatchObject({ ok: false, reason: 'no-git' });
    expect(await ws.sync()).toMatchObject({ ok: false, reason: 'no-git' });
    await expect(ws.readAtHead(QUIET)).rejects.toThrow(/Git was not found/);
    expect((await ws.listBooks()).length).toBe(4);
  });

  it('outside a repository', async () => {
    const ws = gitWorkspace(sampleSite());
    expect(await ws.gitStatus()).toMatchObject({ available: false, reason: 'not-a-repository' });
    expect(await ws.commit([QUIET], 'x')).toMatchObject({ ok: false, reason: 'not-a-repository' });
    expect(await ws.sync()).toMatchObject({ ok: false, reason: 'not-a-repository' });
  });

  it('in a repository with no commit yet', async () => {
    const site = sampleSite();
    git(site, 'init', '--quiet');
    expect(await gitWorkspace(site).gitStatus()).toMatchObject({ available: false, reason: 'no-commits' });
  });
});

describe('commit and sync blocked, status still given', () => {
  it('on a detached HEAD', async () => {
    const repos = makeRepos();
    git(repos.editor, 'switch', '--quiet', '--detach');
    const ws = gitWorkspace(repos.site);
    await touchBook(ws);
    const status = await ws.gitStatus();
    expect(status).toMatchObject({ available: true, branch: null, blocked: { reason: 'detached-head' } });
    expect(status.available && status.files.map((f) => f.path)).toEqual([QUIET]);
    expect(await ws.commit([QUIET], 'x')).toMatchObject({ ok: false, reason: 'detached-head' });
    expect(await ws.sync()).toMatchObject({ ok: false, reason: 'detached-head' });
  });

  it('while a rebase is in progress', async () => {
    const repos = makeRepos();
    const ws = gitWorkspace(repos.site);
    diverge(repos);
    expect(gitTry(repos.editor, 'rebase', 'origin/main').code).not.toBe(0);
    const status = await ws.gitStatus();
    expect(status).toMatchObject({ available: true, blocked: { reason: 'rebase-in-progress' } });
    expect(status.available && status.blocked?.message).toContain('git rebase --abort');
    await touchBook(ws);
    const before = porcelainOf(repos.editor);
    expect(await ws.commit([QUIET], 'x')).toMatchObject({ ok: false, reason: 'rebase-in-progress' });
    expect(await ws.sync()).toMatchObject({ ok: false, reason: 'rebase-in-progress' });
    expect(porcelainOf(repos.editor)).toBe(before);
  });

  it('while a merge is in progress', async () => {
    const repos = makeRepos();
    diverge(repos);
    expect(gitTry(repos.editor, 'merge', 'origin/main').code).not.toBe(0);
    const ws = gitWorkspace(repos.site);
    expect(await ws.gitStatus()).toMatchObject({ blocked: { reason: 'merge-in-progress' } });
    expect(await ws.sync()).toMatchObject({ ok: false, reason: 'merge-in-progress' });
  });
});

/** Whether a process runs (a zombie waiting for a busy init to reap it has ended). */
function isRunning(pid: number): boolean {
  const proc = `/proc/${pid}/status`;
  if (fs.existsSync('/proc/self/status')) return fs.existsSync(proc) && !/^State:\s+Z/m.test(fs.readFileSync(proc, 'utf8'));
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A fake ssh: a script git runs instead of ssh (core.sshCommand). */
function fakeSsh(repo: string, body: string): string {
  const script = path.join(tempDir('fake-ssh-'), 'ssh.sh');
  fs.writeFileSync(script, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  git(repo, 'config', 'core.sshCommand', script);
  return script;
}

describe('remotes that fail', () => {
  it('a remote that hangs: git is stopped at the time limit, sync says so, nothing changed, nothing left running', async () => {
    const repos = withRemote('ssh://git@example.invalid/site.git');
    const pidFile = path.join(tempDir(), 'pid');
    fakeSsh(repos.editor, `echo $$ > ${pidFile}\nexec sleep 30`);
    const ws = gitWorkspace(repos.site, { networkTimeoutMs: 800 });
    await touchBook(ws);
    expect((await ws.commit([QUIET], 'Mine')).ok).toBe(true);
    const head = headOf(repos.editor);
    const status = porcelainOf(repos.editor);
    const started = Date.now();
    const result = await ws.sync();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(result.message).toMatch(/did not answer within 0\.8 s.*Nothing was changed/);
    expect(headOf(repos.editor)).toBe(head);
    expect(porcelainOf(repos.editor)).toBe(status);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(isRunning(pid)).toBe(false);
    expect(fs.readdirSync(path.join(repos.editor, '.git')).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('ssh refusing the key: auth-failed with git\'s own message and a hint', async () => {
    const repos = withRemote('ssh://git@example.invalid/site.git');
    fakeSsh(repos.editor, 'echo "git@example.invalid: Permission denied (publickey)." >&2\nexit 255');
    const result = await gitWorkspace(repos.site).sync();
    expect(result).toMatchObject({ ok: false, reason: 'auth-failed' });
    if (result.ok) return;
    expect(result.output).toContain('Permission denied (publickey)');
    expect(result.hint).toMatch(/ssh-agent/);
    expect(result.message).toContain('refused your credentials');
  });

  it('an https server asking for a password: auth-failed, without waiting for a prompt', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="site"' });
      res.end('no');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const repos = withRemote(`http://127.0.0.1:${port}/site.git`);
      const result = await gitWorkspace(repos.site, { networkTimeoutMs: 10_000 }).sync();
      expect(result).toMatchObject({ ok: false, reason: 'auth-failed' });
      if (!result.ok) expect(result.output).toMatch(/could not read Username|terminal prompts disabled|Authentication failed/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('a closed port: unreachable, nothing changed', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const repos = withRemote(`http://127.0.0.1:${port}/site.git`);
    const head = headOf(repos.editor);
    const result = await gitWorkspace(repos.site, { networkTimeoutMs: 10_000 }).sync();
    expect(result).toMatchObject({ ok: false, reason: 'unreachable' });
    if (!result.ok) expect(result.output).toMatch(/Failed to connect|Connection refused/);
    expect(headOf(repos.editor)).toBe(head);
  });
});

describe('the environment', () => {
  it('ignores GIT_DIR and GIT_WORK_TREE of the process, so git works on the site\'s own repository', async () => {
    const repos = makeRepos();
    const other = makeRepos();
    const ws = new Workspace(repos.site, { backupDir: tempDir(), git: { env: isolatedEnv({ GIT_DIR: path.join(other.editor, '.git'), GIT_WORK_TREE: other.editor }) } });
    await touchBook(ws);
    expect(await ws.gitStatus()).toMatchObject({ files: [{ path: QUIET }] });
    expect((await ws.commit([QUIET], 'Mine')).ok).toBe(true);
    expect(git(repos.editor, 'log', '-1', '--format=%s').trim()).toBe('Mine');
    expect(git(other.editor, 'log', '--format=%s').trim()).toBe('The site as it was');
  });
});
