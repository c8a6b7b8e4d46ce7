/**
 * IPC: every method of the contract registered in one loop, each call checked (sender is
 * the editor page, arguments as the contract says) before the service runs it. Answers are
 * envelopes, so the page gets the service's message and never a stack.
 */
import { API_METHODS, channelOf, checkArgs } from '../../shared/api';
import type { BookApi } from '../../shared/api';
import { errorAnswer } from '../host/apiCall';
import { isAppUrl } from './windowOptions';

/** What an IPC answer carries: the value, or the error message. */
export type IpcAnswer = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** The part of an invoke event the checks read. */
export interface IpcEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/** The part of Electron's ipcMain that registration uses (a fake in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<IpcAnswer>): void;
}

/** Whether an invoke came from the editor page (app://), not from some other frame. */
export function isTrustedSender(event: IpcEventLike): boolean {
  try {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && isAppUrl(url);
  } catch {
    return false; // a frame destroyed mid-call throws on access
  }
}

/** Registers a handler per contract method on `ipcMain`, calling `api()` (the current service) after the checks. */
export function registerIpc(ipcMain: IpcMainLike, api: () => BookApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, ...args) => {
      if (!isTrustedSender(event)) return { ok: false, error: 'Refused: the call did not come from the editor page.' };
      try {
        checkArgs(method, args);
        const target = api();
        const value = await (target[method] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        return { ok: true, value };
      } catch (e) {
        return { ok: false, error: String((errorAnswer(e).body as { error: string }).error) };
      }
    });
  }
}
