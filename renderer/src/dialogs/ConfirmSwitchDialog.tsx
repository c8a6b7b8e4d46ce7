/** Switching books with unsaved changes: save them, discard them, or stay. */
import { Dialog } from '../ui/Dialog';

interface Props {
  readonly current: string;
  readonly next: string;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
  readonly onCancel: () => void;
}

export function ConfirmSwitchDialog({ current, next, onSave, onDiscard, onCancel }: Props) {
  return (
    <Dialog
      title="Unsaved changes"
      role="alertdialog"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>Cancel</button>
          <button type="button" className="btn btn-danger" onClick={onDiscard}>Discard changes</button>
          <button type="button" className="btn btn-primary" onClick={onSave} data-autofocus>Save and open</button>
        </>
      }
    >
      <p>
        <strong>{current}</strong> has changes that are not saved. Save them before opening <strong>{next}</strong>?
      </p>
    </Dialog>
  );
}
