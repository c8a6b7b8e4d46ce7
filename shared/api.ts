/**
 * The one contract between the editor (renderer) and the Node side. The preload
 * implements it over IPC, the browser client over HTTP (`POST /api/<method>` with a JSON
 * array of arguments). Every argument is checked on the Node side with `checkArgs`.
 * Paths are always site-relative with forward slashes, e.g. `_books/20210705-x.md`.
 */
import { PERSON_ID } from './fix/createPerson';
import type { NewPerson } from './fix/createPerson';

/** What identifies the version of a file that was read: saving checks it is still the one on disk. */
export interface Fingerprint {
  readonly mtimeMs: number;
  readonly size: number;
  /** SHA-256 of the bytes, hex. */
  readonly hash: string;
}

/** The open site. */
export interface SiteInfo {
  /** Absolute path of the site root, for display only. */
  readonly root: string;
  /** The folder's name. */
  readonly name: string;
  /** Whether the site may be switched from the UI (the desktop app), or is fixed (the localhost host). */
  readonly canOpenOther: boolean;
}

/** The largest file the editor reads or writes, in bytes: the hosts, the workspace and the command line share it. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** One row of the library. */
export interface BookSummary {
  /** The file name without `.md`, e.g. `20210705-engineering-mlops`. */
  readonly id: string;
  readonly path: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly errors: number;
  readonly warnings: number;
  /**
   * Set for an entry of `_books/` that is not a book the editor can open, in words: a name
   * the site cannot serve, a folder, a FIFO or other special file, a file too large. It is
   * never read; the row says why (and counts as one error).
   */
  readonly problem?: string;
}

/** A person from `_people/<id>.md`. */
export interface Person {
  /** `short`, the id books use in `authors`. */
  readonly id: string;
  /** `title`, the display name. */
  readonly name: string;
  /** Site-relative picture path, when given. */
  readonly picture: string | null;
}

/** A book file as read from disk. */
export interface BookFile {
  readonly path: string;
  readonly text: string;
  readonly fingerprint: Fingerprint;
  /**
   * Set when the bytes are not valid UTF-8: the offset of the first bad byte. The text then
   * shows bad bytes as U+FFFD; the book opens read-only and saving over it is refused, so
   * no byte of it is ever replaced.
   */
  readonly notUtf8At?: number;
}

/** The result of a save: saved, or refused because the file changed on disk since it was read. */
export type SaveResult =
  | { readonly ok: true; readonly fingerprint: Fingerprint }
  | { readonly ok: false; readonly reason: 'conflict'; readonly disk: BookFile | null };

/** What the New Book dialog asks. */
export interface NewBookRequest {
  readonly title: string;
  /** People ids or display names. */
  readonly authors: readonly string[];
  /** Any day of the book's week, `YYYY-MM-DD`; the week runs Monday to Friday. */
  readonly week: string;
}

/**
 * The result of a rename: done, with the book as it now is on disk under its new path and
 * the image folder that moved with it; or refused because the file changed on disk since
 * it was read.
 */
export type RenameResult =
  | { readonly ok: true; readonly file: BookFile; readonly images: { readonly from: string; readonly to: string } | null }
  | { readonly ok: false; readonly reason: 'conflict'; readonly disk: BookFile | null };

/** What "Create person…" asks: the id and name, optionally the social fields and a bio. */
export type NewPersonRequest = NewPerson;

/** Unsaved text kept safe while editing, offered back after a crash. */
export interface Backup {
  readonly path: string;
  readonly text: string;
  /** When the backup was written (ms since epoch). */
  readonly savedAt: number;
  /** The fingerprint of the file the unsaved text was based on. */
  readonly base: Fingerprint | null;
}

/** A file the editor may show, read through the contract (the page cannot reach the disk). */
export interface Asset {
  readonly mime: string;
  readonly base64: string;
}

/** The largest image file `writeCover` takes, in bytes (before base64); the page says so before sending a larger one. */
export const MAX_COVER_BYTES = 20 * 1024 * 1024;

