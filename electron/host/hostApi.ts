/** The contract as the localhost host serves it: the workspace, plus the window bits a browser page does itself. */
import type { BookApi } from '../../shared/api';
import type { Workspace } from '../workspace/workspace';

/**
 * Wraps a workspace into the full contract. `openExternal` only checks the address (the
 * arguments check refuses anything but http(s)) and does nothing on the server: the browser
 * page opens links itself. `setWindowState` does nothing: the page owns its tab title.
 */
export function hostApi(workspace: Workspace): BookApi {
  return {
    site: () => workspace.site(),
    listBooks: () => workspace.listBooks(),
    people: () => workspace.people(),
    readBook: (p) => workspace.readBook(p),
    saveBook: (p, text, base) => workspace.saveBook(p, text, base),
    newBook: (request) => workspace.newBook(request),
    renameBook: (from, to, base) => workspace.renameBook(from, to, base),
    createPerson: (person) => workspace.createPerson(person),
    filesExist: (paths) => workspace.filesExist(paths),
    readAsset: (p) => workspace.readAsset(p),
    writeBackup: (p, text, base) => workspace.writeBackup(p, text, base),
    listBackups: () => workspace.listBackups(),
    discardBackup: (p) => workspace.discardBackup(p),
    writeCover: (p, base64, overwrite) => workspace.writeCover(p, base64, overwrite),
    makePreviewImage: (p, text, overwrite) => workspace.makePreviewImage(p, text, overwrite),
    previewImageState: (p, text) => workspace.previewImageState(p, text),
    nextEvents: (cursor) => workspace.nextEvents(cursor),
    openExternal: async () => undefined,
    setWindowState: async () => undefined,
    gitStatus: () => workspace.gitStatus(),
    readAtHead: (p) => workspace.readAtHead(p),
    commit: (paths, message) => workspace.commit(paths, message),
    sync: () => workspace.sync(),
  };
}
