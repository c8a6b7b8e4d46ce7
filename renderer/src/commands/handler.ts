/** What commands/ gives each command of the table: when it is enabled and what it does. */
import type { ArgsOf, PageCommandId } from '../../../shared/commands';
import type { CommandContext } from '../services/services';
import { isEditable } from '../store/bookSlice';

/** How one command runs. */
export interface Handler<A> {
  enabled?(ctx: CommandContext): boolean;
  run(ctx: CommandContext, args: A): unknown;
}

/** Handlers for some of the page's commands, each typed by its arguments. */
export type Handlers<Id extends PageCommandId> = { readonly [K in Id]: Handler<ArgsOf<K>> };

/** Whether a book is open. */
export const hasBook = ({ store }: CommandContext): boolean => store.get().book !== null;

/** Whether the open book's front matter can be edited in the forms. */
export const canEditForm = ({ store }: CommandContext): boolean => {
  const book = store.get().book;
  return !!book && isEditable(book.doc);
};
