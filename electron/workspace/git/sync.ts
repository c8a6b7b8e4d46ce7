/**
 * `sync`: fetch; when the remote moved on, bring its commits in (a fast-forward when you
 * have none of your own, else a rebase of yours onto them); push. Never a force, never a
 * reset: a rebase that conflicts is aborted, which puts your commits, your index and your
 * files back exactly as they were, and the answer names the files and lines. Uncommitted
 * changes are set aside in git's stash and put back, staged parts staged, unless the
 * remote changed the same files, in which case nothing is done and the answer says which.
 */
import path from 'node:path';
import type { GitConflict, IncomingBook, SyncFailureReason, SyncResult } from '../../../shared/api';
import { openBook } from '../../../shared/book/document';
import { bookOf } from '../../../shared/book/model';
import { joinWords } from '../../../shared/git/commitMessage';
import { conflictSpans, sayLines } from './conflictLines';
import { hasIdentity, IDENTITY_HELP } from './commit';
import { HINTS, remoteFailure } from './remoteFailure';
import { blockedMessage, outputOf, textOf } from './repo';
import type { Repo, RunOptions } from './repo';
import { changeKindOf, porcelain } from './status';
import type { GitRun } from './runGit';
import { decodeUtf8, readRegularFile } from '../fileBytes';

/** A file the remote's commits changed, repository-relative, with how. */
interface Incoming {
  readonly path: string;
  readonly change: 'added' | 'modified' | 'deleted';
}

