/**
 * Applying a diagnostic's fix, wherever it is offered (the problems list, a field's
 * message, the raw view's quick fixes): an edit fix is the core's edits of the book as
 * one undo step named after the fix; a rename goes through the session (the contract's
 * `renameBook`); "Create person…" opens its dialog.
 */
import { fixEdits } from '../../../shared/index';
import type { Diagnostic, Fix } from '../../../shared/index';
import { freshDiagnosticsOf, siteContextOf } from '../store/derived';
import type { CommandContext } from './services';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The same problem in the text as it is now (typing may have moved it since the list was drawn), still offering `fixId`. */
function current(ctx: CommandContext, d: Diagnostic, fixId: string): Diagnostic | null {
  const list = freshDiagnosticsOf(ctx.store.get()).filter((x) => x.code === d.code && x.fixes?.some((f) => f.id === fixId));
  return list.find((x) => x.path === d.path && x.range.from === d.range.from) ?? list.find((x) => x.path === d.path) ?? null;
}

/** How many problems the book has now, in words, for the announcement after a fix. */
function left(ctx: CommandContext): string {
  const n = freshDiagnosticsOf(ctx.store.get()).length;
  return n === 0 ? 'No problems left.' : `${n} problem${n === 1 ? '' : 's'} left.`;
}

/**
 * Applies `fix` of diagnostic `d`. Returns true when an edit fix changed the book (at once),
 * or a rename or dialog was started; false when nothing was done (the reason is announced).
 */
export function applyFix(ctx: CommandContext, d: Diagnostic, fix: Fix): boolean {
  const { store, session } = ctx;
  session.flush();
  const state = store.get();
  if (!state.book) return false;
  if (state.ui.readOnly) {
    store.notify('error', `${fix.label} did not apply: ${state.ui.readOnly}`);
    return false;
  }
  switch (fix.kind) {
    case 'edit': {
      const now = current(ctx, d, fix.id);
      if (!now) {
        store.notify('info', `${fix.label}: there is nothing left to fix.`);
        return false;
      }
      let edits;
      try {
        edits = fixEdits(state.book.doc, now, fix.id, siteContextOf(state));
      } catch (e) {
        store.notify('error', `${fix.label} did not apply: ${message(e)}`);
        return false;
      }
      if (!edits.length || !store.edit(fix.label, edits)) return false;
      store.notify('success', `Fixed: ${fix.label}. ${left(ctx)}`);
      return true;
    }
    case 'rename-book':
      void session.renameBook(fix.to, fix.label).then((problem) => problem && store.notify('error', problem));
      return true;
    case 'create-person':
      store.openDialog({ kind: 'createPerson', id: fix.person });
      return true;
  }
}