/** The cover written from an image file, or a refusal to replace an existing one without asking. */
export type CoverResult =
  /** Written: `path` is `images/books/<id>/cover.jpg`; the page sets `cover` to it when `cover` is empty or different. */
  | { readonly ok: true; readonly path: string; readonly width: number; readonly height: number }
  /** Nothing written: a file is at `path`; ask, then call again with `overwrite` true. */
  | { readonly ok: false; readonly reason: 'exists'; readonly path: string };

/** What changed in a book since its preview card was made; `unrecorded`: the card holds no record of what it shows (made by another tool). */
export type PreviewImageChange = 'title' | 'authors' | 'cover' | 'unrecorded';

/** Whether a book's preview card (`image`) is there and shows the book as it is now. */
export interface PreviewImageState {
  /** The card's site-relative path: `image`, or `images/books/<id>/preview.jpg` when `image` is empty; null when `image` is refused. */
  readonly path: string | null;
  /** `image` is empty: making the card should set it to `path`. */
  readonly imageEmpty: boolean;
  /** current: made from this title, these authors and this cover; invalid: `image` is refused or the book cannot be read (see `message`). */
  readonly status: 'current' | 'missing' | 'out-of-date' | 'invalid';
  /** What changed since the card was made (out-of-date only). */
  readonly changed: readonly PreviewImageChange[];
  /** The state in words, for a tooltip or a warning. */
  readonly message: string;
}

/** A preview card made, or a refusal to replace an existing file without asking. */
export type PreviewImageResult =
  /**
   * Written at `path`; when `setImage`, the page sets `image` to `path` (it was empty). `ms`: how long
   * drawing took. `warnings`: files left out of the card (a cover or picture that could not be read), in words.
   */
  | { readonly ok: true; readonly path: string; readonly setImage: boolean; readonly ms: number; readonly warnings: readonly string[] }
  /** Nothing written: a file that is not this editor's card of this book is at `path`; ask, then call again with `overwrite` true. */
  | { readonly ok: false; readonly reason: 'exists'; readonly path: string };

/** Something that happened outside the page. */
export type SiteEvent =
  | { readonly kind: 'book-changed' | 'book-added' | 'book-removed'; readonly path: string }
  | { readonly kind: 'people-changed' }
  | { readonly kind: 'site-opened' }
  /** The site folder vanished (moved, renamed, deleted): the page says so at once; backups still work. */
  | { readonly kind: 'site-gone'; readonly message: string }
  /** A command from the native menu, e.g. `save`, `undo`, `view.raw`. */
  | { readonly kind: 'command'; readonly command: string }
  /** A book to open (from the command line or Open File…). */
  | { readonly kind: 'open-book'; readonly path: string };

/** A long poll's answer: the events after the cursor that was passed, and the cursor to pass next. */
export interface EventBatch {
  /** Pass it back to get the events after these. */
  readonly cursor: number;
  readonly events: readonly SiteEvent[];
}

/** The state the window shows in its title and checks before closing. */
export interface WindowState {
  readonly title: string;
  readonly dirty: boolean;
}

/** How a file of the site differs from the last commit (`HEAD`). */
export type GitChangeKind = 'modified' | 'added' | 'deleted' | 'untracked';

/** What a changed file is, for the Changes view and the library's marks. */
export type GitFileKind = 'book' | 'person' | 'image';

/** A file of the site that differs from `HEAD`: books (`_books/`), people (`_people/`) and images (`images/`) only. */
export interface GitFileChange {
  /** Site-relative, like every path of the contract. */
  readonly path: string;
  readonly kind: GitFileKind;
  /** `added` is new and already staged (`git add`), `untracked` is new and unknown to git. */
  readonly change: GitChangeKind;
  /** Whether git's index holds a staged change of the file; a commit takes the file as it is on disk either way. */
  readonly staged: boolean;
}

/** Why git cannot serve this site at all: the Changes view, marks and sync stay hidden with the message. */
export type GitUnavailableReason = 'no-git' | 'not-a-repository' | 'no-commits';

