/** Runs the page's commands with their arguments, as the cards, fields and dialogs do. */
import { useMemo } from 'react';
import type { ArgsOf, PageCommandId } from '../../../shared/commands';
import { useServices } from '../services/services';

/** Runs a command (with its arguments, when it takes any); returns whether it ran. */
export type Run = <Id extends PageCommandId>(id: Id, ...args: undefined extends ArgsOf<Id> ? [args?: ArgsOf<Id>] : [args: ArgsOf<Id>]) => boolean;

/** A stable function that runs commands, for memoized components to take as a prop. */
export function useRun(): Run {
  const { registry, store, session } = useServices();
  return useMemo<Run>(() => (id, ...args) => registry.dispatch(id, { store, session }, 'button', args[0]), [registry, store, session]);
}
