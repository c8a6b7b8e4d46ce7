/** What the window shows besides the book: dialogs, panels, banners, notices. */
import type { Backup, BookFile } from '../../../shared/api';

export type Dialog =
  | { readonly kind: 'moveReply'; readonly thread: number; readonly reply: number }
  | { readonly kind: 'moveThread'; readonly thread: number }
  | { readonly kind: 'demote'; readonly thread: number }
  | { readonly kind: 'merge'; readonly thread: number }
  | { readonly kind: 'confirmSwitch'; readonly path: string }
  | { readonly kind: 'newBook' }
  | { readonly kind: 'conflict'; readonly disk: BookFile | null }
  | { readonly kind: 'compare'; readonly disk: BookFile | null }
  | { readonly kind: 'recover'; readonly backups: readonly Backup[] }
  | { readonly kind: 'review' }
  | { readonly kind: 'createPerson'; readonly id: string }
  | { readonly kind: 'reschedule' }
  | { readonly kind: 'importSlack' }
  | { readonly kind: 'changes' }
  | { readonly kind: 'keepBoth'; readonly disk: BookFile };

export interface Notice {
  readonly kind: 'error' | 'info' | 'success';
  readonly text: string;
  readonly id: number;
  /** A button on the notice that runs a command of the table (the Undo of a delete). */
  readonly action?: { readonly label: string; readonly command: 'undo' };
}

/** Where focus goes after a command: `controls` (values of `data-control`, such as `links.2:up`) tried in order, then the element with `data-path` `path`, then `fallbacks` (paths). */
export interface FocusRequest {
  readonly path: string;
  readonly nonce: number;
  readonly soft?: boolean;
  readonly controls?: readonly string[];
  readonly fallbacks?: readonly string[];
}

export type Theme = 'system' | 'light' | 'dark';

export interface UiState {
  readonly view: 'form' | 'raw';
  /** The view last asked for; a book the forms cannot show opens in Raw, and the next one in this view again. */
  readonly chosenView: 'form' | 'raw';
  readonly preview: boolean;
  readonly problemsOpen: boolean;
  readonly threadFilter: string;
  readonly bookFilter: string;
  /** Threads are expanded unless toggled; big books start collapsed. */
  readonly expandedByDefault: boolean;
  readonly toggled: ReadonlySet<number>;
  /** A field to focus (a path like `archive.3.text`), with a nonce so the same path can be asked twice; `soft` only scrolls it into view. */
  readonly focus: FocusRequest | null;
  /** Where the user is: the field focused in the form or the value at the raw cursor (a dotted path); views and the preview follow it. */
  readonly place: string | null;
  /** A range of the text for the raw view to select and reveal; `focus` also moves the keyboard there. */
  readonly rawReveal: { readonly from: number; readonly to: number; readonly focus: boolean; readonly nonce: number } | null;
  readonly notice: Notice | null;
  /** What the screen reader is told (a move, a removal): the one shared live region reads it. */
  readonly announcement: { readonly text: string; readonly id: number } | null;
  readonly dialog: Dialog | null;
  /** The open book changed on disk while it had unsaved changes. */
  readonly externalChange: boolean;
  /** Why the open book can be read but not changed (its bytes are not UTF-8), or null. */
  readonly readOnly: string | null;
  readonly busy: boolean;
  readonly theme: Theme;
  /** The page talks to a host over HTTP (a browser tab), so the status bar shows the connection. */
  readonly remote: boolean;
  /** Why the host cannot be reached (its long poll failed), or null while it answers. */
  readonly hostGone: string | null;
  /** The open book's file was removed from disk (Save writes it again). */
  readonly removedOnDisk: boolean;
}

export const INITIAL_UI: UiState = {
  view: 'form',
  chosenView: 'form',
  preview: true,
  problemsOpen: false,
  threadFilter: '',
  bookFilter: '',
  expandedByDefault: true,
  toggled: new Set(),
  focus: null,
  place: null,
  rawReveal: null,
  notice: null,
  announcement: null,
  dialog: null,
  externalChange: false,
  readOnly: null,
  busy: false,
  theme: 'system',
  remote: false,
  hostGone: null,
  removedOnDisk: false,
};

/** Books with more threads than this start collapsed and render only what is on screen. */
export const BIG_BOOK_THREADS = 150;

export const isExpanded = (ui: Pick<UiState, 'expandedByDefault' | 'toggled'>, thread: number): boolean => ui.expandedByDefault !== ui.toggled.has(thread);

/** The toggled threads with thread `t` flipped between expanded and collapsed. */
export function toggledWith(ui: Pick<UiState, 'toggled'>, t: number): ReadonlySet<number> {
  const next = new Set(ui.toggled);
  if (!next.delete(t)) next.add(t);
  return next;
}

/** The toggled threads with thread `t` expanded. */
export const expandedWith = (ui: Pick<UiState, 'expandedByDefault' | 'toggled'>, t: number): ReadonlySet<number> => (isExpanded(ui, t) ? ui.toggled : toggledWith(ui, t));
