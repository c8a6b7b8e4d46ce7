/**
 * `commit`: exactly the given site paths, as they are on disk, with the user's own git
 * identity. It is `git commit --only -- <paths>`: git builds the commit from HEAD plus
 * those files in a temporary index, so whatever else the user staged stays staged and
 * out of the commit. Hooks run; when one refuses, its output is the answer and nothing
 * changed (a new file marked for the commit is unmarked again).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CommitFailureReason, CommitResult } from '../../../shared/api';
import { blockedMessage, outputOf, textOf } from './repo';
import type { Repo } from './repo';
import { porcelain, siteChanges } from './status';

/** What the workspace knows that git does not: unsaved editor work and errors that block saving. */
export interface CommitChecks {
  /** The paths (of those given) with unsaved changes in the editor. */
  unsaved(paths: readonly string[]): Promise<string[]>;
  /** Problems that block saving, one line each (`path:line:col: message`), of the paths given. */
  errors(paths: readonly string[]): Promise<string[]>;
}

const refuse = (reason: CommitFailureReason, message: string, paths: readonly string[] = [], output = ''): CommitResult => ({ ok: false, reason, message, paths: [...paths], output });

/** How to set an identity, in git's own commands. */
export const IDENTITY_HELP = 'Set it once in a terminal:\n  git config --global user.name "Your Name"\n  git config --global user.email "you@example.com"\n(without --global, for this repository only).';

/** Whether git has a user name and e-mail from its configuration or the environment (never a guessed one). */
export async function hasIdentity(repo: Repo): Promise<boolean> {
  for (const who of ['GIT_AUTHOR_IDENT', 'GIT_COMMITTER_IDENT']) {
    const run = await repo.run(['-c', 'user.useConfigOnly=true', 'var', who]);
    if (run.code !== 0) return false;
  }
  return true;
}

/** The commit hooks that exist and can run (core.hooksPath respected). */
async function hooks(repo: Repo): Promise<string[]> {
  const names = ['pre-commit', 'prepare-commit-msg', 'commit-msg'];
  const found: string[] = [];
  for (const name of names) {
    const at = await repo.text(['rev-parse', '--git-path', `hooks/${name}`]).catch(() => '');
    if (!at) continue;
    const file = path.resolve(repo.top, at);
    const runnable = await fs.promises.access(file, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK).then(() => true, () => false);
    if (runnable) found.push(name);
  }
  return found;
}

/** Commits `paths` (site-relative, already confined to the site) with `message`. */
export async function commitPaths(repo: Repo, paths: readonly string[], message: string, checks: CommitChecks): Promise<CommitResult> {
  const blocked = repo.operation() ?? ((await repo.run(['symbolic-ref', '--quiet', 'HEAD'])).code !== 0 ? 'detached-head' : null);
  if (blocked) return refuse(blocked, blockedMessage(blocked));
  if (!message.trim()) return refuse('empty-message', 'The commit message is empty: say in a few words what changed.');
  const wanted = [...new Set(paths)];
  const status = await porcelain(repo, wanted.map((p) => repo.pathspec(p)));
  const changes = new Map(siteChanges(repo, status).map((c) => [c.path, c]));
  const unchanged = wanted.filter((p) => !changes.has(p));
  if (unchanged.length) return refuse('not-changed', `Nothing to commit for ${unchanged.join(', ')}: ${unchanged.length === 1 ? 'it is' : 'they are'} as in the last commit (or not a book, person or image of the site).`, unchanged);
  if (!(await hasIdentity(repo))) return refuse('no-identity', `Git does not know your name and e-mail, which every commit carries. ${IDENTITY_HELP}`);
  const unsaved = await checks.unsaved(wanted);
  if (unsaved.length) return refuse('unsaved-changes', `${unsaved.join(', ')} ${unsaved.length === 1 ? 'has' : 'have'} unsaved changes in the editor: save first, so that the commit holds what you see.`, unsaved);
  const errors = await checks.errors(wanted);
  if (errors.length) {
    const bad = [...new Set(errors.map((e) => e.slice(0, e.indexOf(':'))))];
    return refuse('invalid', `Errors block saving, so they block committing too. Fix them first:\n${errors.join('\n')}`, bad);
  }

  // A new file must be known to git for `--only`: mark it as intended, and unmark it if the commit fails.
  const untracked = wanted.filter((p) => changes.get(p)!.change === 'untracked');
  if (untracked.length) await repo.text(['add', '--intent-to-add', '--', ...untracked.map((p) => repo.pathspec(p))]);
  const run = await repo.run(['-c', 'user.useConfigOnly=true', 'commit', '--only', '--quiet', '--file=-', '--', ...wanted.map((p) => repo.pathspec(p))], { input: message });
  if (run.code !== 0) {
    if (untracked.length) await repo.run(['update-index', '--force-remove', '--', ...untracked.map((p) => repo.toRepo(p))]);
    const output = outputOf(run);
    if (run.timedOut) return refuse('failed', 'The commit took too long (a hook that does not end?) and was stopped; nothing was committed.', [], output);
    if (/nothing to commit|no changes added to commit|nothing added to commit/i.test(output)) return refuse('not-changed', 'Nothing to commit: the files are as in the last commit.', wanted, output);
    if (/Please tell me who you are|identity unknown/i.test(output)) return refuse('no-identity', `Git does not know your name and e-mail. ${IDENTITY_HELP}`, [], output);
    const hooked = await hooks(repo);
    if (hooked.length) return refuse('hook-failed', `The repository's ${hooked.join(' or ')} hook refused the commit; nothing was committed and your files are as they were. What it said:`, [], output);
    return refuse('failed', 'Git refused the commit; nothing was committed and your files are as they were. What it said:', [], output);
  }
  const [commit = '', subject = ''] = textOf(await repo.run(['log', '-1', '--format=%h%n%s', 'HEAD'])).split('\n');
  const n = wanted.length;
  return { ok: true, commit, subject, paths: wanted, message: `Committed ${n} ${n === 1 ? 'file' : 'files'} as ${commit}: ${subject}` };
}