/** Why commit and sync are refused right now, though the changes can still be shown. */
export type GitBlockedReason = 'detached-head' | 'rebase-in-progress' | 'merge-in-progress' | 'cherry-pick-in-progress' | 'revert-in-progress';

/** Git cannot serve this site; `message` says why and what to do, in words. */
export interface GitUnavailable {
  readonly available: false;
  readonly reason: GitUnavailableReason;
  readonly message: string;
}

/** The site's git state: the branch, how it stands against its upstream, and the changed files. */
export interface GitRepoStatus {
  readonly available: true;
  /** The current branch; null when `HEAD` is detached. */
  readonly branch: string | null;
  /** The abbreviated id of the `HEAD` commit. */
  readonly head: string;
  /** The upstream branch, e.g. `origin/main`; null when the branch has none. */
  readonly upstream: string | null;
  /** Commits of the branch not on the upstream, as of the last fetch (0 without an upstream). */
  readonly ahead: number;
  /** Commits of the upstream not on the branch, as of the last fetch (0 without an upstream). */
  readonly behind: number;
  /** The changed books, people and images of the site, sorted by path. */
  readonly files: readonly GitFileChange[];
  /** Why commit and sync are refused now (detached HEAD, a rebase or merge in progress); null when they may run. */
  readonly blocked: { readonly reason: GitBlockedReason; readonly message: string } | null;
}

/** What `gitStatus` answers: the state, or why git is not available. */
export type GitStatus = GitUnavailable | GitRepoStatus;

/** A file's text at `HEAD` and on disk, for the Changes view's diff and its prefilled message. */
export interface FileAtHead {
  readonly path: string;
  /** The text at `HEAD`; null when `HEAD` has no such file (a new file). */
  readonly head: string | null;
  /** The text on disk now; null when the file was deleted. */
  readonly current: string | null;
  /** True for a file that is not text (an image): both texts are then null. */
  readonly binary: boolean;
}

/** Why a commit was refused or failed. */
export type CommitFailureReason =
  | GitUnavailableReason
  | GitBlockedReason
  /** The message is empty or only spaces. */
  | 'empty-message'
  /** A path has no change to commit (or is not a book, person or image of the site). */
  | 'not-changed'
  /** Git has no user name and e-mail: the message says how to set them. */
  | 'no-identity'
  /** A book has unsaved changes in the editor (its backup is newer than the file and differs from it). */
  | 'unsaved-changes'
  /** A book has errors that block saving: the message names file, line and column. */
  | 'invalid'
  /** A pre-commit or commit-msg hook refused: `output` holds what it printed. Nothing was committed, nothing lost. */
  | 'hook-failed'
  /** Git refused for another reason: `output` holds its message. */
  | 'failed';

/** The answer of `commit`: the new commit, or why there is none (nothing changed then, on disk or in git). */
export type CommitResult =
  | {
      readonly ok: true;
      /** The abbreviated id of the new commit. */
      readonly commit: string;
      /** The commit message's first line. */
      readonly subject: string;
      /** The site-relative paths it holds. */
      readonly paths: readonly string[];
      /** What happened, in words: "Committed 2 files as 1a2b3c4: …". */
      readonly message: string;
    }
  | {
      readonly ok: false;
      readonly reason: CommitFailureReason;
      /** What went wrong and what to do, in words. */
      readonly message: string;
      /** The paths concerned (unsaved, invalid, unchanged), when the refusal is about some paths. */
      readonly paths: readonly string[];
      /** Git's or the hook's own output, when it ran; '' otherwise. */
      readonly output: string;
    };

/** Lines of one version of a file, 1-based and inclusive. */
export interface LineSpan {
  readonly from: number;
  readonly to: number;
}

/** A file both sides changed at the same place: the lines of your commit and of the remote's version. */
export interface GitConflict {
  /** Site-relative, or repository-relative with `../` when the file lies outside the site. */
  readonly path: string;
  /** The conflicting lines in your version of the file (empty when you deleted it). */
  readonly yours: readonly LineSpan[];
  /** The conflicting lines in the remote's version (empty when the remote deleted it). */
  readonly theirs: readonly LineSpan[];
  /** The conflict in words: "your lines 12–14 and the remote's lines 12–15 change the same part". */
  readonly message: string;
}

