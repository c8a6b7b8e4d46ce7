/** The status bar: where the book is, whether it is saved, and the problems badge. */
import { useEditor } from '../store/hooks';
import { diagnosticsOf, dirtyOf } from '../store/derived';
import { useServices } from '../services/services';
import { Icon } from '../ui/Icon';
import { undoLabel } from '../store/history';

export function StatusBar() {
  const { store } = useServices();
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
