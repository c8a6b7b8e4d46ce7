/** The whole contract served from a workspace: every site method forwarded to it, the window methods from the host. */
import { contractOver } from '../../shared/api';
import type { BookApi, SiteApi, SiteMethod, WindowMethod } from '../../shared/api';

/**
 * Forwards every site method of the contract to `workspace()`, asked on each call (so the
 * desktop app can switch or close its site), and takes the window methods, and any method
 * a host answers differently, from `own`. A method added to `shared/api.ts` needs no line here.
 */
export function serveContract(workspace: () => SiteApi, own: Pick<BookApi, WindowMethod> & Partial<BookApi>): BookApi {
  return contractOver(async (method, args) => {
    const target = workspace();
    return (target[method as SiteMethod] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
  }, own);
}
