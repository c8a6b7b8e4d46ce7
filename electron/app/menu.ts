/**
 * The native menu, built from the command table (shared/commands.ts): each row with a
 * menu place becomes an item in its section, with the row's key as its accelerator.
 * Editor commands are sent to the page, which owns its keyboard shortcuts: their
 * accelerators are shown but not registered, so a key press reaches the page's one
 * command registry exactly once. The shell's own commands (open a folder or a file) run
 * here and keep their accelerators.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, MENUS, accelerator } from '../../shared/commands';
import type { CommandRow, MenuName, PageCommandId, ShellCommandId } from '../../shared/commands';

type MenuRow = (typeof COMMANDS)[number] & { readonly menu: NonNullable<CommandRow['menu']> };

const inMenu = (c: (typeof COMMANDS)[number]): c is MenuRow => 'menu' in c;

/** The editor commands the menu sends to the page as `{kind: 'command', command}`. */
export const EDITOR_COMMANDS = COMMANDS.filter(inMenu).filter((c) => !('shell' in c)).map((c) => c.id as PageCommandId);

/** One of the editor commands. */
export type EditorCommand = PageCommandId;

/** What the menu items do. */
export interface MenuActions {
  openFolder(): void;
  openFile(): void;
  openRecent(folder: string): void;
  clearRecent(): void;
  command(command: EditorCommand): void;
}

/** What each of the shell's commands does. */
const SHELL: Record<ShellCommandId, (actions: MenuActions) => void> = {
  'open.folder': (a) => a.openFolder(),
  'open.file': (a) => a.openFile(),
};

/** The menu's template for these recent folders; `isMac` adds the app menu and uses macOS conventions. */
export function menuTemplate(actions: MenuActions, recent: readonly string[], isMac: boolean): MenuItemConstructorOptions[] {
  const item = (c: MenuRow): MenuItemConstructorOptions => {
    const key = 'keys' in c ? c.keys[0] : undefined;
    if ('shell' in c) return { label: c.menu.label, id: c.id, ...(key ? { accelerator: accelerator(key) } : {}), click: () => SHELL[c.id](actions) };
    return { label: c.menu.label, id: `command.${c.id}`, ...(key ? { accelerator: accelerator(key), registerAccelerator: false } : {}), click: () => actions.command(c.id) };
  };
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [...recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) })), { type: 'separator' }, { label: 'Clear Recent', id: 'recent.clear', click: () => actions.clearRecent() }]
    : [{ label: 'No Recent Folders', enabled: false }];
  // The shell's own items, at the end of their section.
  const native: Record<string, MenuItemConstructorOptions[]> = {
    'file.open': [{ label: 'Open Recent', id: 'open.recent', submenu: recentItems }],
    'edit.clipboard': [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    'view.window': [{ role: 'togglefullscreen' }],
  };
  const menu = (name: MenuName): MenuItemConstructorOptions => {
    const sections = MENUS[name].sections.map((section: string) => [...COMMANDS.filter(inMenu).filter((c) => c.menu.menu === name && c.menu.section === section).map(item), ...(native[`${name}.${section}`] ?? [])]);
    if (name === 'file' && !isMac) sections.push([{ role: 'quit' }]);
    const submenu = sections.filter((s) => s.length > 0).flatMap((s, i) => (i ? [{ type: 'separator' } as const, ...s] : s));
    return { label: MENUS[name].label, submenu };
  };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), ...(Object.keys(MENUS) as MenuName[]).map(menu), { role: 'windowMenu' }];
}
