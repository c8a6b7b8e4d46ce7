/**
 * Keeps the raw view's Monaco model and the store's text in step. The store is the
 * source of truth: typing in the model updates a draft here (in the store's own bytes, so
 * a BOM or `\r\n` the model cannot hold survives) and commits it after a pause; when the
 * store's text changes from elsewhere (a form edit, undo), the model receives only the
 * changed span, so the cursor and scroll stay where they were.
 */
import { minimalEdit } from '../../../shared/book/textEdit';
import { offsetOf, positionOf } from './positions';
import type { ModelPosition } from './positions';

/** One change of the model: a range (1-based, as Monaco reports it) and the text that replaced it. */
export interface ModelChange {
  readonly start: ModelPosition;
  readonly end: ModelPosition;
  readonly text: string;
}

/** What the sync does to the model. */
export interface ModelPort {
  /** Replaces a range, without adding to Monaco's own undo stack (the store keeps the history). */
  replace(change: ModelChange): void;
}

/** How long typing must pause before the raw text goes to the store (and becomes an undo step). */
export const RAW_COMMIT_MS = 300;
/** Typing that does not pause still reaches the store (the forms and the preview) this often. */
export const RAW_MAX_WAIT_MS = 1000;

const before = (a: ModelPosition, b: ModelPosition) => a.lineNumber - b.lineNumber || a.column - b.column;

export class RawSync {
  private draft: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet committed was made. */
  private since = 0;
  /** When the latest change was made. */
  private typed = -Infinity;
  /** When the latest change of the last commit was made (typing that goes on after a commit is still one burst). */
  private committed = -Infinity;

  /** `commit` gets the text and how long the typing had paused before its first change, so undo groups typing by pauses, not by commits. */
  constructor(text: string, private readonly commit: (text: string, pause: number) => void, private readonly delayMs = RAW_COMMIT_MS, private readonly maxWaitMs = RAW_MAX_WAIT_MS) {
    this.draft = text;
  }

  /** The text the model shows, in the store's bytes. */
  get text(): string {
    return this.draft;
  }

  /** Whether typing waits to be committed. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** The user changed the model: update the draft and commit it after a pause. */
  edited(changes: readonly ModelChange[]): void {
    // Applied from the end, so the earlier positions still hold.
    for (const c of [...changes].sort((x, y) => before(y.start, x.start))) {
      const from = offsetOf(this.draft, c.start);
      const to = Math.max(from, offsetOf(this.draft, c.end));
      this.draft = this.draft.slice(0, from) + c.text + this.draft.slice(to);
    }
    const now = Date.now();
    if (this.timer === undefined) this.since = now;
    this.typed = now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), Math.max(0, Math.min(this.delayMs, this.since + this.maxWaitMs - now)));
  }

  /** The store holds `text`: bring the model to it (a draft the store has not taken is dropped). */
  follow(text: string, port: ModelPort): void {
    if (text === this.draft) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    // The text changed from elsewhere (a form edit, undo): typing after this is a new step.
    this.committed = -Infinity;
    const edit = minimalEdit(this.draft, text);
    if (edit) port.replace({ start: positionOf(this.draft, edit.from), end: positionOf(this.draft, edit.to), text: edit.insert });
    this.draft = text;
  }

  /** Commits the draft now (before a command, a save, a switch of view or book). */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const pause = this.since - this.committed;
    this.committed = this.typed;
    this.commit(this.draft, pause);
  }

  /** The offset in the text of a model position. */
  offsetAt(position: ModelPosition): number {
    return offsetOf(this.draft, position);
  }

  /** The model position of an offset in the text. */
  positionAt(offset: number): ModelPosition {
    return positionOf(this.draft, offset);
  }
}
