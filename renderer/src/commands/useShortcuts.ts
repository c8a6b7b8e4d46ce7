/** Keyboard shortcuts: every key press that names a command runs it through the registry. */
import { useEffect } from 'react';
import { useServices } from '../app/services';

/** Commands that still run while a dialog is open. */
const IN_DIALOG = new Set(['save']);

export function useShortcuts(): void {
  const { registry, store, session } = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = registry.commandForKey(event);
      if (!command) return;
      if (store.get().ui.dialog && !IN_DIALOG.has(command.id)) return;
      event.preventDefault();
      registry.dispatch(command.id, { store, session }, 'key');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry, store, session]);
}
