/**
 * The desktop app's side of the contract: the open site (it may change, or be none), one
 * event queue that outlives site switches, and the window bits the main process supplies.
 */
import type { BookApi, WindowState } from '../../shared/api';
import { backupDirFor } from '../workspace/backups';
import { WorkspaceError } from '../workspace/errors';
import { EventQueue } from '../workspace/eventQueue';
import { locateSite } from '../workspace/siteRoot';
import { serveContract } from '../workspace/serveContract';
import { Workspace } from '../workspace/workspace';

/** What the main process does for the page. */
export interface WindowHooks {
  /** Opens an http(s) address in the system browser. */
  openExternal(url: string): Promise<void>;
  /** Shows the title and the unsaved mark. */
  setWindowState(state: WindowState): void;
}

/** The open site of the desktop app and the contract it serves. */
export class AppSession {
  /** Site events and menu commands, in one queue the page polls. */
  readonly events = new EventQueue();
  private current: Workspace | null = null;
  private state: WindowState = { title: '', dirty: false };
  private stateListeners: ((s: WindowState) => void)[] = [];

  /** `backupBase` holds one backup folder per site (the app's data folder). */
  constructor(private readonly backupBase: string, private readonly hooks: WindowHooks) {}

  /** The open site's workspace, or null. */
  get workspace(): Workspace | null {
    return this.current;
  }

  /** What the page last said about the window. */
  get windowState(): WindowState {
    return this.state;
  }

  /** Opens a folder or book file: switches site if needed, tells the page. Returns the site root. */
  async open(target: string): Promise<string> {
    const { root, book } = await locateSite(target);
    if (!this.current || this.current.root !== root) {
      const next = new Workspace(root, { events: this.events, canOpenOther: true, backupDir: backupDirFor(this.backupBase, root) });
      this.current?.close();
      this.current = next;
      await next.startWatching();
      this.events.pushWhenListening({ kind: 'site-opened' });
    }
    if (book) this.events.pushWhenListening({ kind: 'open-book', path: book });
    return root;
  }

  /** Sends a menu command to the page. */
  command(command: string): void {
    this.events.push({ kind: 'command', command });
  }

  /** Resolves when the page reports a state that passes `test`, or with false after `timeoutMs`. */
  waitForState(test: (s: WindowState) => boolean, timeoutMs: number): Promise<boolean> {
    if (test(this.state)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const listener = (s: WindowState) => {
        if (!test(s)) return;
        done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.stateListeners = this.stateListeners.filter((l) => l !== listener);
        resolve(ok);
      };
      this.stateListeners.push(listener);
    });
  }

  /** Stops watching and ends waiting polls. */
  close(): void {
    this.current?.close();
    this.current = null;
    this.events.close();
  }

  /** The contract, served to the page over IPC. */
  api(): BookApi {
    const ws = (): Workspace => {
      if (!this.current) throw new WorkspaceError('no-site', 'No site is open: open a folder with File › Open Folder….');
      return this.current;
    };
    return serveContract(ws, {
      site: async () => (this.current ? this.current.site() : null),
      nextEvents: (cursor) => (this.current ? this.current.nextEvents(cursor) : this.events.next(cursor)),
      openExternal: (url) => this.hooks.openExternal(url),
      setWindowState: async (state) => {
        this.state = { title: state.title, dirty: state.dirty };
        this.hooks.setWindowState(this.state);
        for (const l of [...this.stateListeners]) l(this.state);
      },
    });
  }
}
