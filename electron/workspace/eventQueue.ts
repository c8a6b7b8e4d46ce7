/** What happened outside the page, served as a long poll: `next(cursor)` answers with the events after `cursor`. */
import type { EventBatch, SiteEvent } from '../../shared/api';

interface Waiter {
  readonly after: number;
  readonly resolve: (batch: EventBatch) => void;
  readonly timer: NodeJS.Timeout;
}

/** A bounded ring of recent events with numbered positions, and the long polls waiting on it. */
export class EventQueue {
  private readonly ring: { readonly seq: number; readonly event: SiteEvent }[] = [];
  // Positions start at 1, so that 0 only ever means "a page saying hello".
  private seq = 1;
  private waiters: Waiter[] = [];
  private held: SiteEvent[] = [];
  private listened = false;
  private closed = false;

  /** `capacity` events are kept; a poll waits at most `timeoutMs`. */
  constructor(private readonly capacity = 500, private readonly timeoutMs = 25_000) {}

  /** The position of the newest event. */
  get cursor(): number {
    return this.seq;
  }

  /** Adds an event and wakes the polls waiting for it. */
  push(event: SiteEvent): void {
    if (this.closed) return;
    this.ring.push({ seq: ++this.seq, event });
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    const ready = this.waiters.filter((w) => w.after < this.seq);
    this.waiters = this.waiters.filter((w) => w.after >= this.seq);
    for (const w of ready) {
      clearTimeout(w.timer);
      w.resolve(this.after(w.after));
    }
  }

  /** Adds an event once a page listens (a book named on the command line must not be lost before the page polls). */
  pushWhenListening(event: SiteEvent): void {
    if (this.listened) this.push(event);
    else this.held.push(event);
  }

  /** Cursor 0: the current cursor at once, no events. A cursor past the newest: `site-opened` at once. Otherwise the events after `cursor`, waiting for some up to the timeout. */
  next(cursor: number): Promise<EventBatch> {
    if (cursor === 0 || cursor > this.seq || this.closed) {
      // A cursor from the future comes from a page that outlived a restart: it must reload.
      const batch: EventBatch = { cursor: this.seq, events: cursor > this.seq && !this.closed ? [{ kind: 'site-opened' }] : [] };
      this.release();
      return Promise.resolve(batch);
    }
    this.release();
    if (cursor < this.seq) return Promise.resolve(this.after(cursor));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        resolve({ cursor: this.seq, events: [] });
      }, this.timeoutMs);
      timer.unref?.();
      this.waiters.push({ after: cursor, resolve, timer });
    });
  }

  /** Ends every waiting poll (with no events) and refuses new events. */
  close(): void {
    this.closed = true;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve({ cursor: this.seq, events: [] });
    }
    this.waiters = [];
  }

  private release(): void {
    if (this.listened) return;
    this.listened = true;
    const held = this.held;
    this.held = [];
    for (const e of held) this.push(e);
  }

  private after(cursor: number): EventBatch {
    const oldest = this.ring[0]?.seq ?? this.seq + 1;
    const events = this.ring.filter((r) => r.seq > cursor).map((r) => r.event);
    // Events were lost to the ring's bound: tell the page to reload everything.
    if (cursor + 1 < oldest) events.unshift({ kind: 'site-opened' });
    return { cursor: this.seq, events };
  }
}
