/**
 * The contract over HTTP, for the editor page served by the localhost host: `POST
 * /api/<method>` with a JSON list of arguments and the session token in `x-book-token`.
 * The token arrives once in the address (`?token=`); it is then removed from the address
 * bar and history and kept in sessionStorage (so a reload of the tab still works).
 */
import { contractOver } from '../../../shared/api';
import type { ApiMethod, BookApi, WindowState } from '../../../shared/api';

const TOKEN_KEY = 'book-editor-token';

/** Takes the token from `?token=` (then removes it from the address), else from sessionStorage. */
export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // storage may be disabled: the token then lives in memory only
    }
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** What a call says when no answer came at all (status 0). */
export const UNREACHABLE = "The editor's host is not reachable: it was stopped, or the connection to it was lost. Start it again (npm run serve), then reload this page; your unsaved changes stay in this tab meanwhile.";

/** A refusal or failure reported by the host, with its HTTP status (0: the host did not answer). */
export class HttpApiError extends Error {
  override name = 'HttpApiError';
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** Builds the HTTP client; `token` defaults to the page's token, `origin` to the page's origin. */
export function createHttpClient(token: string = takeToken(), origin: string = window.location.origin): BookApi {
  async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-book-token': token },
        body: JSON.stringify(args),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      // fetch says "Failed to fetch" (or "NetworkError…", by browser): say what it means.
      throw new HttpApiError(UNREACHABLE, 0);
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const message = typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : `The editor host answered ${res.status}.`;
      throw new HttpApiError(message, res.status);
    }
    return body;
  }

  let leaveGuard: ((e: BeforeUnloadEvent) => void) | null = null;

  return contractOver(call, {
    // The host opens nothing: the page opens the link itself, synchronously, so the click still counts as the user's.
    openExternal: async (url) => {
      if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new HttpApiError('Only http(s) addresses can be opened.', 400);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    // The tab is the window: its title, and the browser's leave-page prompt while there is unsaved work.
    setWindowState: async (state: WindowState) => {
      // The title may already carry the dirty dot (windowTitleOf adds it): the dot follows `dirty` alone, once.
      const name = state.title.trim().replace(/^(?:●\s*)+/, '').replace(/\s*[—–-]\s*Book Editor$/, '').replace(/^Book Editor$/, '');
      document.title = `${state.dirty ? '● ' : ''}${name ? `${name} — ` : ''}Book Editor`;
      if (state.dirty && !leaveGuard) {
        leaveGuard = (e) => e.preventDefault();
        window.addEventListener('beforeunload', leaveGuard);
      } else if (!state.dirty && leaveGuard) {
        window.removeEventListener('beforeunload', leaveGuard);
        leaveGuard = null;
      }
    },
  });
}
