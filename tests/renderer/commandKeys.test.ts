// One command table (shared/commands.ts) and three places that bind its keys: the page's
// registry, the raw editor (Monaco) and the native menu. They must agree for every command.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { KeyCode } from 'monaco-editor/editor/common/standalone/standaloneEnums';
import { createMonacoBaseAPI } from 'monaco-editor/editor/common/services/editorBaseApi';
import { COMMANDS, accelerator } from '../../shared/commands';
import type { CommandRow } from '../../shared/commands';
import { EDITOR_COMMANDS, menuTemplate } from '../../electron/app/menu';
import type { MenuActions } from '../../electron/app/menu';
import { HANDLERS, createAppRegistry } from '../../renderer/src/commands/appRegistry';
import { rawBindings } from '../../renderer/src/raw/monacoKeys';

const rows: readonly CommandRow[] = COMMANDS;
const { KeyMod } = createMonacoBaseAPI();
const monacoApi = { KeyCode, KeyMod };

/** The key event a spec stands for (`Mod+Shift+Z` → Ctrl, Shift and `z`). */
function eventOf(spec: string) {
  const parts = spec.split('+');
  const key = parts.pop()!;
  return { key: key.length === 1 ? key.toLowerCase() : key, ctrlKey: parts.includes('Mod'), metaKey: false, shiftKey: parts.includes('Shift'), altKey: parts.includes('Alt') };
}

/** A Monaco keybinding written back as a spec. */
function specOf(binding: number): string {
  const mods = [binding & KeyMod.CtrlCmd ? 'Mod' : '', binding & KeyMod.Alt ? 'Alt' : '', binding & KeyMod.Shift ? 'Shift' : ''].filter(Boolean);
  const name = String(KeyCode[binding & 0xff]).replace(/^Key|^Digit/, '');
  return [...mods, name].join('+');
}
/** A spec with its modifiers in one order, to compare specs. */
const canonical = (spec: string) => specOf(rawBindings([{ id: 'x', label: 'x', keys: [spec], raw: true }], monacoApi)[0]!.keybindings[0]!);

function menuItems(): MenuItemConstructorOptions[] {
  const actions: MenuActions = { openFolder: () => undefined, openFile: () => undefined, openRecent: () => undefined, clearRecent: () => undefined, command: () => undefined };
  const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
  return flat(menuTemplate(actions, [], false));
}

describe('the command table', () => {
  it('names each command once and gives every key to one command only', () => {
    expect(new Set(rows.map((c) => c.id)).size).toBe(rows.length);
    const keys = rows.flatMap((c) => (c.keys ?? []).map(canonical));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has a handler in the page for every command the shell does not run, and none more', () => {
    const page = rows.filter((c) => !c.shell).map((c) => c.id);
    expect(Object.keys(HANDLERS).sort()).toEqual([...page].sort());
  });

  it('binds the same keys in the page as in the table, and a key press finds its command', () => {
    const registry = createAppRegistry();
    for (const row of rows.filter((c) => !c.shell)) {
      const command = registry.get(row.id)!;
      expect(command.label).toBe(row.label);
      expect(command.keys ?? []).toEqual(row.keys ?? []);
      for (const k of row.keys ?? []) expect(registry.commandForKey(eventOf(k))?.id, k).toBe(row.id);
    }
  });

  it('shows in the menu every command with a menu place, with its first key as accelerator, and no key the table does not hold', () => {
    const items = menuItems();
    const placed = rows.filter((c) => c.menu);
    for (const row of placed) {
      const item = items.find((i) => i.id === (row.shell ? row.id : `command.${row.id}`));
      expect(item?.label, row.id).toBe(row.menu!.label);
      expect(item!.accelerator).toBe(row.keys ? accelerator(row.keys[0]!) : undefined);
    }
    const withKeys = items.filter((i) => i.accelerator);
    expect(withKeys.map((i) => i.accelerator).sort()).toEqual(placed.filter((c) => c.keys).map((c) => accelerator(c.keys![0]!)).sort());
    expect([...EDITOR_COMMANDS].sort()).toEqual(placed.filter((c) => !c.shell).map((c) => c.id).sort());
  });

  it('gives Monaco every key of the commands it hands to the page, and the page binds those keys to the same commands', () => {
    const registry = createAppRegistry();
    const bindings = rawBindings(rows, monacoApi);
    expect(bindings.map((b) => b.id)).toEqual(rows.filter((c) => c.raw).map((c) => c.id));
    for (const b of bindings) {
      const row = rows.find((c) => c.id === b.id)!;
      expect(b.keybindings.map(specOf)).toEqual(row.keys!.map(canonical));
      for (const spec of b.keybindings.map(specOf)) expect(registry.commandForKey(eventOf(spec))?.id).toBe(b.id);
    }
  });

  it('has one key for New Book everywhere: Ctrl+Alt+N (a browser keeps Ctrl+N for a new window)', () => {
    const row = rows.find((c) => c.id === 'newBook')!;
    expect(row.keys).toEqual(['Mod+Alt+N']);
    expect(menuItems().find((i) => i.id === 'command.newBook')!.accelerator).toBe('CmdOrCtrl+Alt+N');
    expect(createAppRegistry().commandForKey(eventOf('Mod+Alt+N'))?.id).toBe('newBook');
  });
});
