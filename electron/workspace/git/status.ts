/**
 * `gitStatus`: one `git status --porcelain=v2` (the format git keeps stable for programs)
 * for the branch, its upstream, ahead/behind as of the last fetch, and the changed books,
 * people and images of the site.
 */
import type { GitChangeKind, GitFileChange, GitFileKind, GitRepoStatus } from '../../../shared/api';
import { blockedMessage } from './repo';
import type { Repo } from './repo';

/** What kind of site file a site path is; null for a file the editor does not handle. */
export function fileKindOf(rel: string): GitFileKind | null {
  if (/^_books\/[^/]+\.md$/.test(rel)) return 'book';
  if (/^_people\/[^/]+\.md$/.test(rel)) return 'person';
  if (rel.startsWith('images/')) return 'image';
  return null;
}

/** The folders of the site whose files `gitStatus` lists. */
export const SITE_FOLDERS = ['_books', '_people', 'images'] as const;

/** One changed path as git reports it, before it is read against the site. */
export interface RawChange {
  /** Repository-relative. */
  readonly path: string;
  readonly inHead: boolean;
  readonly onDisk: boolean;
  readonly staged: boolean;
}

/** The parsed porcelain v2 output: branch headers and changes by repository path. */
export interface PorcelainStatus {
  readonly oid: string | null;
  readonly branch: string | null;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  readonly changes: ReadonlyMap<string, RawChange>;
}

/** Parses `git status --porcelain=v2 -z --branch`. */
export function parsePorcelain(out: string): PorcelainStatus {
  let oid: string | null = null;
  let branch: string | null = null;
  let upstream: string | null = null;
  let ahead = 0;
  let behind = 0;
  const changes = new Map<string, RawChange>();
  const add = (c: RawChange) => {
    const had = changes.get(c.path);
    // A path removed from the index and present again on disk comes twice: once tracked, once untracked.
    changes.set(c.path, had ? { path: c.path, inHead: had.inHead || c.inHead, onDisk: had.onDisk || c.onDisk, staged: had.staged || c.staged } : c);
  };
  const fields = out.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.startsWith('# branch.oid ')) oid = f.slice(13) === '(initial)' ? null : f.slice(13);
    else if (f.startsWith('# branch.head ')) branch = f.slice(14) === '(detached)' ? null : f.slice(14);
    else if (f.startsWith('# branch.upstream ')) upstream = f.slice(18);
    else if (f.startsWith('# branch.ab ')) {
      const m = /^\+(\d+) -(\d+)$/.exec(f.slice(12));
      if (m) [ahead, behind] = [Number(m[1]), Number(m[2])];
    } else if (f.startsWith('1 ') || f.startsWith('2 ')) {
      const parts = f.split(' ');
      const xy = parts[1]!;
      const file = parts.slice(f.startsWith('1 ') ? 8 : 9).join(' ');
      if (f.startsWith('2 ')) i++; // a rename's original path follows in its own field
      add({ path: file, inHead: xy[0] !== 'A', onDisk: xy[0] !== 'D' && xy[1] !== 'D', staged: xy[0] !== '.' });
    } else if (f.startsWith('u ')) {
      add({ path: f.split(' ').slice(10).join(' '), inHead: true, onDisk: true, staged: true });
    } else if (f.startsWith('? ')) {
      add({ path: f.slice(2), inHead: false, onDisk: true, staged: false });
    }
  }
  return { oid, branch, upstream, ahead, behind, changes };
}

/** How a raw change reads against HEAD; null when the file is in neither HEAD nor on disk. */
export function changeKindOf(c: RawChange): GitChangeKind | null {
  if (c.inHead) return c.onDisk ? 'modified' : 'deleted';
  if (!c.onDisk) return null;
  return c.staged ? 'added' : 'untracked';
}

/** Runs git status, limited to `pathspecs` (whole repository when empty). */
export async function porcelain(repo: Repo, pathspecs: readonly string[]): Promise<PorcelainStatus> {
  const out = await repo.text(['status', '--porcelain=v2', '-z', '--branch', '--untracked-files=all', '--no-renames', '--ignore-submodules=all', '--', ...pathspecs]);
  return parsePorcelain(out);
}

/** The changed site files of a status, sorted by path. */
export function siteChanges(repo: Repo, status: PorcelainStatus): GitFileChange[] {
  const files: GitFileChange[] = [];
  for (const c of status.changes.values()) {
    const rel = repo.toSite(c.path);
    const kind = rel === null ? null : fileKindOf(rel);
    const change = changeKindOf(c);
    if (rel !== null && kind && change) files.push({ path: rel, kind, change, staged: c.staged });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The site's git status. */
export async function readStatus(repo: Repo): Promise<GitRepoStatus> {
  const status = await porcelain(repo, SITE_FOLDERS.map((f) => repo.pathspec(f)));
  const operation = repo.operation();
  const blocked = operation ?? (status.branch === null ? 'detached-head' : null);
  return {
    available: true,
    branch: status.branch,
    head: (status.oid ?? '').slice(0, 7),
    upstream: status.upstream,
    ahead: status.ahead,
    behind: status.behind,
    files: siteChanges(repo, status),
    blocked: blocked ? { reason: blocked, message: blockedMessage(blocked) } : null,
  };
}
