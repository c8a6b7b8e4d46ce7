/**
 * Runs the system's `git`: an argument array, never a shell; a time limit after which git
 * and everything it started (ssh, a credential helper, a hook) are stopped; no prompt that
 * could wait for a terminal nobody sees; and none of the variables that would point git
 * at another repository than the site's.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** How git runs for one site. */
export interface GitOptions {
  /** The environment git runs in (default `process.env`); the variables below are set on top of it. */
  readonly env?: NodeJS.ProcessEnv;
  /** The git program (default `git`, found on the PATH of `env`). */
  readonly binary?: string;
  /** Time limit of a fetch or push, ms (default 60 s): a remote that hangs is stopped, and sync says so. */
  readonly networkTimeoutMs?: number;
  /** Time limit of local work (status, commit with its hooks, rebase), ms (default 2 minutes). */
  readonly localTimeoutMs?: number;
}

/** What a git run gave. */
export interface GitRun {
  /** The exit code; null when git was stopped (time limit). */
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Thrown when there is no git to run. */
export class GitMissingError extends Error {
  override name = 'GitMissingError';
}

// Variables that would make git work on another repository, index or object store than the site's.
const REDIRECTS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];

/** The environment of a git run: the user's own (their credentials, ssh agent, config), without redirects, without prompts. */
export function gitEnv(base: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const k of REDIRECTS) delete env[k];
  return {
    ...env,
    // No terminal prompt for a user name or password: fail, and say so, instead of waiting.
    GIT_TERMINAL_PROMPT: '0',
    // ':' is git's own "no editor": a rebase or commit never opens one.
    GIT_EDITOR: ':',
    GIT_SEQUENCE_EDITOR: ':',
    GIT_MERGE_AUTOEDIT: 'no',
    // Status must not rewrite the index behind a commit's back.
    GIT_OPTIONAL_LOCKS: '0',
    // Git's messages in English (the failures are recognised by their words); the user's encoding stays.
    LANGUAGE: 'en',
    ...extra,
  };
}

const MAX_OUTPUT = 64 * 1024 * 1024;
const GRACE_MS = 2000;

/** Runs git with `args` in `cwd`; resolves with what it printed, rejects only with GitMissingError or a spawn failure. */
export function runGit(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; binary?: string; timeoutMs: number; input?: string }): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const group = process.platform !== 'win32';
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(opts.binary ?? 'git', [...args], { cwd: opts.cwd, env: opts.env, shell: false, windowsHide: true, detached: group, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      reject(e);
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    // Signal the whole process group, so that an ssh or a script git started stops too.
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (group && child.pid) process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      // TERM first: git removes its lock files on TERM; KILL only if it does not stop.
      signal('SIGTERM');
      killTimer = setTimeout(() => signal('SIGKILL'), GRACE_MS);
    }, opts.timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT) into.push(chunk);
    };
    child.stdout!.on('data', collect(out));
    child.stderr!.on('data', collect(err));
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(opts.input ?? '');
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      // spawn says ENOENT for a missing folder too: only a folder that exists means a missing git.
      reject(e.code === 'ENOENT' && fs.existsSync(opts.cwd) ? new GitMissingError('git was not found on the PATH.') : e);
    });
    let done = false;
    const finish = (code: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      // Children of git that outlived it (a stuck ssh) go with the group.
      if (timedOut) signal('SIGKILL');
      resolve({ code: timedOut ? null : code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    };
    child.on('close', (code) => finish(code));
    // A helper git left running (an ssh master connection) may hold the pipes open: git's own exit is what counts.
    child.on('exit', (code) => {
      if (!timedOut) clearTimeout(timer);
      setTimeout(() => finish(code), 500).unref();
    });
  });
}
