/** Unsaved work backed up before a crash, offered back. */
import type { Backup } from '../../../shared/api';
import { Dialog } from '../ui/Dialog';

interface Props {
  readonly backups: readonly Backup[];
  readonly onRestore: (b: Backup) => void;
  readonly onDiscard: (b: Backup) => void;
  readonly onClose: () => void;
}

export function RecoverDialog({ backups, onRestore, onDiscard, onClose }: Props) {
  return (
    <Dialog title="Recover unsaved work" onClose={onClose} footer={<button type="button" className="btn" onClick={onClose}>Later</button>}>
      <p>These books had changes that were never saved. Restore opens the book with your changes (they stay unsaved until you save).</p>
      <ul className="backup-list">
        {backups.map((b, i) => (
          <li key={b.path} className="backup">
            <div>
              <div className="backup-path">{b.path}</div>
              <div className="muted">backed up {new Date(b.savedAt).toLocaleString()}</div>
            </div>
            <div className="spacer" />
            <button type="button" className="btn btn-small" onClick={() => onDiscard(b)} aria-label={`Discard backup of ${b.path}`}>Discard</button>
            {/* The safe action has the focus: Enter restores, it never throws work away. */}
            <button type="button" className="btn btn-primary btn-small" onClick={() => onRestore(b)} aria-label={`Restore ${b.path}`} data-autofocus={i === 0 ? true : undefined}>Restore</button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
