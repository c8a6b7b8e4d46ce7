/** A command as a button sees it: its label, shortcut, whether it is enabled, and how to run it. */
import { useCallback } from 'react';
import { useServices } from '../app/services';
import { useEditor } from '../store/hooks';
import { keyLabel } from './registry';

export function useCommand(id: string) {
  const { registry, store, session } = useServices();
  const command = registry.get(id);
  const enabled = useEditor(() => registry.isEnabled(id, { store, session }));
  const run = useCallback(() => registry.dispatch(id, { store, session }, 'button'), [registry, id, store, session]);
  return {
    label: command?.label ?? id,
    shortcut: command?.keys?.[0] ? keyLabel(command.keys[0]) : null,
    enabled,
    run,
  };
}