/** A book the remote's commits changed; the editor reloads it when it is open and clean (a `book-changed` event says so too). */
export interface IncomingBook {
  readonly path: string;
  /** The book's title now, or its file name when it has none (or was deleted). */
  readonly title: string;
  readonly change: 'added' | 'modified' | 'deleted';
}

/** Why a sync stopped. Everything it had not done is as it was; a conflict leaves your commits and files exactly as they were. */
export type SyncFailureReason =
  | GitUnavailableReason
  | GitBlockedReason
  /** The branch has no upstream: the message says how to set one. */
  | 'no-upstream'
  /** Your commits and the remote's change the same lines: the rebase was aborted, `conflicts` names files and lines. */
  | 'conflict'
  /** Uncommitted changes of yours touch files the remote changed too: commit them (or undo them) first. */
  | 'local-changes'
  /** Rebasing needs your git identity (as committer). */
  | 'no-identity'
  /** The remote refused your credentials: `output` is git's message, `hint` what to check. */
  | 'auth-failed'
  /** The remote could not be reached (no network, wrong address, server down). */
  | 'unreachable'
  /** The remote did not answer in time; git was stopped and nothing changed (or, during the push, sync again to see whether it arrived). */
  | 'timeout'
  /** The remote refused the push (someone pushed meanwhile, a protected branch): sync again, or see `output`. */
  | 'push-rejected'
  /** Git failed for another reason: see `output`. */
  | 'failed';

/** What a sync did, as far as it went. */
export interface SyncReport {
  /** What happened, in words the UI shows as is: "Brought in 2 commits (Engineering MLOps). Pushed 1 commit to origin/main." */
  readonly message: string;
  /** How many of your commits were pushed. */
  readonly pushed: number;
  /** How many of the remote's commits were brought in. */
  readonly broughtIn: number;
  /** The books those commits changed. */
  readonly changedBooks: readonly IncomingBook[];
}

/** The answer of `sync`. */
export type SyncResult =
  | (SyncReport & { readonly ok: true })
  | (SyncReport & {
      readonly ok: false;
      readonly reason: SyncFailureReason;
      /** Git's own output, when it ran; '' otherwise. */
      readonly output: string;
      /** What to check or do next; '' when the message says it all. */
      readonly hint: string;
      /** For `conflict`: each file and its lines. */
      readonly conflicts: readonly GitConflict[];
    });

