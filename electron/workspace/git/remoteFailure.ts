/** A failed fetch or push, read from git's own words: credentials refused, remote unreachable, push rejected, or something else. */
import type { SyncFailureReason } from '../../../shared/api';

/** What went wrong talking to the remote, with a hint for the person. */
export interface RemoteFailure {
  readonly reason: Extract<SyncFailureReason, 'auth-failed' | 'unreachable' | 'push-rejected' | 'failed'>;
  readonly hint: string;
}

// Refusals of credentials by ssh, by git over http(s), and by the big hosts (which answer "not found" to a stranger).
const AUTH = /Permission denied|Authentication failed|could not read (?:Username|Password)|terminal prompts disabled|Access denied|Invalid username or password|returned error: 40[13]|Repository not found|Host key verification failed/i;
const UNREACHABLE = /Could not resolve host|Connection refused|Connection timed out|Connection reset|Network is unreachable|No route to host|Failed to connect|Temporary failure in name resolution|does not appear to be a git repository/i;
const REJECTED = /\[rejected\]|\[remote rejected\]|failed to push some refs/i;

/** Hints, one per reason. */
export const HINTS = {
  'auth-failed':
    'Git uses your own credentials, as it does in a terminal. Check that "git fetch" works in a terminal in this folder: for an ssh address your key must be loaded in ssh-agent (the editor cannot ask for a passphrase); for https a credential helper must hold a token (git config --global credential.helper).',
  unreachable: 'Check the network and the remote\'s address (git remote -v in a terminal), then sync again.',
  'push-rejected': 'The remote has commits you do not have yet (someone pushed meanwhile) or refuses pushes to this branch. Sync again to bring them in; nothing of yours was lost.',
  failed: '',
} as const;

/** Reads a failure from git's output. */
export function remoteFailure(output: string, pushing: boolean): RemoteFailure {
  const reason = pushing && REJECTED.test(output) ? 'push-rejected' : AUTH.test(output) ? 'auth-failed' : UNREACHABLE.test(output) ? 'unreachable' : 'failed';
  return { reason, hint: HINTS[reason] };
}
