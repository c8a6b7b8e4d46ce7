/**
 * Shows previews in a sandboxed, script-less frame and keeps it smooth while the user
 * types: the first document is written into the frame's blank document at once (srcdoc where it has none) with the page top and the first threads
 * only, the others are added in idle slices after it shows; later previews change only the
 * parts that differ (the page top, single threads), written from here since the frame is
 * same-origin, so the scroll position stays. Clicks are handled here too: links open
 * outside, a thread or reply is reported.
 */
import type { PreviewParts } from './previewParts';
import { patchPreview } from './patchPreview';
import type { BookPreview } from './bookPreview';
import { whenIdle } from '../schedule';

export interface PreviewHandlers {
  /** A thread (reply null) or a reply was clicked. */
  readonly onSelect: (thread: number, reply: number | null) => void;
  /** An http(s) link was clicked. */
  readonly onLink: (href: string) => void;
}

/**
 * Extra style for the editor only, written into the document's head: the page a little smaller, as it
 * sits in a side pane; each thread contained, so writing one does not make the browser revisit the
 * other 1,999, and skipped (laid out at its last or estimated height) until it scrolls into view; a
 * thread shows it can be clicked.
 */
export const EDITOR_CSS = ':root,body{font-size:14px}.book-archive-thread{contain:content;content-visibility:auto;contain-intrinsic-size:auto 160px}[data-thread]{cursor:pointer}.book-archive-thread:hover>.name,.book-archive-reply:hover>.name{text-decoration:underline;text-decoration-color:var(--muted)}';

/** Threads in the first document of a preview: what a pane shows below the page top, and one more. */
export const FIRST_THREADS = 4;
/**
 * Threads added at a time while the rest of a long book fills in: a few, as many times as
 * the idle period allows, so that no fill holds up the next frame (a thread written cold
 * costs about a millisecond).
 */
const SLICE_THREADS = 4;

/** Runs in idle time (at the latest after a tenth of a second). */
const later = (run: (deadline?: IdleDeadline) => void) => whenIdle(run, 100);

// The frame's nodes come from another realm: check shapes, not classes.
const asElement = (t: EventTarget | null): Element | null => (t && (t as Node).nodeType === 1 ? (t as Element) : t && (t as Node).parentElement ? (t as Node).parentElement : null);

export class LivePreview {
  private shown: PreviewParts | null = null;
  /** The parts of the document being loaded. */
  private waiting: PreviewParts | null = null;
  private loaded = false;
  private current: { readonly key: string; readonly el: Element } | null = null;
  private place: string | null = null;
  /** The latest preview asked for. */
  private latest: BookPreview | null = null;
  /** How many of its threads the frame holds (Infinity once all). */
  private limit = Infinity;
  private cancelFill: (() => void) | null = null;

  constructor(private readonly frame: HTMLIFrameElement, private readonly handlers: PreviewHandlers) {
    frame.addEventListener('load', this.onLoad);
  }

  /** Shows a preview (the whole document the first time, its changed parts after); `fresh` for another book's, shown from its top and first threads. */
  show(preview: BookPreview, fresh = false): void {
    this.latest = preview;
    const doc = this.loaded ? this.frame.contentDocument : null;
    const main = doc?.querySelector('main.book');
    if (!doc || !main || !this.shown) {
      this.load(preview);
      return;
    }
    if (fresh) {
      this.cancelFill?.();
      this.cancelFill = null;
      this.limit = this.firstLimit(preview);
      (doc.scrollingElement ?? doc.documentElement).scrollTop = 0;
      if (this.limit !== Infinity) this.cancelFill = later(this.fill);
    }
    // The thread being edited shows at once, with those before it, whatever the fill has reached.
    const at = this.place ? /^archive\.(\d+)/.exec(this.place) : null;
    if (at && Number(at[1]) >= this.limit) this.limit = Number(at[1]) + 1 >= (preview.count ?? 0) ? Infinity : Number(at[1]) + 1;
    const next = this.limit === Infinity ? preview.parts : preview.partsUpTo(this.limit);
    patchPreview(doc, main, this.shown, next);
    this.shown = next;
    this.mark(this.place, false);
  }

  /** Marks the thread or reply of a place (`archive.3.replies.1.text`) as current; `scroll` brings it into view. */
  mark(place: string | null, scroll = true): void {
    this.place = place;
    const doc = this.loaded ? this.frame.contentDocument : null;
    if (!doc) return;
    const m = place ? /^archive\.(\d+)(?:\.replies\.(\d+))?/.exec(place) : null;
    const key = m ? `${m[1]}/${m[2] ?? ''}` : '';
    const el = m ? doc.querySelector(m[2] !== undefined ? `[data-thread="${m[1]}"][data-reply="${m[2]}"]` : `.book-archive-thread[data-thread="${m[1]}"]`) : null;
    if (this.current?.el === el) return;
    const moved = this.current?.key !== key;
    this.current?.el.classList.remove('is-current');
    this.current = el ? { key, el } : null;
    if (!el) return;
    el.classList.add('is-current');
    if (scroll && moved) this.reveal(el);
  }