/** Everything the editor page asks of the Node side; served over IPC (Electron) and HTTP (localhost host). */
export interface BookApi {
  /** The open site, or null when none is open. */
  site(): Promise<SiteInfo | null>;
  /** Every book of the site, newest first. */
  listBooks(): Promise<BookSummary[]>;
  /** Every person of the site, by id. */
  people(): Promise<Person[]>;
  /** Reads a book with the fingerprint to save against. */
  readBook(path: string): Promise<BookFile>;
  /** Saves atomically unless the file changed since `base` was read (null: the file must not exist). */
  saveBook(path: string, text: string, base: Fingerprint | null): Promise<SaveResult>;
  /** Creates a book from the site's conventions; never overwrites. */
  newBook(request: NewBookRequest): Promise<BookFile>;
  /**
   * Renames a book: the file, its `images/books/<id>/` folder, and `cover` and `image` in
   * the file on disk (through the lossless core: only those lines change). Refused when
   * `to` or its image folder exists, or with a conflict when the file is no longer the
   * version `base` names. Unsaved text is not written: the page applies
   * `renameBookEdits(doc, fromId, toId)` to its own copy (one undo step with the rename),
   * takes `result.file` as the saved version and goes on under `to`. Undo while the book is
   * open: `renameBook(to, from, <fingerprint of the file as last read or saved>)` and the
   * reverse edits `renameBookEdits(doc, toId, fromId)` give back the same bytes and folder
   * (redo: the same calls again).
   */
  renameBook(from: string, to: string, base: Fingerprint): Promise<RenameResult>;
  /** Creates `_people/<id>.md` in the site's form; never overwrites. */
  createPerson(person: NewPersonRequest): Promise<Person>;
  /** Which of these site-relative files exist. */
  filesExist(paths: string[]): Promise<boolean[]>;
  /** Reads an image of the site (covers, pictures). */
  readAsset(path: string): Promise<Asset>;
  /** Keeps unsaved text safe; call about a second after each change. */
  writeBackup(path: string, text: string, base: Fingerprint | null): Promise<void>;
  /** Backups left from a session that did not save. */
  listBackups(): Promise<Backup[]>;
  /** Forgets the backup of a book (after save, or when the user discards it). */
  discardBackup(path: string): Promise<void>;
  /**
   * Fits a JPEG, PNG or WebP (base64, at most MAX_COVER_BYTES bytes) into 400 px and writes it as
   * `images/books/<id>/cover.jpg` of the book at `bookPath`. Anything else (SVG included) is refused
   * with a message; an existing file is replaced only when `overwrite` is true.
   */
  writeCover(bookPath: string, base64: string, overwrite: boolean): Promise<CoverResult>;
  /**
   * Draws the book's 940×550 preview card (JPEG) at `image`'s path (the default when empty), from
   * `text`, the book as the page holds it (unsaved edits are drawn), or from the file on disk when
   * null. Replaces a file without asking only when it is this editor's card of the same book, or `overwrite`.
   */
  makePreviewImage(bookPath: string, text: string | null, overwrite: boolean): Promise<PreviewImageResult>;
  /** Whether the preview card of the book (`text` as the page holds it, or the file on disk when null) is there and up to date. */
  previewImageState(bookPath: string, text: string | null): Promise<PreviewImageState>;
  /** Waits (up to about 25 s) for events after `cursor`; cursor 0 returns at once with the current cursor. */
  nextEvents(cursor: number): Promise<EventBatch>;
  /** Opens an http(s) address in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Tells the window its title and whether there is unsaved work. */
  setWindowState(state: WindowState): Promise<void>;
  /** The site's git state (branch, upstream, ahead/behind, changed files), or why git is not available. */
  gitStatus(): Promise<GitStatus>;
  /** A changed file's text at `HEAD` and on disk, for the diff and the prefilled message. */
  readAtHead(path: string): Promise<FileAtHead>;
  /** Commits exactly these site-relative paths, as they are on disk, with the user's git identity; nothing else of the index. */
  commit(paths: string[], message: string): Promise<CommitResult>;
  /** Fetches; rebases your commits onto the remote's when it moved on; pushes. Never forces, never resets. */
  sync(): Promise<SyncResult>;
}

/** The name of a contract method. */
export type ApiMethod = keyof BookApi;

/** IPC channel of a method: one prefix, then the method name. */
export const channelOf = (method: ApiMethod): string => `book-api:${method}`;

/** A refusal of bad arguments, with a message that names the argument. */
export class ApiArgumentError extends Error {
  override name = 'ApiArgumentError';
}

type Check = (value: unknown, name: string) => void;

const fail = (name: string, what: string, value: unknown): never => {
  throw new ApiArgumentError(`${name} must be ${what}, got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}.`);
};

const MAX_TEXT = MAX_FILE_BYTES;

const isString = (max = 4096): Check => (v, name) => {
  if (typeof v !== 'string') fail(name, 'a string', v);
  if ((v as string).length > max) fail(name, `at most ${max} characters`, 'long text');
};

/** A site-relative path: forward slashes, no `..`, no absolute or drive paths, no NUL. */
const sitePath: Check = (v, name) => {
  isString(1024)(v, name);
  const p = v as string;
  if (!p || p.includes('\0') || p.includes('\\') || p.startsWith('/') || /^[a-zA-Z]:/.test(p) || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    fail(name, 'a site-relative path without .. or leading /', v);
  }
};

/** A path handed to git: a site path that cannot be read as an option (no leading `-`). */
const gitPath: Check = (v, name) => {
  sitePath(v, name);
  if ((v as string).startsWith('-')) fail(name, 'a path that does not start with -', v);
};

