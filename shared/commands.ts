/**
 * The editor's commands, one row each: the id that the page's registry, the raw editor
 * (Monaco) and the native menu share, what it is called, its keys and its place in the
 * menu. The page binds the keys and runs the commands; Monaco hands the rows marked `raw`
 * to the page instead of its own bindings; the menu shows the keys and sends the command
 * to the page. A new feature adds a row here (and its handler in the page, or the shell's).
 */
import type { DemoteThreadArgs } from './book/edits/demoteThread';
import type { EditReplyArgs } from './book/edits/editReply';
import type { EditThreadArgs } from './book/edits/editThread';
import type { MoveReplyArgs } from './book/edits/moveReply';
import type { SetLinkArgs } from './book/edits/setLink';
import type { TextField } from './book/edits/setField';
import type { ImportThread } from './slack/intoBook';
import type { SetBodyArgs } from './book/edits/setBody';

/** The native menus, in order, each with its title and its sections in order: a row names the section it shows in, and sections are separated. */
export const MENUS = {
  file: { label: 'File', sections: ['new', 'open', 'save'] },
  edit: { label: 'Edit', sections: ['history', 'clipboard', 'find'] },
  view: { label: 'View', sections: ['views', 'panels', 'window'] },
} as const;

/** One of the native menus. */
export type MenuName = keyof typeof MENUS;

/** Where a command shows in the native menu, and what it is called there (title case, an ellipsis when it asks for more). */
export type MenuPlace = { [M in MenuName]: { readonly menu: M; readonly section: (typeof MENUS)[M]['sections'][number]; readonly label: string } }[MenuName];

/** One command. */
export interface CommandRow {
  readonly id: string;
  /** What a button or a palette says. */
  readonly label: string;
  /** Keys such as `Mod+Shift+Z` (Mod is Ctrl, or Cmd on a Mac; the last part is the key); the first is the one shown. */
  readonly keys?: readonly string[];
  readonly menu?: MenuPlace;
  /** Monaco gives these keys to the command instead of its own bindings (undo, redo and save use the store's history). */
  readonly raw?: true;
  /** The keys still run it while a dialog is open. */
  readonly inDialog?: true;
  /** Run by the desktop shell (Node), not by the page. */
  readonly shell?: true;
}

