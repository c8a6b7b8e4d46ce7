/** The file changed on disk since it was read: reload it, overwrite it, or compare first. */
import { Dialog } from '../ui/Dialog';

interface Props {
  readonly path: string;
  readonly deleted: boolean;
  readonly onReload: () => void;
  readonly onOverwrite: () => void;
  readonly onCompare: () => void;
  /** Your changes replayed on the disk's version, reviewed before saving. */
  readonly onKeepBoth: () => void;
  readonly onClose: () => void;
}

export function ConflictDialog({ path, deleted, onReload, onOverwrite, onCompare, onKeepBoth, onClose }: Props) {
  return (
    <Dialog
      title="The file changed on disk"
      role="alertdialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onCompare} disabled={deleted} data-autofocus>Compare</button>
          <button type="button" className="btn btn-danger" onClick={onReload} disabled={deleted}>Reload</button>
          <button type="button" className="btn" onClick={onKeepBoth} disabled={deleted}>Keep both</button>
          <button type="button" className="btn btn-primary" onClick={onOverwrite}>Overwrite</button>
        </>
      }
    >
      <p>
        {deleted ? <><strong>{path}</strong> was deleted since you opened it. Overwrite writes your version back.</> : <><strong>{path}</strong> was changed by another program since you opened it. Nothing was saved.</>}
      </p>
      <ul className="choices">
        {deleted ? null : <li><strong>Compare</strong> shows the lines that differ.</li>}
        {deleted ? null : <li><strong>Reload</strong> takes the version on disk and drops your changes.</li>}
        {deleted ? null : <li><strong>Keep both</strong> puts your changes into the version on disk and shows the result before it is saved.</li>}
        <li><strong>Overwrite</strong> saves your version over it.</li>
      </ul>
    </Dialog>
  );
}
