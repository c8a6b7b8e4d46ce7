/** Alt+Up / Alt+Down (and Alt+Left / Alt+Right in a row) move the focused item one slot; which control keeps the focus after. */
import type { KeyboardEvent } from 'react';
import type { MoveVia } from '../../../shared/commands';

/** -1 for Alt+Up (Alt+Left in a row), 1 for Alt+Down (Alt+Right), 0 for any other key. */
export function altStep(e: KeyboardEvent, row = false): -1 | 0 | 1 {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return 0;
  if (e.key === (row ? 'ArrowLeft' : 'ArrowUp')) return -1;
  if (e.key === (row ? 'ArrowRight' : 'ArrowDown')) return 1;
  return 0;
}

const VIAS: readonly MoveVia[] = ['up', 'down', 'handle', 'name', 'text', 'link'];

/** The control of an item (`data-control` `path:up`, or a field `path.text`) that `el` is, to focus it again in the item's new slot. */
export function viaOf(el: Element | null, path: string): MoveVia {
  const control = el?.getAttribute('data-control') ?? '';
  const field = el?.getAttribute('data-path') ?? '';
  const name = control.startsWith(`${path}:`) ? control.slice(path.length + 1) : field.startsWith(`${path}.`) ? field.slice(path.length + 1) : '';
  return (VIAS as readonly string[]).includes(name) ? (name as MoveVia) : 'card';
}
