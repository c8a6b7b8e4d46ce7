/** The workspace service: everything the hosts need, nothing from Electron. */
export { Workspace } from './workspace';
export type { CheckedFile, WorkspaceApi, WorkspaceOptions } from './workspace';
export { WorkspaceError } from './errors';
export type { WorkspaceErrorKind } from './errors';
export { EventQueue } from './eventQueue';
export { locateSite } from './siteRoot';
export type { SiteLocation } from './siteRoot';
export { backupDirFor, defaultBackupDir, ensurePrivateDir, userBackupBase } from './backups';
export { newBookDraft, mondayOf, slugify, joinNames } from './newBookText';
export { checkRelative, checkBookPath, confine } from './sitePath';
export type { GitOptions } from './git/runGit';
