/** Keyboard shortcuts: every key press that names a command runs it through the registry. */
import { useEffect } from 'react';
import { useServices } from '../services/services';

/** Listens for the table's keys on the page for as long as the component is mounted. */
export function useShortcuts(): void {
  const { registry, store, session } = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = registry.commandForKey(event);
      if (!command) return;
      if (store.get().ui.dialog && !command.inDialog) return;
      event.preventDefault();
      registry.dispatch(command.id, { store, session }, 'key');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry, store, session]);
}
