/** The status bar: where the book is, whether it is saved, and the problems badge. */
import { useEditor } from '../store/hooks';
import { diagnosticsOf, dirtyOf } from '../store/derived';
import { useServices } from '../services/services';
import { Icon } from '../ui/Icon';
import { undoLabel } from '../store/history';
import { shortcutOf } from '../../../shared/commands';
import { keyLabel } from '../services/registry';
import type { GitRepoStatus, GitStatus } from '../../../shared/api';

export function StatusBar() {
  const { store } = useServices();
  const git = useEditor((s) => s.site.git);
  const path = useEditor((s) => s.book?.path ?? null);
  const dirty = useEditor(dirtyOf);
  const errors = useEditor((s) => diagnosticsOf(s).filter((d) => d.severity === 'error').length);
  const warnings = useEditor((s) => diagnosticsOf(s).length) - errors;
  const busy = useEditor((s) => s.ui.busy);
  const removed = useEditor((s) => s.ui.removedOnDisk);
  const last = useEditor((s) => (s.book ? undoLabel(s.book.history) : null));
  const open = useEditor((s) => s.ui.problemsOpen);
  const remote = useEditor((s) => s.ui.remote);
  const hostGone = useEditor((s) => s.ui.hostGone);
  return (
    <footer className="statusbar">
      {git ? <GitStatusItem git={git} /> : null}
      <span className="status-path">{path ?? 'No book open'}</span>
      {path ? <span className={`status-state${dirty || removed ? ' dirty' : ''}`}>{busy ? 'Working…' : removed ? 'Deleted on disk: Save writes it again' : dirty ? 'Unsaved changes' : 'Saved'}</span> : null}
      {last ? <span className="muted status-last">Last change: {last}</span> : null}
      <div className="spacer" />
      {remote ? (
        <span id="status-connection" className={`status-connection${hostGone ? ' lost' : ''}`} role="status" title={hostGone ?? "Connected to the editor's host"}>
          <span className="status-dot" aria-hidden="true" />
          {hostGone ? 'Host not reachable: Save is off' : 'Connected'}
        </span>
      ) : null}
      {path ? (
        <button type="button" className={`status-problems${errors ? ' has-errors' : ''}`} aria-pressed={open} aria-label={`Problems: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`} onClick={() => store.setUi({ problemsOpen: !open })}>
          <Icon name="error" size={14} />
          <span>{errors}</span>
          <Icon name="warning" size={14} />
          <span>{warnings}</span>
        </button>
      ) : null}
    </footer>
  );
}

/**
 * The branch and how it stands against its upstream (↑ to push, ↓ to bring in), a button that
 * opens the Changes view; a blocked state (detached HEAD, a rebase in progress) in words.
 * Without git, a button that says why.
 */
function GitStatusItem({ git }: { readonly git: GitStatus }) {
  const { store, session, registry } = useServices();
  if (!git.available) {
    return (
      <button type="button" className="status-git off" aria-label={`Git features are off: ${git.message}`} title={git.message} onClick={() => store.notify('info', git.message)}>
        <Icon name="git" size={13} />
        <span>No git</span>
      </button>
    );
  }
  const branch = git.branch ?? `detached at ${git.head}`;
  const blocked = git.blocked ? BLOCKED_WORDS[git.blocked.reason] : null;
  const counts = git.upstream ? `↑${git.ahead} ↓${git.behind}` : null;
  const words = [
    `Branch ${branch}`,
    git.upstream ? `${git.ahead} commit${git.ahead === 1 ? '' : 's'} to push, ${git.behind} to bring in from ${git.upstream}` : git.branch ? 'no upstream' : '',
    git.files.length ? `${git.files.length} changed file${git.files.length === 1 ? '' : 's'}` : 'nothing to commit',
    blocked ?? '',
  ].filter(Boolean);
  const key = shortcutOf('changes');
  const title = `${words.join('; ')}${git.blocked ? `. ${git.blocked.message}` : ''}. Open Changes${key ? ` (${keyLabel(key)})` : ''}.`;
  return (
    <button type="button" className={`status-git${blocked ? ' blocked' : ''}`} aria-label={title} title={title} onClick={() => registry.dispatch('changes', { store, session }, 'button')}>
      <Icon name="git" size={13} />
      <span>{branch}</span>
      {counts ? <span className="sync-counts" aria-hidden="true">{counts}</span> : null}
      {blocked ? <span>· {blocked}</span> : null}
    </button>
  );
}

const BLOCKED_WORDS: Readonly<Record<NonNullable<GitRepoStatus['blocked']>['reason'], string>> = {
  'detached-head': 'detached HEAD',
  'rebase-in-progress': 'rebase in progress',
  'merge-in-progress': 'merge in progress',
  'cherry-pick-in-progress': 'cherry-pick in progress',
  'revert-in-progress': 'revert in progress',
};
