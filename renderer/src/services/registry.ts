/**
 * The one command registry: buttons, keyboard shortcuts and the native menu all run
 * named commands through `dispatch`, so each has one label, one shortcut and one rule
 * for when it is enabled. The labels and keys come from the command table
 * (shared/commands.ts); commands/ gives each its handler.
 */

/** A command as the registry runs it. */
export interface Command<C, A = never> {
  readonly id: string;
  /** What a button or menu item says. */
  readonly label: string;
  /** Shortcuts such as `Mod+S` or `Mod+Shift+Z` (Mod is Ctrl, or Cmd on a Mac). */
  readonly keys?: readonly string[];
  /** The keys still run it while a dialog is open. */
  readonly inDialog?: boolean;
  enabled?(ctx: C): boolean;
  /** Runs the command; commands with arguments get them from the button or dialog that runs them. */
  run(ctx: C, args: A): unknown;
}

export type Source = 'button' | 'key' | 'menu' | 'other';

export interface Registry<C> {
  get(id: string): Command<C> | undefined;
  all(): readonly Command<C>[];
  isEnabled(id: string, ctx: C): boolean;
  /** Runs a command if it is enabled, with its arguments if it takes any; returns whether it ran. */
  dispatch(id: string, ctx: C, source?: Source, args?: unknown): boolean;
  /** The command a key event stands for, if any. */
  commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): Command<C> | undefined;
}

/** A menu accelerator and the page's own key handler may both see one key press: run it once. */
const ECHO_MS = 150;

/** `before` runs ahead of every dispatch, before the enabled check (e.g. to commit typing that waits for a pause). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command checks its own arguments' type; the registry only passes them on
export function createRegistry<C>(commands: readonly Command<C, any>[], options: { readonly before?: (ctx: C) => void } = {}): Registry<C> {
  const byId = new Map(commands.map((c) => [c.id, c]));
  let last: { id: string; source: Source; at: number } | null = null;
  const isEnabled = (id: string, ctx: C) => {
    const c = byId.get(id);
    return !!c && (c.enabled ? c.enabled(ctx) : true);
  };
  return {
    get: (id) => byId.get(id),
    all: () => commands,
    isEnabled,
    dispatch(id, ctx, source = 'other', args) {
      const now = Date.now();
      if (last && last.id === id && last.source !== source && now - last.at < ECHO_MS && (source === 'menu' || last.source === 'menu')) return false;
      options.before?.(ctx);
      if (!isEnabled(id, ctx)) return false;
      last = { id, source, at: now };
      void byId.get(id)!.run(ctx, args as never);
      return true;
    },
    commandForKey(event) {
      for (const c of commands) if (c.keys?.some((k) => matchesKey(event, k))) return c;
      return undefined;
    },
  };
}

/** Whether a key event is the shortcut `spec` (e.g. `Mod+Shift+Z`). */
export function matchesKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, spec: string): boolean {
  const parts = spec.split('+');
  const key = parts.pop()!.toLowerCase();
  const want = new Set(parts.map((p) => p.toLowerCase()));
  if (want.has('mod') !== (event.ctrlKey || event.metaKey)) return false;
  if (want.has('shift') !== event.shiftKey) return false;
  if (want.has('alt') !== event.altKey) return false;
  return event.key.toLowerCase() === key;
}

/** `Ctrl+Shift+Z` for people (Cmd on a Mac). */
export function keyLabel(spec: string): string {
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return spec.replace('Mod', mac ? '⌘' : 'Ctrl');
}
