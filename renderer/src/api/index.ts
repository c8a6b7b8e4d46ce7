/** The one way the renderer reaches the Node side: the preload's IPC contract in Electron, HTTP in a browser. */
import type { BookApi } from '../../../shared/api';
import { createHttpClient } from './httpClient';

let api: BookApi | null = null;

/** The contract: `window.bookApi` when the Electron preload exposed it, else the HTTP client (created once). */
export function getApi(): BookApi {
  api ??= window.bookApi ?? createHttpClient();
  return api;
}

export type { BookApi } from '../../../shared/api';
export { HttpApiError } from './httpClient';