/** Every command of the editor. */
export const COMMANDS = [
  { id: 'newBook', label: 'New book…', keys: ['Mod+Alt+N'], menu: { menu: 'file', section: 'new', label: 'New Book…' } },
  { id: 'open.folder', label: 'Open folder…', keys: ['Mod+O'], menu: { menu: 'file', section: 'open', label: 'Open Folder…' }, shell: true },
  { id: 'open.file', label: 'Open file…', keys: ['Mod+Shift+O'], menu: { menu: 'file', section: 'open', label: 'Open File…' }, shell: true },
  { id: 'review', label: 'Review changes', menu: { menu: 'file', section: 'save', label: 'Review Changes…' } },
  { id: 'save', label: 'Save', keys: ['Mod+S'], menu: { menu: 'file', section: 'save', label: 'Save' }, raw: true, inDialog: true },
  { id: 'revert', label: 'Revert to saved', menu: { menu: 'file', section: 'save', label: 'Revert' } },
  { id: 'changes', label: 'Changes', keys: ['Mod+Shift+G'], menu: { menu: 'file', section: 'save', label: 'Changes…' } },
  { id: 'undo', label: 'Undo', keys: ['Mod+Z'], menu: { menu: 'edit', section: 'history', label: 'Undo' }, raw: true },
  { id: 'redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], menu: { menu: 'edit', section: 'history', label: 'Redo' }, raw: true },
  { id: 'find', label: 'Find', keys: ['Mod+F'], menu: { menu: 'edit', section: 'find', label: 'Find' } },
  { id: 'searchBooks', label: 'Search books', keys: ['Mod+P'] },
  { id: 'view.form', label: 'Form', keys: ['Mod+1'], menu: { menu: 'view', section: 'views', label: 'Form' } },
  { id: 'view.raw', label: 'Raw', keys: ['Mod+2'], menu: { menu: 'view', section: 'views', label: 'Raw' } },
  { id: 'view.preview', label: 'Preview', keys: ['Mod+Alt+P', 'Mod+3'], menu: { menu: 'view', section: 'panels', label: 'Preview' } },
  { id: 'problems', label: 'Problems', keys: ['Mod+Shift+M'] },
  { id: 'expandAll', label: 'Expand all' },
  { id: 'collapseAll', label: 'Collapse all' },
  { id: 'theme', label: 'Theme' },
  // The book's own actions, run with arguments by the cards, the fields and the dialogs.
  { id: 'field.edit', label: 'Edit field' },
  { id: 'author.add', label: 'Add author' },
  { id: 'author.remove', label: 'Remove author' },
  { id: 'author.move', label: 'Move author' },
  { id: 'link.add', label: 'Add link' },
  { id: 'link.edit', label: 'Edit link' },
  { id: 'link.delete', label: 'Delete link' },
  { id: 'link.move', label: 'Move link' },
  { id: 'thread.add', label: 'Add thread' },
  { id: 'thread.toggle', label: 'Expand or collapse thread' },
  { id: 'thread.edit', label: 'Edit thread' },
  { id: 'thread.delete', label: 'Delete thread' },
  { id: 'thread.move', label: 'Move thread' },
  { id: 'thread.moveTo', label: 'Move thread to…' },
  { id: 'thread.demote', label: 'Demote thread to reply' },
  { id: 'thread.demoteTo', label: 'Demote to reply…' },
  { id: 'thread.merge', label: 'Merge threads' },
  { id: 'thread.mergeInto', label: 'Merge into…' },
  { id: 'reply.add', label: 'Add reply' },
  { id: 'reply.edit', label: 'Edit reply' },
  { id: 'reply.delete', label: 'Delete reply' },
  { id: 'reply.move', label: 'Move reply' },
  { id: 'reply.moveTo', label: 'Move reply to…' },
  { id: 'reply.promote', label: 'Promote to thread' },
  { id: 'reschedule', label: 'Reschedule…', menu: { menu: 'file', section: 'save', label: 'Reschedule…' } },
  { id: 'importSlack', label: 'Import from Slack…', menu: { menu: 'file', section: 'new', label: 'Import from Slack…' } },
  { id: 'slack.import', label: 'Import threads from Slack' },
  { id: 'body.edit', label: 'Edit body' },
] as const satisfies readonly CommandRow[];

/** The id of a command. */
export type CommandId = (typeof COMMANDS)[number]['id'];

/** The commands the desktop shell runs. */
export type ShellCommandId = Extract<(typeof COMMANDS)[number], { readonly shell: true }>['id'];

/** The commands the page runs (every other one). */
export type PageCommandId = Exclude<CommandId, ShellCommandId>;

/**
 * Which control of a moved item keeps the focus in its new slot: its Move up or Move down button (so a
 * second Enter moves it again), its drag handle, one of its fields, or the card itself.
 */
export type MoveVia = 'up' | 'down' | 'handle' | 'name' | 'text' | 'link' | 'card';

/** What a command takes when it runs; a command not listed takes nothing. */
export interface CommandArgs {
  'field.edit': { readonly key: TextField; readonly value: string };
  'author.add': { readonly author: string };
  'author.remove': { readonly index: number };
  'author.move': { readonly from: number; readonly to: number };
  'link.edit': SetLinkArgs;
  'link.delete': { readonly index: number };
  'link.move': { readonly from: number; readonly to: number; readonly via?: MoveVia };
  /** After thread `after` (default: at the end, shown in the form with the filter cleared). */
  'thread.add': { readonly after?: number } | undefined;
  'thread.toggle': { readonly thread: number };
  'thread.edit': EditThreadArgs;
  'thread.delete': { readonly thread: number };
  'thread.move': { readonly thread: number; readonly to: number; readonly via?: MoveVia };
  'thread.moveTo': { readonly thread: number };
  'thread.demote': DemoteThreadArgs;
  'thread.demoteTo': { readonly thread: number };
  'thread.merge': { readonly into: number; readonly from: number };
  'thread.mergeInto': { readonly thread: number };
  /** After reply `after` (default: at the end). */
  'reply.add': { readonly thread: number; readonly after?: number };
  'reply.edit': EditReplyArgs;
  'reply.delete': { readonly thread: number; readonly reply: number };
  'reply.move': MoveReplyArgs & { readonly via?: MoveVia };
  'reply.moveTo': { readonly thread: number; readonly reply: number };
  'reply.promote': { readonly thread: number; readonly reply: number };
  /** The threads chosen in the Import from Slack dialog, appended to the archive as one undo step. */
  'slack.import': { readonly threads: readonly ImportThread[] };
  'body.edit': SetBodyArgs;
}

/** The arguments of command `Id` (undefined when it takes none). */
export type ArgsOf<Id extends CommandId> = Id extends keyof CommandArgs ? CommandArgs[Id] : undefined;

const BY_ID: ReadonlyMap<string, CommandRow> = new Map(COMMANDS.map((c) => [c.id, c]));

/** The row of a command. */
export const commandRow = (id: string): CommandRow | undefined => BY_ID.get(id);

/** The key shown for a command: its first one. */
export const shortcutOf = (id: string): string | undefined => commandRow(id)?.keys?.[0];

/** A key as Electron's menu writes it: `Mod+Alt+N` → `CmdOrCtrl+Alt+N`. */
export const accelerator = (keys: string): string => keys.replace(/\bMod\b/, 'CmdOrCtrl');
