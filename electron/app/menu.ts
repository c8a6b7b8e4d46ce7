/**
 * The native menu as data. Editor commands (save, undo, find, views…) are sent to the
 * page, which owns its keyboard shortcuts: their accelerators are shown but not
 * registered, so a key press reaches the page's one command registry exactly once.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The editor commands the menu sends to the page as `{kind: 'command', command}`. */
export const EDITOR_COMMANDS = ['save', 'review', 'revert', 'undo', 'redo', 'find', 'new-book', 'view.form', 'view.raw', 'view.preview'] as const;

/** One of the editor commands. */
export type EditorCommand = (typeof EDITOR_COMMANDS)[number];

/** What the menu items do. */
export interface MenuActions {
  openFolder(): void;
  openFile(): void;
  openRecent(folder: string): void;
  clearRecent(): void;
  command(command: EditorCommand): void;
}

/** The menu's template for these recent folders; `isMac` adds the app menu and uses macOS conventions. */
export function menuTemplate(actions: MenuActions, recent: readonly string[], isMac: boolean): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: EditorCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    id: `command.${command}`,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => actions.command(command),
  });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [...recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) })), { type: 'separator' }, { label: 'Clear Recent', id: 'recent.clear', click: () => actions.clearRecent() }]
    : [{ label: 'No Recent Folders', enabled: false }];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      cmd('New Book…', 'new-book', 'CmdOrCtrl+N'),
      { type: 'separator' },
      { label: 'Open Folder…', id: 'open.folder', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      { label: 'Open File…', id: 'open.file', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openFile() },
      { label: 'Open Recent', id: 'open.recent', submenu: recentItems },
      { type: 'separator' },
      cmd('Review Changes…', 'review'),
      cmd('Save', 'save', 'CmdOrCtrl+S'),
      cmd('Revert', 'revert'),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      cmd('Undo', 'undo', 'CmdOrCtrl+Z'),
      cmd('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      cmd('Find', 'find', 'CmdOrCtrl+F'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [cmd('Form', 'view.form', 'CmdOrCtrl+1'), cmd('Raw', 'view.raw', 'CmdOrCtrl+2'), { type: 'separator' }, cmd('Preview', 'view.preview', 'CmdOrCtrl+3'), { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, { role: 'windowMenu' }];
}