/** What sync tells the workspace besides its answer: the site files the remote's commits changed. */
export interface SyncOutcome {
  readonly result: SyncResult;
  /** Site-relative paths the remote's commits changed, with how. */
  readonly incoming: readonly { readonly path: string; readonly change: Incoming['change'] }[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Everything one sync needs to know about the branch and its upstream. */
interface Branch {
  readonly name: string;
  /** The upstream in words, e.g. `origin/main`. */
  readonly upstream: string;
  /** The remote-tracking ref, e.g. `refs/remotes/origin/main`. */
  readonly upstreamRef: string;
  readonly remote: string;
  /** The branch on the remote, e.g. `refs/heads/main`. */
  readonly merge: string;
}

/** Runs a sync of the site's branch with its upstream. */
export async function syncBranch(repo: Repo): Promise<SyncOutcome> {
  const report: { message: string; pushed: number; broughtIn: number; changedBooks: IncomingBook[] } = { message: '', pushed: 0, broughtIn: 0, changedBooks: [] };
  let incoming: Incoming[] = [];
  const outcome = (result: SyncResult): SyncOutcome => ({
    result,
    incoming: incoming.flatMap((f) => {
      const rel = repo.toSite(f.path);
      return rel === null ? [] : [{ path: rel, change: f.change }];
    }),
  });
  const fail = (reason: SyncFailureReason, message: string, extra: { output?: string; hint?: string; conflicts?: GitConflict[] } = {}): SyncOutcome =>
    outcome({ ...report, ok: false, reason, message: [report.message, message].filter(Boolean).join(' '), output: extra.output ?? '', hint: extra.hint ?? '', conflicts: extra.conflicts ?? [] });

  const operation = repo.operation();
  if (operation) return fail(operation, blockedMessage(operation));
  const name = textOf(await repo.run(['symbolic-ref', '--quiet', '--short', 'HEAD']));
  if (!name) return fail('detached-head', blockedMessage('detached-head'));
  const branch = await branchOf(repo, name);
  if (!branch) {
    const remote = (await repo.text(['remote']).catch(() => '')).split('\n')[0] || 'origin';
    return fail('no-upstream', `The branch ${name} has no upstream, so sync does not know where to push. Set it once in a terminal: git push -u ${remote} ${name}`);
  }

  const fetched = await network(repo, ['fetch', '--quiet', '--', branch.remote]);
  if (fetched.code !== 0) return remoteFail(fetched, false);
  if ((await repo.run(['rev-parse', '--verify', '--quiet', branch.upstreamRef])).code !== 0) {
    return fail('no-upstream', `The upstream ${branch.upstream} does not exist on the remote (any more), so sync does not know where to push. Push the branch once in a terminal: git push -u ${branch.remote} ${name}`);
  }

  const [ahead, behind] = await counts(repo, branch);
  let stashNote = '';
  if (behind > 0) {
    incoming = await incomingFiles(repo, branch);
    const collide = await collisions(repo, incoming);
    if (collide.length) {
      return fail('local-changes', `The remote's new commits change ${collide.map((p) => siteName(repo, p)).join(', ')}, which you changed too and did not commit. Commit those changes (or undo them), then sync again; nothing was changed.`);
    }
    if (ahead === 0) {
      const ff = await repo.run(['merge', '--ff-only', '--quiet', branch.upstreamRef]);
      if (ff.code !== 0) {
        incoming = [];
        return fail('failed', `Git could not bring in the remote's commits; nothing was changed.`, { output: outputOf(ff) });
      }
    } else {
      if (!(await hasIdentity(repo))) {
        incoming = [];
        return fail('no-identity', `Putting your commits on top of the remote's needs your name and e-mail as committer. ${IDENTITY_HELP}`);
      }
      const before = await repo.text(['rev-parse', 'HEAD']);
      // Uncommitted work is set aside in git's stash and put back with its index, so staged stays staged (git's autostash would unstage it).
      const stash = await setAside(repo);
      if (stash.failed) return fail('failed', 'Git could not set your uncommitted changes aside for the rebase; nothing was changed.', { output: stash.output });
      const rebased = await repo.run(['rebase', branch.upstreamRef]);
      if (rebased.code !== 0) {
        const conflicts = repo.operation() === 'rebase-in-progress' ? await conflictsOf(repo) : [];
        const aborted = await abortRebase(repo, before);
        incoming = [];
        const back = aborted ? await putBack(repo, stash.stashed) : '';
        if (!aborted) return fail('failed', `The rebase stopped and could not be undone by itself: finish or abort it in a terminal (git status says how).${stash.stashed ? STASHED : ''}`, { output: outputOf(rebased) });
        if (conflicts.length) {
          const files = conflicts.map((c) => c.message).join('; ');
          return fail('conflict', `Your commits and the remote's change the same lines: ${files}. The rebase was undone: your commits and files are exactly as they were, and nothing was pushed.${back}`, {
            conflicts,
            output: outputOf(rebased),
            hint: 'Change one side so that they no longer overlap (or take the remote\'s version), commit, and sync again; or resolve it in a terminal (git pull --rebase).',
          });
        }
        return fail('failed', `Git could not put your commits on top of the remote's; it was undone, so your commits and files are as they were.${back}`, { output: outputOf(rebased) });
      }
      stashNote = await putBack(repo, stash.stashed);
    }
    report.broughtIn = behind;
    report.changedBooks = await booksOf(repo, incoming);
    const books = report.changedBooks.map((b) => b.title);
    report.message = `Brought in ${plural(behind, 'commit')} from ${branch.upstream}${books.length ? `, changing ${joinWords(books)}` : ''}${ahead > 0 ? `; your ${plural(ahead, 'commit')} now ${ahead === 1 ? 'comes' : 'come'} after ${behind === 1 ? 'it' : 'them'}` : ''}.${stashNote}`;
  }

  if (ahead === 0) {
    if (behind === 0) report.message = `Already up to date with ${branch.upstream}: nothing to push.`;
    else report.message += ' Nothing to push.';
    return outcome({ ...report, ok: true });
  }
  const pushed = await network(repo, ['push', '--quiet', '--', branch.remote, `refs/heads/${branch.name}:${branch.merge}`]);
  if (pushed.code !== 0) return remoteFail(pushed, true);
  report.pushed = ahead;
  report.message = [report.message, `Pushed ${plural(ahead, 'commit')} to ${branch.upstream}.`].filter(Boolean).join(' ');
  return outcome({ ...report, ok: true });

  function remoteFail(run: GitRun, pushing: boolean): SyncOutcome {
    const doing = pushing ? 'pushing to' : 'fetching from';
    if (run.timedOut) {
      const seconds = Math.round((repo.networkTimeoutMs / 1000) * 10) / 10;
      return fail('timeout', `The remote ${branch!.remote} did not answer within ${seconds} s while ${doing} it, so git was stopped. ${pushing ? 'Your commits are still here; sync again to see whether the push arrived.' : 'Nothing was changed.'}`, { output: outputOf(run), hint: HINTS.unreachable });
    }
    const failure = remoteFailure(outputOf(run), pushing);
    const what = {
      'auth-failed': `The remote ${branch!.remote} refused your credentials while ${doing} it.`,
      unreachable: `The remote ${branch!.remote} could not be reached while ${doing} it.`,
      'push-rejected': `The remote ${branch!.remote} refused the push.`,
      failed: `Git failed while ${doing} ${branch!.remote}.`,
    }[failure.reason];
    return fail(failure.reason, `${what} ${pushing ? 'Your commits are still here, unpushed.' : 'Nothing was changed.'}`, { output: outputOf(run), hint: failure.hint });
  }
}

/** Runs a network command with the time limit, and ssh without prompts unless the user set up ssh themselves. */
async function network(repo: Repo, args: string[]): Promise<GitRun> {
  const env: RunOptions['env'] = {};
  const own = repo.envHas('GIT_SSH_COMMAND') || repo.envHas('GIT_SSH') || (await repo.run(['config', '--get', 'core.sshCommand'])).code === 0;
  // BatchMode: a key with a passphrase and no agent fails at once instead of waiting for a prompt nobody sees.
  if (!own) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  return repo.run(args, { network: true, env });
}

/** The branch's upstream as configured; null when it has none (or it is gone). */
async function branchOf(repo: Repo, name: string): Promise<Branch | null> {
  const config = async (key: string) => {
    const run = await repo.run(['config', '--get', `branch.${name}.${key}`]);
    return run.code === 0 ? textOf(run) : '';
  };
  const remote = await config('remote');
  const merge = await config('merge');
  if (!remote || !merge || remote.startsWith('-')) return null;
  const upstreamRef = textOf(await repo.run(['rev-parse', '--symbolic-full-name', `${name}@{upstream}`]));
  if (!upstreamRef) return null;
  return { name, upstream: upstreamRef.replace(/^refs\/remotes\//, '').replace(/^refs\/heads\//, ''), upstreamRef, remote, merge };
}

/** Commits of the branch not on the upstream, and of the upstream not on the branch. */
async function counts(repo: Repo, branch: Branch): Promise<[number, number]> {
  const [ahead = '0', behind = '0'] = (await repo.text(['rev-list', '--left-right', '--count', `refs/heads/${branch.name}...${branch.upstreamRef}`])).split(/\s+/);
  return [Number(ahead), Number(behind)];
}

/** The files the upstream's new commits change (from the common ancestor to the upstream). */
async function incomingFiles(repo: Repo, branch: Branch): Promise<Incoming[]> {
  const out = (await repo.run(['diff', '--name-status', '-z', '--no-renames', `refs/heads/${branch.name}...${branch.upstreamRef}`, '--'])).stdout.toString('utf8').split('\0');
  const files: Incoming[] = [];
  for (let i = 0; i + 1 < out.length; i += 2) {
    const status = out[i]!;
    files.push({ path: out[i + 1]!, change: status.startsWith('A') ? 'added' : status.startsWith('D') ? 'deleted' : 'modified' });
  }
  return files;
}

/** Files changed by the user (committed or not) that the incoming commits change too, among the uncommitted ones. */
async function collisions(repo: Repo, incoming: readonly Incoming[]): Promise<string[]> {
  if (!incoming.length) return [];
  const status = await porcelain(repo, incoming.map((f) => `:(literal)${f.path}`));
  return [...status.changes.values()].filter((c) => changeKindOf(c) !== null).map((c) => c.path);
}

/** A repository path as the person knows it: site-relative inside the site. */
function siteName(repo: Repo, repoPath: string): string {
  return repo.toSite(repoPath) ?? repoPath;
}

/** The conflicted files of a stopped rebase, with the lines of each side (from git's stages: 1 ancestor, 2 the remote's side, 3 your commit). */
async function conflictsOf(repo: Repo): Promise<GitConflict[]> {
  const listed = (await repo.run(['ls-files', '--unmerged', '-z'])).stdout.toString('utf8').split('\0').filter(Boolean);
  const stages = new Map<string, Map<number, string>>();
  for (const line of listed) {
    const m = /^\d+ ([0-9a-f]+) (\d)\t(.*)$/s.exec(line);
    if (!m) continue;
    const byStage = stages.get(m[3]!) ?? new Map<number, string>();
    byStage.set(Number(m[2]), m[1]!);
    stages.set(m[3]!, byStage);
  }
  const conflicts: GitConflict[] = [];
  for (const [file, byStage] of stages) {
    const blob = async (stage: number) => {
      const id = byStage.get(stage);
      return id ? (await repo.run(['cat-file', 'blob', id])).stdout.toString('utf8') : null;
    };
    const [base, theirs, yours] = [await blob(1), await blob(2), await blob(3)];
    const name = siteName(repo, file);
    if (yours === null || theirs === null) {
      const who = yours === null ? 'you deleted it and the remote changed it' : 'the remote deleted it and you changed it';
      conflicts.push({ path: name, yours: [], theirs: [], message: `${name}: ${who}` });
      continue;
    }
    const spans = conflictSpans(base ?? '', yours, theirs);
    const where = spans.map((s) => `your ${sayLines(s.yours)} and the remote's ${sayLines(s.theirs)}`).join(', ');
    conflicts.push({ path: name, yours: spans.map((s) => s.yours), theirs: spans.map((s) => s.theirs), message: `${name}: ${where || 'changed on both sides'}` });
  }
  return conflicts;
}

const STASHED = ' Your uncommitted changes are safe in git\'s stash: git stash pop --index in a terminal puts them back.';

/** Sets uncommitted changes of tracked files aside in git's stash, index and all; untracked files stay where they are. */
async function setAside(repo: Repo): Promise<{ stashed: boolean; failed: boolean; output: string }> {
  const dirty = (await repo.text(['status', '--porcelain=v2', '-z', '--untracked-files=no', '--ignore-submodules=all'])) !== '';
  if (!dirty) return { stashed: false, failed: false, output: '' };
  const run = await repo.run(['stash', 'push', '--quiet', '--message', 'Book Editor sync: your uncommitted changes']);
  return { stashed: run.code === 0, failed: run.code !== 0, output: outputOf(run) };
}

/** Puts set-aside changes back, staged parts staged; '' when done, else where they are, in words. */
async function putBack(repo: Repo, stashed: boolean): Promise<string> {
  if (!stashed) return '';
  // The remote's commits touch none of these files (checked before), so this applies cleanly.
  const run = await repo.run(['stash', 'pop', '--index', '--quiet']);
  return run.code === 0 ? '' : STASHED;
}

/** Aborts a stopped rebase and checks that HEAD is back where it was. */
async function abortRebase(repo: Repo, before: string): Promise<boolean> {
  if (repo.operation() === 'rebase-in-progress') await repo.run(['rebase', '--abort']);
  return repo.operation() === null && (await repo.text(['rev-parse', 'HEAD'])) === before;
}

/** The books among the incoming files, with their titles as they are now. */
async function booksOf(repo: Repo, incoming: readonly Incoming[]): Promise<IncomingBook[]> {
  const books: IncomingBook[] = [];
  for (const f of incoming) {
    const rel = repo.toSite(f.path);
    if (rel === null || !/^_books\/[^/]+\.md$/.test(rel)) continue;
    const id = rel.slice('_books/'.length, -'.md'.length);
    let title = '';
    if (f.change !== 'deleted') {
      // Only a regular file is read: an incoming book may be a link to /dev/zero or a FIFO.
      const text = await readRegularFile(path.join(repo.top, ...f.path.split('/')), rel).then((r) => decodeUtf8(r.bytes), () => '');
      title = bookOf(openBook(text).data)?.title.trim() ?? '';
    }
    books.push({ path: rel, title: title || id, change: f.change });
  }
  return books;
}