const MAX_MESSAGE = 64 * 1024;

/** A book path: `_books/<name>.md`. */
const bookPath: Check = (v, name) => {
  sitePath(v, name);
  if (!/^_books\/[^/]+\.md$/.test(v as string)) fail(name, 'a book path _books/<name>.md', v);
};

const fingerprint: Check = (v, name) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(name, 'a fingerprint {mtimeMs, size, hash}', v);
  const f = v as Record<string, unknown>;
  if (typeof f.mtimeMs !== 'number' || typeof f.size !== 'number' || typeof f.hash !== 'string' || !/^[0-9a-f]{64}$/.test(f.hash)) fail(name, 'a fingerprint {mtimeMs, size, hash}', v);
};

const fingerprintOrNull: Check = (v, name) => {
  if (v === null) return;
  fingerprint(v, name);
};

const cursor: Check = (v, name) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(name, 'a non-negative integer', v);
};

const stringList = (maxItems: number, item: Check): Check => (v, name) => {
  if (!Array.isArray(v)) fail(name, 'a list', v);
  if ((v as unknown[]).length > maxItems) fail(name, `at most ${maxItems} items`, v);
  (v as unknown[]).forEach((x, i) => item(x, `${name}[${i}]`));
};

const nonEmpty = (list: Check): Check => (v, name) => {
  list(v, name);
  if ((v as unknown[]).length === 0) fail(name, 'a list of at least one path', v);
};

const newBookRequest: Check = (v, name) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(name, 'an object {title, authors, week}', v);
  const r = v as Record<string, unknown>;
  isString(300)(r.title, `${name}.title`);
  if (!(r.title as string).trim()) fail(`${name}.title`, 'a non-empty title', r.title);
  stringList(50, isString(200))(r.authors, `${name}.authors`);
  isString(10)(r.week, `${name}.week`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.week as string)) fail(`${name}.week`, 'a date YYYY-MM-DD', r.week);
};

const textOrNull: Check = (v, name) => {
  if (v !== null) isString(MAX_TEXT)(v, name);
};

const flag: Check = (v, name) => {
  if (typeof v !== 'boolean') fail(name, 'true or false', v);
};

/** The largest base64 text of MAX_COVER_BYTES bytes. */
const MAX_COVER_BASE64 = Math.ceil(MAX_COVER_BYTES / 3) * 4;

const base64Image: Check = (v, name) => {
  if (typeof v !== 'string') fail(name, 'an image as base64 text', v);
  const s = v as string;
  if (s.length > MAX_COVER_BASE64) fail(name, `an image of at most ${MAX_COVER_BYTES / 1024 / 1024} MB`, `${Math.round((s.length * 3) / 4 / 1024 / 1024)} MB of image`);
  if (!s || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) fail(name, 'an image as base64 text', 'text that is not base64');
};

/** One line of text without control characters. */
const line = (max: number): Check => (v, name) => {
  isString(max)(v, name);
  if ([...(v as string)].some((c) => c < ' ' || c === '\u007f' || c === '\u2028' || c === '\u2029')) fail(name, 'one line of text without control characters', v);
};

const personRequest: Check = (v, name) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(name, 'an object {id, name, …}', v);
  const r = v as Record<string, unknown>;
  const known = ['id', 'name', 'github', 'twitter', 'linkedin', 'web', 'bio'];
  for (const k of Object.keys(r)) if (!known.includes(k)) fail(`${name}.${k}`, `one of ${known.join(', ')}`, k);
  isString(100)(r.id, `${name}.id`);
  if (!PERSON_ID.test(r.id as string)) fail(`${name}.id`, 'a people id: lowercase letters, digits, - and _', r.id);
  line(200)(r.name, `${name}.name`);
  if (!(r.name as string).trim()) fail(`${name}.name`, 'a non-empty name', r.name);
  for (const k of ['github', 'twitter', 'linkedin', 'web']) if (r[k] !== undefined) line(300)(r[k], `${name}.${k}`);
  if (r.bio !== undefined) isString(20_000)(r.bio, `${name}.bio`);
};

