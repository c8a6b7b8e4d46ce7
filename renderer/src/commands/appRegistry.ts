/** The page's registry: every command of the table (shared/commands.ts) with its handler from commands/. */
import { COMMANDS } from '../../../shared/commands';
import type { PageCommandId } from '../../../shared/commands';
import { createRegistry } from '../services/registry';
import type { Command, Registry } from '../services/registry';
import type { CommandContext } from '../services/services';
import { APP_COMMANDS } from './appCommands';
import { BOOK_COMMANDS } from './bookCommands';
import { SLACK_COMMANDS } from './slackCommands';
import type { Handler, Handlers } from './handler';

/** Every page command's handler (the type checks that none is missing). */
export const HANDLERS: Handlers<PageCommandId> = { ...APP_COMMANDS, ...BOOK_COMMANDS, ...SLACK_COMMANDS };

/** The table's page commands, with their handlers. */
export function pageCommands(): Command<CommandContext, unknown>[] {
  return COMMANDS.flatMap((row) => {
    if ('shell' in row) return [];
    const handler = HANDLERS[row.id] as Handler<unknown>;
    return [{ id: row.id, label: row.label, keys: 'keys' in row ? row.keys : undefined, inDialog: 'inDialog' in row, enabled: handler.enabled, run: handler.run }];
  });
}

/** The app's registry: every command first commits typing that waits for a pause (the raw view's), so it sees the latest text. */
export const createAppRegistry = (): Registry<CommandContext> => createRegistry(pageCommands(), { before: ({ session }) => session.flush() });
