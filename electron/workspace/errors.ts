/** Errors the workspace service raises on purpose, with a kind the hosts map to a status. */

/**
 * What went wrong, in terms a host can answer with: 400 (bad-request, bad-path,
 * not-a-file), 404 (not-found), 409 (exists, not-a-site, no-site, read-only, site-gone,
 * git-unavailable), 413 (too-large) or 500 (write-failed).
 */
export type WorkspaceErrorKind = 'bad-request' | 'bad-path' | 'not-a-file' | 'not-found' | 'exists' | 'too-large' | 'not-a-site' | 'no-site' | 'read-only' | 'site-gone' | 'write-failed' | 'git-unavailable';

/** A refusal or failure with a message a person understands (never a stack). */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
  /** Which kind of refusal this is. */
  readonly kind: WorkspaceErrorKind;
  constructor(kind: WorkspaceErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** The `code` of a Node file system error (`ENOENT`, …), or undefined. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}
