/**
 * The book checker in a worker thread: the hosts parse and validate the site's books
 * there, so their event loop keeps answering while a huge or hostile book is read; short
 * texts are parsed here, in slices of a few milliseconds. One worker serves every
 * workspace of the process; where no worker can start, the work runs in this thread instead.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteContext } from '../../shared/index';
import { keepPeople, localChecker, withPeople } from './bookChecker';
import type { BookChecker, PeopleLists, SiteWithoutPeople } from './bookChecker';

/** A request to the worker. */
export type CheckRequest =
  | { readonly op: 'open'; readonly id: number; readonly text: string }
  | { readonly op: 'check'; readonly id: number; readonly site: SiteWithoutPeople; readonly withDiagnostics: boolean }
  /** The site's people, sent once per list: a check then names them by `key` instead of carrying 400 names each time. */
  | { readonly op: 'people'; readonly key: number; readonly people: PeopleLists }
  | { readonly op: 'forget'; readonly id: number }
  | { readonly op: 'person'; readonly fileName: string; readonly text: string };

/**
 * Texts up to this long are parsed here, between two awaits: even read the slowest way (the
 * yaml package) one takes a few milliseconds, less than a trip to the worker and back.
 * Real people files are 3 KB, most books 10 to 35 KB; anything longer goes to the worker.
 */
const INLINE_MAX = 16 * 1024;

type Answer = { readonly seq: number; readonly ok: true; readonly value: unknown } | { readonly seq: number; readonly ok: false; readonly error: string };

/** Starts the worker: the built `checkWorker.cjs` beside this bundle, or, running from the TypeScript sources (tests), `checkWorker.ts` through tsx. */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const source = pathToFileURL(path.join(path.dirname(here), 'checkWorker.ts')).href;
    return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`, { eval: true });
  }
  // Inside a packaged app the worker is unpacked next to the archive: a worker cannot start from inside it.
  return new Worker(path.join(path.dirname(here).replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'), 'checkWorker.cjs'));
}

class WorkerChecker implements BookChecker {
  constructor(private readonly start: () => Worker = startWorker) {}

  private worker: Worker | null = null;
  private failed = false;
  private readonly local = localChecker();
  /** Books opened by the local checker after the worker failed. */
  private readonly localIds = new Set<number>();
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; readonly request: CheckRequest }>();
  private seq = 0;
  /** The lists of people sent to the worker, by key, and the key of each list object. */
  private readonly lists = new Map<number, PeopleLists>();
  private peopleKeys = new WeakMap<object, number>();
  private lastKey = 0;

  private ensure(): Worker | null {
    if (this.failed) return null;
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = this.start();
    } catch {
      this.failed = true;
      return null;
    }
    let online = false;
    worker.on('message', (a: Answer | { readonly ready: true }) => {
      if ('ready' in a) {
        online = true;
        return;
      }
      const p = this.pending.get(a.seq);
      this.pending.delete(a.seq);
      if (this.pending.size === 0) worker.unref();
      if (!p) return;
      if (a.ok) p.resolve(a.value);
      else p.reject(new Error(a.error));
    });
    const lost = (e: Error) => {
      if (this.worker !== worker) return;
      // A worker that never said it was ready cannot run here: work in this thread from now on. One that
      // died (out of memory on a hostile book) is started again on the next call.
      if (!online) this.failed = true;
      this.worker = null;
      const pending = [...this.pending.values()];
      this.pending.clear();
      // What was asked of a worker that never started is done here instead; what a dead worker held is lost with it.
      for (const p of pending) {
        if (online) p.reject(e);
        else this.runHere(p.request).then(p.resolve, p.reject);
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The checking worker stopped (exit code ${code}).`)));
    worker.unref();
    this.worker = worker;
    // A new worker knows no list of people yet.
    this.lists.clear();
    this.peopleKeys = new WeakMap();
    return worker;
  }

  private call<T>(r: CheckRequest): Promise<T> {
    const worker = this.ensure();
    if (!worker) return Promise.reject(new Error('No checking worker.'));
    const seq = ++this.seq;
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject, request: r });
      worker.postMessage({ ...r, seq });
    });
  }

  /** Does a request in this thread (the worker could not start). */
  private async runHere(r: CheckRequest): Promise<unknown> {
    switch (r.op) {
      case 'open':
        this.localIds.add(r.id);
        return this.local.open(r.id, r.text);
      case 'check':
        this.localIds.delete(r.id);
        return this.local.check(r.id, withPeople(r.site, this.lists), r.withDiagnostics);
      case 'people':
        return null;
      case 'forget':
        this.localIds.delete(r.id);
        return this.local.forget(r.id);
      case 'person':
        return this.local.person(r.fileName, r.text);
    }
  }

  open(id: number, text: string) {
    if (text.length <= INLINE_MAX || !this.ensure()) {
      this.localIds.add(id);
      return this.local.open(id, text);
    }
    return this.call<Awaited<ReturnType<BookChecker['open']>>>({ op: 'open', id, text });
  }

  check(id: number, site: SiteContext, withDiagnostics: boolean) {
    if (this.localIds.delete(id)) return this.local.check(id, site, withDiagnostics);
    return this.call<Awaited<ReturnType<BookChecker['check']>>>({ op: 'check', id, site: this.withoutPeople(site), withDiagnostics });
  }

  /**
   * The site context with its people replaced by a key: each list of people (one object
   * for every book of a scan) is sent to the worker once, not copied into every check.
   */
  private withoutPeople(site: SiteContext): SiteWithoutPeople {
    const { people, names, ...rest } = site;
    const ref = names ?? people;
    if (!ref) return rest;
    let key = this.peopleKeys.get(ref);
    if (key === undefined) {
      key = ++this.lastKey;
      this.peopleKeys.set(ref, key);
      const lists: PeopleLists = { people, names };
      for (const gone of keepPeople(this.lists, key, lists)) this.peopleKeys.delete(gone.names ?? gone.people ?? []);
      void this.call({ op: 'people', key, people: lists }).catch(() => undefined);
    }
    return { ...rest, peopleKey: key };
  }

  forget(id: number): void {
    if (this.localIds.delete(id)) return this.local.forget(id);
    if (this.worker) void this.call({ op: 'forget', id }).catch(() => undefined);
  }

  person(fileName: string, text: string) {
    if (text.length <= INLINE_MAX || !this.ensure()) return this.local.person(fileName, text);
    return this.call<Awaited<ReturnType<BookChecker['person']>>>({ op: 'person', fileName, text });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}

let shared: WorkerChecker | null = null;

/** A checker of its own whose worker `start` makes (tests start one that cannot run). */
export const workerCheckerWith = (start: () => Worker): BookChecker => new WorkerChecker(start);

/** The process's one worker checker (started on first use, never keeping the process alive while idle). */
export function workerChecker(): BookChecker {
  shared ??= new WorkerChecker();
  return shared;
}
