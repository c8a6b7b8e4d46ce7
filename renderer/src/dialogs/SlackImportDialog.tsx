/**
 * Import from Slack: choose an export (a .zip or its folder), see the window's threads with
 * their replies, first lines and flags, tick the ones to bring in, and import them. The
 * channel and the window can be changed here; each change plans again from the export.
 */
import { plural } from '../../../shared/index';
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { DEFAULT_CHANNEL, ImportError, planImport } from '../../../shared/slack';
import type { ImportPlan, ImportThread, PlannedThread, ThreadFlag } from '../../../shared/slack';
import { windowFor } from '../../../shared/slack/window';
import { Dialog } from '../ui/Dialog';
import { folderFilesSource, zipFileSource } from './exportFiles';

/** What the importer needs of the open book. */
export interface SlackBook {
  readonly start: string;
  readonly end: string;
  readonly archive: readonly { readonly name: string; readonly text: string }[];
}

interface Props {
  readonly book: SlackBook;
  readonly onImport: (threads: readonly ImportThread[]) => void;
  readonly onClose: () => void;
}

/** What was chosen: a zip, or a folder's files. */
type Chosen = { readonly kind: 'zip'; readonly file: File } | { readonly kind: 'folder'; readonly files: readonly File[] };

/** The last plan (kept, dimmed, while the next one is read), the export being read, or what went wrong. */
interface State {
  readonly plan: ImportPlan | null;
  readonly reading: string | null;
  readonly error: string | null;
}

const NOTHING: State = { plan: null, reading: null, error: null };

/** Each flag in words, and what it means. */
export const FLAG_WORDS: Readonly<Record<ThreadFlag, { readonly label: string; readonly detail: string }>> = {
  announcement: { label: "Host's announcement", detail: 'Posted to everyone (an @channel, @here or @everyone), or a post without a question by someone who made one.' },
  'no-question': { label: 'No question mark', detail: 'Its text asks nothing: perhaps a remark, or a reply posted as a new message.' },
  'custom-emoji': { label: 'Custom emoji', detail: 'Uses emoji of the workspace, kept as :name:.' },
  tombstone: { label: 'Deleted first message', detail: 'Its first message was deleted; the replies are kept under it.' },
};


/** The day before the book's start to the day after its end; empty when the book's dates cannot say. */
function defaultWindow(book: SlackBook): { from: string; to: string } {
  try {
    return windowFor(book);
  } catch {
    return { from: '', to: '' };
  }
}

function labelOf(chosen: Chosen): string {
  if (chosen.kind === 'zip') return chosen.file.name;
  return chosen.files[0]?.webkitRelativePath.split('/')[0] || 'the chosen folder';
}

/** When a thread was started, in the user's time zone. */
function startedAt(ts: string): { text: string; iso: string } | null {
  const d = new Date(Number.parseFloat(ts) * 1000);
  if (Number.isNaN(d.getTime())) return null;
  return { text: d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }), iso: d.toISOString() };
}

