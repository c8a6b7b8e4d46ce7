/**
 * Git for one open site: status, a file at HEAD, commit and sync, each one at a time (a
 * status never reads a half-made commit). Paths from the page are checked and confined to
 * the site like every other path, and never read as an option (no leading `-`; after `--`).
 */
import type { CommitResult, FileAtHead, GitStatus, SyncFailureReason } from '../../../shared/api';
import { KeyedQueue } from '../concurrency';
import { WorkspaceError } from '../errors';
import { decodeUtf8, MAX_BOOK_BYTES, readFileBytes } from '../fileBytes';
import { checkRelative, confine } from '../sitePath';
import { commitPaths } from './commit';
import type { CommitChecks } from './commit';
import { locateRepo } from './repo';
import type { Repo } from './repo';
import type { GitOptions } from './runGit';
import { fileKindOf, readStatus } from './status';
import { syncBranch } from './sync';
import type { SyncOutcome } from './sync';

/** Checks a path handed to git and returns it: site-relative, confined, and not an option. */
export async function checkGitPath(root: string, rel: unknown): Promise<string> {
  const p = checkRelative(rel);
  if (p.startsWith('-')) throw new WorkspaceError('bad-path', `${JSON.stringify(p.slice(0, 200))} is refused: a path handed to git must not start with "-".`);
  await confine(root, p);
  return p;
}

/** Git for the site at `root` (a real path). */
export class SiteGit {
  private readonly queue = new KeyedQueue();

  constructor(private readonly root: string, private readonly options: GitOptions = {}) {}

  /** The site's git status, or why git is not available. */
  status(): Promise<GitStatus> {
    return this.queue.run('git', async () => {
      const repo = await locateRepo(this.root, this.options);
      return 'available' in repo ? repo : readStatus(repo);
    });
  }

  /** A file's text at HEAD and on disk; images (and any file holding a NUL byte) are binary, with no texts. */
  async readAtHead(rel: string): Promise<FileAtHead> {
    const p = await checkGitPath(this.root, rel);
    return this.queue.run('git', async () => {
      const repo = await this.repo();
      const head = await blobAtHead(repo, p);
      const real = await confine(this.root, p);
      const current = await readFileBytes(real, p).then((f) => f.bytes, (e: unknown) => (e instanceof WorkspaceError && e.kind === 'not-found' ? null : Promise.reject(e)));
      const binary = fileKindOf(p) === 'image' || [head, current].some((b) => b !== null && b.includes(0));
      return { path: p, head: binary || head === null ? null : decodeUtf8(head), current: binary || current === null ? null : decodeUtf8(current), binary };
    });
  }

  /** Commits exactly `paths` with `message`, after the workspace's own checks. */
  async commit(paths: readonly unknown[], message: unknown, checks: CommitChecks): Promise<CommitResult> {
    if (!Array.isArray(paths) || paths.length === 0) throw new WorkspaceError('bad-request', 'commit needs a list of at least one path.');
    if (typeof message !== 'string') throw new WorkspaceError('bad-request', 'The commit message must be a text.');
    const checked: string[] = [];
    for (const p of paths) checked.push(await checkGitPath(this.root, p));
    return this.queue.run('git', async () => {
      const repo = await locateRepo(this.root, this.options);
      if ('available' in repo) return { ok: false, reason: repo.reason, message: repo.message, paths: [], output: '' };
      try {
        return await commitPaths(repo, checked, message, checks);
      } catch (e) {
        if (e instanceof WorkspaceError) throw e;
        return { ok: false, reason: 'failed', message: `The commit stopped: ${e instanceof Error ? e.message : String(e)}`, paths: [], output: '' };
      }
    });
  }

  /** Fetch, bring the remote's commits in, push. */
  sync(): Promise<SyncOutcome> {
    return this.queue.run('git', async () => {
      const repo = await locateRepo(this.root, this.options);
      const failed = (reason: SyncFailureReason, message: string): SyncOutcome => ({ result: { ok: false, reason, message, output: '', hint: '', conflicts: [], pushed: 0, broughtIn: 0, changedBooks: [] }, incoming: [] });
      if ('available' in repo) return failed(repo.reason, repo.message);
      // Git failing where it should not (a damaged repository): say so in words instead of a bare error.
      return syncBranch(repo).catch((e: unknown) => failed('failed', `Sync stopped: ${e instanceof Error ? e.message : String(e)} (git status in a terminal shows where the repository stands).`));
    });
  }

  private async repo(): Promise<Repo> {
    const repo = await locateRepo(this.root, this.options);
    if ('available' in repo) throw new WorkspaceError('git-unavailable', repo.message);
    return repo;
  }
}

/** The bytes of a site file at HEAD; null when HEAD has no such file. */
async function blobAtHead(repo: Repo, rel: string): Promise<Buffer | null> {
  // ls-tree takes paths literally and after `--`; its answer names the blob to read.
  const entry = (await repo.run(['ls-tree', '-z', 'HEAD', '--', repo.toRepo(rel)])).stdout.toString('utf8').split('\0')[0] ?? '';
  const m = /^\d+ blob ([0-9a-f]+)\t/.exec(entry);
  if (!m) return null;
  const size = Number(await repo.text(['cat-file', '-s', m[1]!]));
  if (size > MAX_BOOK_BYTES) throw new WorkspaceError('too-large', `${rel} is ${size} bytes at HEAD, more than the ${MAX_BOOK_BYTES} this editor reads.`);
  const run = await repo.run(['cat-file', 'blob', m[1]!]);
  if (run.code !== 0) throw new WorkspaceError('not-found', `${rel} cannot be read at HEAD: ${run.stderr.trim()}`);
  return run.stdout;
}
