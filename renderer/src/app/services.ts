/** What containers reach besides the store: the session, the command registry, the image cache. */
import { createContext, useContext } from 'react';
import type { Registry } from '../commands/registry';
import type { CommandContext } from '../commands/appCommands';
import type { Session } from '../session/session';
import type { AssetCache } from '../session/assets';
import type { EditorStore } from '../store/editorStore';

export interface Services {
  readonly store: EditorStore;
  readonly session: Session;
  readonly registry: Registry<CommandContext>;
  readonly assets: AssetCache;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices needs a ServicesContext provider.');
  return s;
}
