/** The container of the modal dialogs: one at a time, chosen by the store. */
import { threadsOf } from '../../../shared/index';
import { useRun } from '../commands/useRun';
import { useServices } from '../services/services';
import type { Dialog } from '../store/uiSlice';
import { useEditor } from '../store/hooks';
import { formBookOf } from '../store/derived';
import { MoveReplyDialog } from '../threads/dialogs/MoveReplyDialog';
import { MoveThreadDialog } from '../threads/dialogs/MoveThreadDialog';
import { DemoteDialog } from '../threads/dialogs/DemoteDialog';
import { MergeDialog } from '../threads/dialogs/MergeDialog';
import { ConfirmSwitchDialog } from '../dialogs/ConfirmSwitchDialog';
import { ConflictDialog } from '../dialogs/ConflictDialog';
import { CompareDialog } from '../dialogs/CompareDialog';
import { RecoverDialog } from '../dialogs/RecoverDialog';
import { NewBookDialog } from '../dialogs/NewBookDialog';
import { ReviewDialog } from '../review/ReviewDialog';
import { CreatePersonDialog } from '../dialogs/CreatePersonDialog';
import { RescheduleDialog } from '../dialogs/RescheduleDialog';
import { SlackImportHost } from './SlackImportHost';
import { ChangesDialog } from '../review/ChangesDialog';
import { KeepBothDialog } from '../review/KeepBothDialog';

/** Renders the open dialog, if any; only then does it follow the book. */
export function DialogHost() {
  const dialog = useEditor((s) => s.ui.dialog);
  return dialog ? <OpenDialog dialog={dialog} /> : null;
}

function OpenDialog({ dialog }: { readonly dialog: Dialog }) {
  const { store, session } = useServices();
  const data = useEditor((s) => s.book?.doc.data ?? null);
  const path = useEditor((s) => s.book?.path ?? '');
  const title = useEditor((s) => formBookOf(s)?.title ?? '');
  const mine = useEditor((s) => s.book?.doc.text ?? '');
  const people = useEditor((s) => s.site.people);
  const books = useEditor((s) => s.site.books);
  const run = useRun();
  const close = () => store.openDialog(null);
  const threads = threadsOf(data);
  /** A dialog that waits for the contract closes when it is done, and shows why not otherwise. */
  const closeIfDone = (problem: string | null): string | null => {
    if (!problem) close();
    return problem;
  };
  const act = (f: () => void) => () => {
    close();
    f();
  };
  switch (dialog.kind) {
    case 'moveReply':
      return <MoveReplyDialog threads={threads} thread={dialog.thread} reply={dialog.reply} onClose={close} onMove={(t, i) => act(() => run('reply.move', { thread: dialog.thread, reply: dialog.reply, toThread: t, toIndex: i }))()} />;
    case 'moveThread':
      return <MoveThreadDialog threads={threads} thread={dialog.thread} onClose={close} onMove={(i) => act(() => run('thread.move', { thread: dialog.thread, to: i }))()} />;
    case 'demote':
      return <DemoteDialog threads={threads} thread={dialog.thread} onClose={close} onDemote={(t, i) => act(() => run('thread.demote', { thread: dialog.thread, target: t, index: i }))()} />;
    case 'merge':
      return <MergeDialog threads={threads} thread={dialog.thread} onClose={close} onMerge={(t) => act(() => run('thread.merge', { into: t, from: dialog.thread }))()} />;
    case 'confirmSwitch': {
      const next = books.find((b) => b.path === dialog.path)?.title ?? dialog.path;
      return (
        <ConfirmSwitchDialog
          current={title || path}
          next={next}
          onCancel={close}
          onDiscard={act(() => void session.discardChangesAndOpen(dialog.path))}
          onSave={act(() => void session.save().then((ok) => ok && session.open(dialog.path)))}
        />
      );
    }
    case 'conflict':
      return (
        <ConflictDialog
          path={path}
          deleted={dialog.disk === null}
          onClose={close}
          onReload={() => void session.reload()}
          onOverwrite={() => void session.overwrite(dialog.disk)}
          onCompare={() => store.openDialog({ kind: 'compare', disk: dialog.disk })}
          onKeepBoth={() => dialog.disk && store.openDialog({ kind: 'keepBoth', disk: dialog.disk })}
        />
      );
    case 'compare':
      return (
        <CompareDialog
          disk={dialog.disk?.text ?? ''}
          mine={mine}
          onClose={close}
          onReload={() => void session.reload()}
          onOverwrite={() => void session.overwrite(dialog.disk)}
          onKeepBoth={dialog.disk ? () => dialog.disk && store.openDialog({ kind: 'keepBoth', disk: dialog.disk }) : undefined}
        />
      );
    case 'recover':
      return <RecoverDialog backups={dialog.backups} onClose={close} onRestore={(b) => void session.restore(b)} onDiscard={(b) => void session.discard(b)} />;
    case 'newBook':
      return <NewBookDialog people={people} onClose={close} onCreate={(r) => session.newBook(r)} />;
    case 'review':
      return <ReviewDialog onClose={close} />;
    case 'createPerson':
      return <CreatePersonDialog id={dialog.id} onClose={close} onCreate={(p) => session.createPerson(p).then(closeIfDone)} />;
    case 'reschedule':
      return <RescheduleDialog path={path} start={formBookOf(store.get())?.start ?? ''} onClose={close} onReschedule={(day) => session.reschedule(day).then(closeIfDone)} />;
    case 'importSlack':
      return <SlackImportHost onClose={close} />;
    case 'changes':
      return <ChangesDialog onClose={close} />;
    case 'keepBoth':
      return <KeepBothDialog disk={dialog.disk} onClose={close} />;
  }
}
