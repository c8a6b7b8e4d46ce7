/** A command as a button sees it: its label, shortcut, whether it is enabled, and how to run it. */
import { useCallback } from 'react';
import { useServices } from '../services/services';
import { keyLabel } from '../services/registry';
import { useEditor } from '../store/hooks';

/** Command `id` for a button: its label, its key for the tooltip, whether it is enabled (re-rendering when that changes), and a stable run. */
export function useCommand(id: string, args?: unknown) {
  const { registry, store, session } = useServices();
  const command = registry.get(id);
  const enabled = useEditor(() => registry.isEnabled(id, { store, session }));
  const run = useCallback(() => registry.dispatch(id, { store, session }, 'button', args), [registry, id, store, session, args]);
  return {
    label: command?.label ?? id,
    shortcut: command?.keys?.[0] ? keyLabel(command.keys[0]) : null,
    enabled,
    run,
  };
}