export function SlackImportDialog({ book, onImport, onClose }: Props) {
  const id = useId();
  const zipInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const bookRef = useRef(book);
  bookRef.current = book;
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [channel, setChannel] = useState(DEFAULT_CHANNEL);
  const [days, setDays] = useState(() => defaultWindow(book));
  const [state, setState] = useState<State>(NOTHING);
  const [channels, setChannels] = useState<readonly string[]>([]);
  /** Threads the user unticked, by id: kept when the channel or the window changes. */
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (!chosen) return;
    let stale = false;
    const stopped = () => stale;
    const label = labelOf(chosen);
    setState((prev) => ({ plan: prev.plan, reading: label, error: null }));
    // A short pause: typing a date changes the value several times, and each plan reads the export again.
    const timer = setTimeout(() => {
      const source = chosen.kind === 'zip' ? zipFileSource(chosen.file, stopped) : folderFilesSource(chosen.files, stopped);
      planImport(source, bookRef.current, { channel, from: days.from || undefined, to: days.to || undefined }).then(
        (plan) => {
          if (stale) return;
          setChannels(plan.channels);
          setState({ plan, reading: null, error: null });
        },
        (e: unknown) => {
          if (stale) return;
          const message = e instanceof ImportError ? e.describe(source.label) : `${label} could not be read: ${(e as Error).message}`;
          setState({ plan: null, reading: null, error: message });
        },
      );
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [chosen, channel, days]);

  const choose = (next: Chosen | null) => {
    if (!next) return;
    setUnticked(new Set());
    setChannels([]);
    setState(NOTHING);
    setChosen(next);
  };

  const { plan, reading } = state;
  const importable = plan ? plan.threads.filter((t) => !t.inArchive) : [];
  const picked = importable.filter((t) => !unticked.has(t.id));
  // The plan shown may be the last one while the next is read: only a plan that is current can be imported.
  const ready = reading === null && picked.length > 0;
  const toggle = (t: PlannedThread, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(t.id);
    else next.add(t.id);
    setUnticked(next);
  };
  const submit = () => {
    if (!ready) return;
    onImport(picked.map((t) => ({ name: t.name, text: t.text, replies: t.replies })));
  };
  const channelList = channels.includes(channel) ? channels : [channel, ...channels];
  const skippedTotal = plan ? plan.skipped.reduce((n, s) => n + s.count, 0) : 0;

  return (
    <Dialog
      title="Import from Slack"
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" form={`${id}-form`} className="btn btn-primary" disabled={!ready}>
            {plan ? `Import ${plural(picked.length, 'thread')}` : 'Import'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="stack slack-import" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-busy={reading !== null}>
        <p className="dialog-lead">
          A Slack workspace export: the .zip Slack gives you, or the folder it unpacks to. Only the people, the channels and the chosen channel&apos;s days are read, here in the
          editor; the export is never changed.
        </p>
        <div className="slack-choose">
          <button type="button" className="btn" onClick={() => zipInput.current?.click()} data-autofocus>Choose .zip…</button>
          <button type="button" className="btn" onClick={() => folderInput.current?.click()}>Choose folder…</button>
          <span className="slack-export-name" id={`${id}-export`}>{chosen ? labelOf(chosen) : 'No export chosen'}</span>
        </div>
        {chosen ? (
          <fieldset className="slack-options">
            <legend className="sr-only">What to import</legend>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-channel`}>Channel</label>
              <select id={`${id}-channel`} className="input" value={channel} onChange={(e) => setChannel(e.target.value)}>
                {channelList.map((c) => <option key={c} value={c}>#{c}</option>)}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-from`}>From</label>
              <input id={`${id}-from`} className="input" type="date" value={days.from} max={days.to || undefined} onChange={(e) => setDays({ ...days, from: e.target.value })} aria-describedby={`${id}-window-hint`} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-to`}>To</label>
              <input id={`${id}-to`} className="input" type="date" value={days.to} min={days.from || undefined} onChange={(e) => setDays({ ...days, to: e.target.value })} aria-describedby={`${id}-window-hint`} />
            </div>
            <p className="hint slack-window-hint" id={`${id}-window-hint`}>Messages posted on these days (UTC), both included, with every reply to them, whenever it came. By default the day before the book starts to the day after it ends.</p>
          </fieldset>
        ) : null}
        <p className="slack-status" role="status">
          {reading !== null ? `Reading ${reading}…` : plan ? summaryOf(plan) : null}
        </p>
        {state.error !== null ? <p className="msg msg-error slack-error" role="alert">{state.error}</p> : null}
        {plan && plan.problems.length > 0 ? (
          <div className="slack-problems" role="group" aria-label="Problems in the export">
            <p className="msg msg-warning">{plural(plan.problems.length, 'problem')} in the export; the rest is read:</p>
            <ul>
              {plan.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.file}{p.line ? `:${p.line}:${p.column ?? 1}` : ''}</code> {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {plan && plan.threads.length > 0 ? (
          <>
            <div className="slack-list-head">
              <button type="button" className="btn btn-small" onClick={() => setUnticked(new Set())} disabled={picked.length === importable.length}>Select all</button>
              <button type="button" className="btn btn-small" onClick={() => setUnticked(new Set(importable.map((t) => t.id)))} disabled={picked.length === 0}>Select none</button>
              <span className="count">{picked.length} of {plural(importable.length, 'new thread')} chosen</span>
            </div>
            <ul className={`slack-threads${reading !== null ? ' is-stale' : ''}`} aria-label="Threads in the window">
              {plan.threads.map((t) => (
                <ThreadRow key={t.id} thread={t} checked={!t.inArchive && !unticked.has(t.id)} onToggle={(on) => toggle(t, on)} />
              ))}
            </ul>
          </>
        ) : null}
        {plan && skippedTotal > 0 ? (
          <div className="slack-skipped">
            <span id={`${id}-skipped`}>Left out, {plural(skippedTotal, 'message')}:</span>
            <ul aria-labelledby={`${id}-skipped`}>
              {plan.skipped.map((s) => (
                <li key={s.reason}><span className="slack-skip-count">{s.count}</span> {s.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </form>
      {createPortal(
        // Outside the dialog's box, so its focus trap never counts them; their buttons above open them.
        <div hidden>
          <input ref={zipInput} type="file" accept=".zip,application/zip" aria-label="Slack export (.zip)" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; choose(f ? { kind: 'zip', file: f } : null); }} />
          <input
            ref={(el) => {
              folderInput.current = el;
              el?.setAttribute('webkitdirectory', '');
            }}
            type="file"
            multiple
            aria-label="Slack export (folder)"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              choose(files.length ? { kind: 'folder', files } : null);
            }}
          />
        </div>,
        document.body,
      )}
    </Dialog>
  );
}

/** One line about the plan: what the window holds. */
function summaryOf(plan: ImportPlan): string {
  const { threads, window: days } = plan;
  const imported = threads.filter((t) => t.inArchive).length;
  if (threads.length === 0) return `No threads in #${plan.channel} from ${days.from} to ${days.to}.`;
  const already = imported ? ` ${imported === threads.length ? 'All' : imported} already in the archive.` : '';
  return `${plural(threads.length, 'thread')} with ${plural(plan.replies, 'reply', 'replies')} in #${plan.channel} from ${days.from} to ${days.to}.${already}`;
}

function ThreadRow({ thread: t, checked, onToggle }: { readonly thread: PlannedThread; readonly checked: boolean; readonly onToggle: (on: boolean) => void }) {
  const id = useId();
  const replies = t.replies.length;
  const at = startedAt(t.id);
  return (
    <li className={`slack-thread${t.inArchive ? ' is-imported' : ''}${checked ? ' is-checked' : ''}`}>
      <input
        id={`${id}-check`}
        type="checkbox"
        checked={checked}
        disabled={t.inArchive}
        onChange={(e) => onToggle(e.target.checked)}
        aria-label={`${t.name}: ${t.firstLine || 'no text'}`}
        aria-describedby={`${id}-meta`}
      />
      <label htmlFor={`${id}-check`} className="slack-thread-main">
        <span className="slack-thread-name">{t.name}</span>
        <span className="slack-thread-first">{t.firstLine || <em>no text</em>}</span>
      </label>
      <div className="slack-thread-meta" id={`${id}-meta`}>
        {at ? <time dateTime={at.iso}>{at.text}</time> : null}
        <span className="slack-replies">{replies === 0 ? 'no replies' : plural(replies, 'reply', 'replies')}</span>
        {t.inArchive ? <span className="pill pill-success">Already in the archive</span> : null}
        {t.flags.map((f) => (
          <span key={f} className={`pill pill-warning pill-${f}`} title={FLAG_WORDS[f].detail}>
            {f === 'custom-emoji' ? `${FLAG_WORDS[f].label}: ${t.customEmoji.map((e) => `:${e}:`).join(' ')}` : FLAG_WORDS[f].label}
          </span>
        ))}
      </div>
    </li>
  );
}