const url: Check = (v, name) => {
  isString(4096)(v, name);
  if (!/^https?:\/\/[^\s]+$/i.test(v as string)) fail(name, 'an http(s) address', v);
};

const windowState: Check = (v, name) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(name, 'an object {title, dirty}', v);
  const s = v as Record<string, unknown>;
  isString(500)(s.title, `${name}.title`);
  if (typeof s.dirty !== 'boolean') fail(`${name}.dirty`, 'a boolean', s.dirty);
};

/** The argument checks of every method, in order. */
export const API_ARGS: { readonly [M in ApiMethod]: readonly (readonly [string, Check])[] } = {
  site: [],
  listBooks: [],
  people: [],
  readBook: [['path', sitePath]],
  saveBook: [['path', sitePath], ['text', isString(MAX_TEXT)], ['base', fingerprintOrNull]],
  newBook: [['request', newBookRequest]],
  renameBook: [['from', bookPath], ['to', bookPath], ['base', fingerprint]],
  createPerson: [['person', personRequest]],
  filesExist: [['paths', stringList(1000, sitePath)]],
  readAsset: [['path', sitePath]],
  writeBackup: [['path', sitePath], ['text', isString(MAX_TEXT)], ['base', fingerprintOrNull]],
  listBackups: [],
  discardBackup: [['path', sitePath]],
  writeCover: [['bookPath', sitePath], ['base64', base64Image], ['overwrite', flag]],
  makePreviewImage: [['bookPath', sitePath], ['text', textOrNull], ['overwrite', flag]],
  previewImageState: [['bookPath', sitePath], ['text', textOrNull]],
  nextEvents: [['cursor', cursor]],
  openExternal: [['url', url]],
  setWindowState: [['state', windowState]],
  gitStatus: [],
  readAtHead: [['path', gitPath]],
  commit: [['paths', nonEmpty(stringList(1000, gitPath))], ['message', isString(MAX_MESSAGE)]],
  sync: [],
};

/** Every method of the contract. */
export const API_METHODS = Object.keys(API_ARGS) as ApiMethod[];

/** Methods about the window the page lives in: each host supplies them itself; every other method is the workspace's. */
export const WINDOW_METHODS = ['openExternal', 'setWindowState'] as const satisfies readonly ApiMethod[];

/** A method the hosts supply themselves. */
export type WindowMethod = (typeof WINDOW_METHODS)[number];

/** The part of the contract one open site serves (everything but the window methods). */
export type SiteApi = Omit<BookApi, WindowMethod>;

/** The name of a method one open site serves. */
export type SiteMethod = keyof SiteApi;

/** Every method one open site serves, in the contract's order. */
export const SITE_METHODS = API_METHODS.filter((m): m is SiteMethod => !(WINDOW_METHODS as readonly string[]).includes(m));

/** The contract over one transport: every method of the list becomes `call(method, args)`; `own` supplies the window methods (and may replace any other). */
export function contractOver(call: (method: ApiMethod, args: unknown[]) => Promise<unknown>, own: Pick<BookApi, WindowMethod> & Partial<BookApi>): BookApi {
  const api: Partial<Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of API_METHODS) api[method] = (...args: unknown[]) => call(method, args);
  return { ...(api as BookApi), ...own };
}

/** Checks a call's arguments; throws ApiArgumentError naming the first bad one. */
export function checkArgs(method: string, args: unknown): asserts method is ApiMethod {
  if (!Object.prototype.hasOwnProperty.call(API_ARGS, method)) throw new ApiArgumentError(`Unknown method ${JSON.stringify(method)}.`);
  const spec = API_ARGS[method as ApiMethod];
  if (!Array.isArray(args)) throw new ApiArgumentError(`Arguments of ${method} must be a list.`);
  if (args.length !== spec.length) throw new ApiArgumentError(`${method} takes ${spec.length} argument${spec.length === 1 ? '' : 's'}, got ${args.length}.`);
  spec.forEach(([name, check], i) => check(args[i], `${method}: ${name}`));
}
