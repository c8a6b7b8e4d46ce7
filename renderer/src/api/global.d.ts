import type { BookApi } from '../../../shared/api';

declare global {
  interface Window {
    /** The contract over IPC, exposed by the Electron preload; absent in a plain browser. */
    bookApi?: BookApi;
  }
}

export {};