  /** Stops listening to the frame. */
  dispose(): void {
    this.cancelFill?.();
    this.frame.removeEventListener('load', this.onLoad);
    this.frame.contentDocument?.removeEventListener('click', this.onClick);
    this.frame.contentDocument?.removeEventListener('auxclick', this.onClick);
  }

  private firstLimit(preview: BookPreview): number {
    return preview.count !== null && preview.count > FIRST_THREADS ? FIRST_THREADS : Infinity;
  }

  private load(preview: BookPreview): void {
    this.loaded = false;
    this.current = null;
    this.cancelFill?.();
    this.cancelFill = null;
    this.limit = this.firstLimit(preview);
    this.waiting = preview.partsUpTo(this.limit);
    const html = preview.html(this.limit);
    const head = html.indexOf('</head>');
    const page = head < 0 ? html : `${html.slice(0, head)}<style>${EDITOR_CSS}</style>${html.slice(head)}`;
    // In the frame's own (blank, same-origin) document, at once: the frame that shows the book
    // shows its page too, with no load in between. An inert parse (DOMParser runs no script);
    // the frame's sandbox stays as it is. Where the frame has no document yet, it loads the page.
    const doc = this.frame.contentDocument;
    if (doc && typeof DOMParser === 'function') {
      const parsed = new DOMParser().parseFromString(page, 'text/html');
      doc.replaceChild(doc.adoptNode(parsed.documentElement), doc.documentElement);
      this.onLoad();
      return;
    }
    this.frame.srcdoc = page;
  }

  private readonly onLoad = () => {
    const doc = this.frame.contentDocument;
    // The frame's first, empty document may also report a load: wait for ours.
    if (!doc || this.waiting === null || !doc.querySelector('main.book')) return;
    this.loaded = true;
    doc.addEventListener('click', this.onClick);
    doc.addEventListener('auxclick', this.onClick);
    this.shown = this.waiting;
    this.waiting = null;
    this.mark(this.place);
    if (this.limit !== Infinity) this.cancelFill = later(this.fill);
  };

  /** Adds the next threads of a long book (as many slices as the idle time allows, leaving some of it to the form's cards), then waits for more idle time. */
  private readonly fill = (deadline?: IdleDeadline) => {
    this.cancelFill = null;
    const doc = this.loaded ? this.frame.contentDocument : null;
    const main = doc?.querySelector('main.book');
    const preview = this.latest;
    if (!doc || !main || !this.shown || !preview) return;
    do {
      const count = preview.count ?? 0;
      this.limit = this.limit + SLICE_THREADS >= count ? Infinity : this.limit + SLICE_THREADS;
      const next = this.limit === Infinity ? preview.parts : preview.partsUpTo(this.limit);
      patchPreview(doc, main, this.shown, next);
      this.shown = next;
    } while (this.limit !== Infinity && deadline && deadline.timeRemaining() > 10 && !deadline.didTimeout);
    // The user's place may be in a thread just added.
    this.mark(this.place);
    if (this.limit !== Infinity) this.cancelFill = later(this.fill);
  };

  private readonly onClick = (e: MouseEvent) => {
    const target = asElement(e.target);
    const link = target?.closest('a');
    if (link) {
      e.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (e.type === 'click' && /^https?:\/\//i.test(href)) this.handlers.onLink(href);
      return;
    }
    const hit = target?.closest<HTMLElement>('[data-thread]');
    if (hit && e.type === 'click') this.handlers.onSelect(Number(hit.dataset.thread), hit.dataset.reply !== undefined ? Number(hit.dataset.reply) : null);
  };

  /** Scrolls the frame (and only the frame) so the element is in view. */
  private reveal(el: Element): void {
    const view = this.frame.contentWindow;
    if (!view) return;
    const r = el.getBoundingClientRect();
    const height = view.innerHeight;
    if (r.top >= 8 && r.bottom <= height - 8) return;
    const margin = Math.max(16, Math.min(80, height / 4));
    const doc = this.frame.contentDocument;
    if (doc) (doc.scrollingElement ?? doc.documentElement).scrollTop += r.height > height - margin * 2 ? r.top - margin : r.top - (height - r.height) / 2;
  }
}
