/**
 * The one contract between the editor (renderer) and the Node side. The preload
 * implements it over IPC, the browser client over HTTP (`POST /api/<method>` with a JSON
 * array of arguments). Every argument is checked on the Node side with `checkArgs`.
 * Paths are always site-relative with forward slashes, e.g. `_books/20210705-x.md`.
 */

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
  /** Waits (up to about 25 s) for events after `cursor`; cursor 0 returns at once with the current cursor. */
  nextEvents(cursor: number): Promise<EventBatch>;
  /** Opens an http(s) address in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Tells the window its title and whether there is unsaved work. */
  setWindowState(state: WindowState): Promise<void>;
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

const fingerprintOrNull: Check = (v, name) => {
  if (v === null) return;
  if (typeof v !== 'object' || Array.isArray(v)) fail(name, 'a fingerprint or null', v);
  const f = v as Record<string, unknown>;
  if (typeof f.mtimeMs !== 'number' || typeof f.size !== 'number' || typeof f.hash !== 'string' || !/^[0-9a-f]{64}$/.test(f.hash)) fail(name, 'a fingerprint {mtimeMs, size, hash}', v);
};

const cursor: Check = (v, name) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(name, 'a non-negative integer', v);
};

const stringList = (maxItems: number, item: Check): Check => (v, name) => {
  if (!Array.isArray(v)) fail(name, 'a list', v);
  if ((v as unknown[]).length > maxItems) fail(name, `at most ${maxItems} items`, v);
  (v as unknown[]).forEach((x, i) => item(x, `${name}[${i}]`));
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
  filesExist: [['paths', stringList(1000, sitePath)]],
  readAsset: [['path', sitePath]],
  writeBackup: [['path', sitePath], ['text', isString(MAX_TEXT)], ['base', fingerprintOrNull]],
  listBackups: [],
  discardBackup: [['path', sitePath]],
  nextEvents: [['cursor', cursor]],
  openExternal: [['url', url]],
  setWindowState: [['state', windowState]],
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
