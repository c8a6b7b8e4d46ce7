/** The Import from Slack dialog on the open book: loaded when first opened (the importer, fflate and the emoji stay out of the first load). */
import { lazy, Suspense, useMemo } from 'react';
import { bookOf } from '../../../shared/index';
import { useRun } from '../commands/useRun';
import { useEditor } from '../store/hooks';
import type { SlackBook } from '../dialogs/SlackImportDialog';

const SlackImportDialog = lazy(() => import('../dialogs/SlackImportDialog').then((m) => ({ default: m.SlackImportDialog })));

export function SlackImportHost({ onClose }: { readonly onClose: () => void }) {
  const data = useEditor((s) => s.book?.doc.data ?? null);
  const run = useRun();
  const book = useMemo<SlackBook>(() => {
    const b = bookOf(data);
    return { start: b?.start ?? '', end: b?.end ?? '', archive: b?.archive ?? [] };
  }, [data]);
  return (
    <Suspense fallback={null}>
      <SlackImportDialog
        book={book}
        onClose={onClose}
        onImport={(threads) => {
          onClose();
          run('slack.import', { threads });
        }}
      />
    </Suspense>
  );
}
