/** The contract as the localhost host serves it: the workspace, plus the window bits a browser page does itself. */
import type { BookApi } from '../../shared/api';
import { serveContract } from '../workspace/serveContract';
import type { Workspace } from '../workspace/workspace';

/**
 * Wraps a workspace into the full contract. `openExternal` only checks the address (the
 * arguments check refuses anything but http(s)) and does nothing on the server: the browser
 * page opens links itself. `setWindowState` does nothing: the page owns its tab title.
 */
export function hostApi(workspace: Workspace): BookApi {
  return serveContract(() => workspace, {
    openExternal: async () => undefined,
    setWindowState: async () => undefined,
  });
}
