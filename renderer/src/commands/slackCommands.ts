/**
 * Importing Q&A from a Slack export: the command that opens the dialog, and the one the
 * dialog runs with the chosen threads (the core's `importEdits`, one undo step).
 */
import { EditError, threadCount } from '../../../shared/index';
import { importEdits } from '../../../shared/slack/intoBook';
import { canEditForm } from './handler';
import type { CommandContext } from '../services/services';
import type { Handlers } from './handler';

const canImport = (c: CommandContext): boolean => canEditForm(c) && c.store.get().ui.readOnly === null;

/** What the Slack commands do. */
export const SLACK_COMMANDS: Handlers<'importSlack' | 'slack.import'> = {
  importSlack: { enabled: canImport, run: ({ store }) => store.openDialog({ kind: 'importSlack' }) },
  'slack.import': {
    enabled: canImport,
    run: ({ store }, { threads }) => {
      const book = store.get().book;
      if (!book) return false;
      let planned: ReturnType<typeof importEdits>;
      try {
        planned = importEdits(book.doc, threads);
      } catch (e) {
        if (!(e instanceof EditError)) throw e;
        store.notify('error', `Import from Slack did not apply: ${e.message}`);
        return false;
      }
      const { added, duplicates, edits, label } = planned;
      const already = duplicates ? ` ${duplicates} ${duplicates === 1 ? 'was' : 'were'} in the archive already.` : '';
      if (added === 0) {
        store.notify('info', `Nothing imported from Slack.${already}`);
        return false;
      }
      const at = threadCount(book.doc.data);
      if (!store.edit(label, edits)) return false;
      // Show the new threads whatever the view and the filter, the first one focused.
      store.setUi({ view: 'form', threadFilter: '' });
      store.focus(`archive.${at}`);
      const where = added === 1 ? `thread ${at + 1}` : `threads ${at + 1} to ${at + added}`;
      store.notify('success', `Imported ${added} thread${added === 1 ? '' : 's'} from Slack as ${where}.${already} Undo takes ${added === 1 ? 'it' : 'them'} out.`);
      return true;
    },
  },
};
