/**
 * The renderer's services, the bottom layer the views build on: the store, the session
 * (which alone talks to the contract), the command registry and the image cache, handed
 * down by one React context.
 */
import { createContext, useContext } from 'react';
import type { Registry } from './registry';
import type { Session } from '../session/session';
import type { AssetCache } from '../session/assets';
import type { EditorStore } from '../store/editorStore';

/** What a command runs with. */
export interface CommandContext {
  readonly store: EditorStore;
  readonly session: Session;
}

/** What containers reach besides the store. */
export interface Services extends CommandContext {
  readonly registry: Registry<CommandContext>;
  readonly assets: AssetCache;
}

/** Provides the services to the views. */
export const ServicesContext = createContext<Services | null>(null);

/** The services of the editor this view is in. */
export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices needs a ServicesContext provider.');
  return s;
}
