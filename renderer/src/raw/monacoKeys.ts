/** The raw editor's key bindings, derived from the command table: Monaco hands these keys to the app's commands instead of its own. */
import type { CommandRow } from '../../../shared/commands';

/** Monaco's key codes and modifiers, as its editor API exports them. */
export interface MonacoKeyApi {
  readonly KeyCode: { readonly [name: string]: number | string };
  readonly KeyMod: { readonly CtrlCmd: number; readonly Shift: number; readonly Alt: number };
}

/** A binding of the raw editor: the command, its label, and its keys as Monaco numbers them. */
export interface RawBinding {
  readonly id: string;
  readonly label: string;
  readonly keybindings: number[];
}

/** A table key (`Mod+Shift+Z`) as a Monaco keybinding. */
export function monacoKeybinding(spec: string, { KeyCode, KeyMod }: MonacoKeyApi): number {
  const parts = spec.split('+');
  const key = parts.pop()!;
  let code = 0;
  for (const mod of parts) {
    const bit = mod === 'Mod' ? KeyMod.CtrlCmd : mod === 'Shift' ? KeyMod.Shift : mod === 'Alt' ? KeyMod.Alt : undefined;
    if (bit === undefined) throw new Error(`No Monaco modifier for ${mod} in ${spec}.`);
    code |= bit;
  }
  const name = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^\d$/.test(key) ? `Digit${key}` : key;
  const keyCode = KeyCode[name];
  if (typeof keyCode !== 'number') throw new Error(`No Monaco key code for ${key} in ${spec}.`);
  return code | keyCode;
}

/** The bindings the raw editor registers: every command marked `raw`, with all of its keys. */
export function rawBindings(commands: readonly CommandRow[], api: MonacoKeyApi): RawBinding[] {
  return commands.filter((c) => c.raw && c.keys).map((c) => ({ id: c.id, label: c.label, keybindings: c.keys!.map((k) => monacoKeybinding(k, api)) }));
}
