/**
 * The git repository that holds a site. The site may be a folder inside the repository:
 * the contract speaks site-relative paths, git speaks repository-relative ones, and this
 * is where one becomes the other. Git always runs at the repository's top, so its output
 * is repository-relative whatever the user's `status.relativePaths`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GitBlockedReason, GitUnavailable } from '../../../shared/api';
import { GitMissingError, gitEnv, runGit } from './runGit';
import type { GitOptions, GitRun } from './runGit';

/** How one git command runs: over the network (its own time limit), with input, with extra variables. */
export interface RunOptions {
  readonly network?: boolean;
  readonly input?: string;
  readonly env?: Record<string, string>;
}

/** The output of a run as text, trimmed. */
export const textOf = (run: GitRun): string => run.stdout.toString('utf8').trim();

/** What git printed, both streams, for a person to read. */
export const outputOf = (run: GitRun): string => [run.stdout.toString('utf8').trim(), run.stderr.trim()].filter(Boolean).join('\n');

/** A site's repository: where it is, and git run there. */
export class Repo {
  constructor(
    /** Real path of the site root. */
    readonly siteRoot: string,
    /** Real path of the working tree's top. */
    readonly top: string,
    /** The site's folder inside the repository, `''` or ending with `/`. */
    readonly prefix: string,
    /** This working tree's git folder (absolute). */
    readonly gitDir: string,
    private readonly options: GitOptions,
  ) {}

  /** The time limit of a fetch or push, ms. */
  get networkTimeoutMs(): number {
    return this.options.networkTimeoutMs ?? 60_000;
  }

  /** Whether the user's environment sets `name` (e.g. their own GIT_SSH_COMMAND). */
  envHas(name: string): boolean {
    return Boolean((this.options.env ?? process.env)[name]);
  }

  /** Runs git at the repository's top. */
  run(args: readonly string[], opts: RunOptions = {}): Promise<GitRun> {
    return runGit(args, {
      cwd: this.top,
      env: gitEnv(this.options.env ?? process.env, opts.env),
      binary: this.options.binary,
      timeoutMs: opts.network ? this.networkTimeoutMs : (this.options.localTimeoutMs ?? 120_000),
      input: opts.input,
    });
  }

  /** Runs git and returns its output as text; throws with git's message when it fails. */
  async text(args: readonly string[], opts: RunOptions = {}): Promise<string> {
    const run = await this.run(args, opts);
    if (run.code !== 0) throw new Error(`git ${args[0]} failed: ${outputOf(run) || (run.timedOut ? 'it took too long' : `exit ${run.code}`)}`);
    return textOf(run);
  }

  /** The repository path of a site path. */
  toRepo(rel: string): string {
    return this.prefix + rel;
  }

  /** The site path of a repository path, or null when it lies outside the site. */
  toSite(repoPath: string): string | null {
    return repoPath.startsWith(this.prefix) ? repoPath.slice(this.prefix.length) : null;
  }

  /** A pathspec that matches exactly this site path: no globs, no magic. */
  pathspec(rel: string): string {
    return `:(literal)${this.toRepo(rel)}`;
  }

  /** What is in progress in this working tree (a rebase, a merge…), from git's own marker files. */
  operation(): GitBlockedReason | null {
    const has = (name: string) => fs.existsSync(path.join(this.gitDir, name));
    if (has('rebase-merge') || has('rebase-apply')) return 'rebase-in-progress';
    if (has('MERGE_HEAD')) return 'merge-in-progress';
    if (has('CHERRY_PICK_HEAD')) return 'cherry-pick-in-progress';
    if (has('REVERT_HEAD')) return 'revert-in-progress';
    return null;
  }
}

/** The words for each reason git cannot serve the site. */
export function unavailable(reason: GitUnavailable['reason'], detail = ''): GitUnavailable {
  const message = {
    'no-git': 'Git was not found on this computer (no git on the PATH). Install git to commit and sync from the editor; everything else works without it.',
    'not-a-repository': `The site is not inside a git repository, so there is nothing to commit to. Commit and sync work in a git checkout of the site (git clone).${detail ? ` Git says: ${detail}` : ''}`,
    'no-commits': 'The repository has no commits yet. Make the first commit in a terminal (git add, git commit); then the editor can commit and sync.',
  }[reason];
  return { available: false, reason, message };
}

/** The words for each reason commit and sync are refused now. */
export function blockedMessage(reason: GitBlockedReason): string {
  return {
    'detached-head': 'HEAD is detached (no branch is checked out), so a commit would belong to no branch. Check out a branch in a terminal (git switch main), then commit and sync.',
    'rebase-in-progress': 'A rebase is in progress in this repository. Finish it (git rebase --continue) or abort it (git rebase --abort) in a terminal first.',
    'merge-in-progress': 'A merge is in progress in this repository. Finish it (git commit) or abort it (git merge --abort) in a terminal first.',
    'cherry-pick-in-progress': 'A cherry-pick is in progress in this repository. Finish it (git cherry-pick --continue) or abort it (git cherry-pick --abort) in a terminal first.',
    'revert-in-progress': 'A revert is in progress in this repository. Finish it (git revert --continue) or abort it (git revert --abort) in a terminal first.',
  }[reason];
}

/** Finds the repository of a site; the reason in words when there is none, or no git, or no commit yet. */
export async function locateRepo(siteRoot: string, options: GitOptions): Promise<Repo | GitUnavailable> {
  let run: GitRun;
  try {
    run = await runGit(['rev-parse', '--show-toplevel', '--show-prefix', '--absolute-git-dir'], { cwd: siteRoot, env: gitEnv(options.env ?? process.env), binary: options.binary, timeoutMs: options.localTimeoutMs ?? 120_000 });
  } catch (e) {
    if (e instanceof GitMissingError) return unavailable('no-git');
    throw e;
  }
  if (run.code !== 0) {
    const said = run.stderr.trim().replace(/^fatal: /, '');
    return unavailable('not-a-repository', /not a git repository/i.test(said) ? '' : said);
  }
  const [top, prefix, gitDir] = run.stdout.toString('utf8').split('\n');
  if (!top || gitDir === undefined || prefix === undefined) return unavailable('not-a-repository', 'it has no working tree here.');
  const repo = new Repo(siteRoot, fs.realpathSync.native(top), prefix, gitDir || path.join(top, '.git'), options);
  const head = await repo.run(['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.code !== 0) return unavailable('no-commits');
  return repo;
}
