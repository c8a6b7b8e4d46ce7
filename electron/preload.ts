/**
 * The preload: the contract's methods over IPC, exposed to the page as `window.bookApi`.
 * It exposes methods, never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf } from '../shared/api';
import type { ApiMethod, BookApi } from '../shared/api';
import type { IpcAnswer } from './app/ipc';

async function call(method: ApiMethod, ...args: unknown[]): Promise<never> {
  const answer = (await ipcRenderer.invoke(channelOf(method), ...args)) as IpcAnswer;
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as never;
}

const api = {
  site: () => call('site'),
  listBooks: () => call('listBooks'),
  people: () => call('people'),
  readBook: (path) => call('readBook', path),
  saveBook: (path, text, base) => call('saveBook', path, text, base),
  newBook: (request) => call('newBook', request),
  renameBook: (from, to, base) => call('renameBook', from, to, base),
  createPerson: (person) => call('createPerson', person),
  filesExist: (paths) => call('filesExist', paths),
  readAsset: (path) => call('readAsset', path),
  writeBackup: (path, text, base) => call('writeBackup', path, text, base),
  listBackups: () => call('listBackups'),
  discardBackup: (path) => call('discardBackup', path),
  writeCover: (path, base64, overwrite) => call('writeCover', path, base64, overwrite),
  makePreviewImage: (path, text, overwrite) => call('makePreviewImage', path, text, overwrite),
  previewImageState: (path, text) => call('previewImageState', path, text),
  nextEvents: (cursor) => call('nextEvents', cursor),
  openExternal: (url) => call('openExternal', url),
  setWindowState: (state) => call('setWindowState', state),
  gitStatus: () => call('gitStatus'),
  readAtHead: (path) => call('readAtHead', path),
  commit: (paths, message) => call('commit', paths, message),
  sync: () => call('sync'),
} satisfies BookApi;

contextBridge.exposeInMainWorld('bookApi', api);
