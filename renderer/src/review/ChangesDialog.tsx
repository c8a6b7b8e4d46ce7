/**
 * The Changes view: the site's files changed since the last commit, each with a checkbox
 * (the open book and its images checked), the diff of the chosen one against `HEAD` in
 * Monaco, a commit message prefilled in words from the books' values at `HEAD` against now
 * (shared/git/commitMessage.ts), and Commit, Commit and sync, Sync. Git runs on the Node
 * side; this view says what it does while it runs and what came of it, in plain words.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { CommitResult, FileAtHead, GitConflict, GitFileChange, GitRepoStatus, SyncResult } from '../../../shared/api';
import { commitMessage } from '../../../shared/git/commitMessage';
import { useServices } from '../services/services';
import { useDark } from '../services/theme';
import { useImage } from '../services/useImage';
import { useEditor } from '../store/hooks';
import { dirtyOf } from '../store/derived';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ChangeMark, changeWords } from '../ui/ChangeMark';
import { Dialog } from '../ui/Dialog';
import { summarize, summaryText } from './diffSummary';
import { lineDiff } from '../diff/lineDiff';

const DiffView = lazy(() => import('./DiffView'));

const NO_TEXTS: Readonly<Record<string, FileAtHead | string>> = {};

type Running = 'commit' | 'commit-sync' | 'sync' | 'save';

const RUNNING_WORDS: Readonly<Record<Running, string>> = {
  commit: 'Committing…',
  'commit-sync': 'Committing, then syncing…',
  sync: 'Syncing: fetching, bringing in the remote’s commits, pushing…',
  save: 'Saving…',
};

/** What the last action came to, as the view shows it. */
interface Outcome {
  readonly ok: boolean;
  readonly lines: readonly string[];
  readonly output: string;
  readonly hint: string;
  readonly conflicts: readonly GitConflict[];
}

/** The book id of `_books/<id>.md`, or null. */
const bookIdOf = (path: string | null): string | null => (path ? (/^_books\/([^/]+)\.md$/.exec(path)?.[1] ?? null) : null);

/** Checked unless the user chose otherwise: the open book and the images of its folder. */
const checkedByDefault = (path: string, open: string | null): boolean => {
  const id = bookIdOf(open);
  return path === open || (id !== null && path.startsWith(`images/books/${id}/`));
};

/** The branch in words: "main, 1 commit to push, 2 to bring in (origin/main, as of the last fetch)". */
export function branchWords(git: GitRepoStatus): string {
  const where = git.branch ? `On branch ${git.branch}` : `Detached at ${git.head}`;
  if (!git.branch) return where;
  if (!git.upstream) return `${where}, with no upstream: sync will say how to set one`;
  const parts = [git.ahead ? `${git.ahead} commit${git.ahead === 1 ? '' : 's'} to push` : '', git.behind ? `${git.behind} to bring in` : ''].filter(Boolean);
  return `${where}: ${parts.length ? parts.join(', ') : `up to date with ${git.upstream}`} (as of the last fetch)`;
}

const commitOutcome = (r: CommitResult): Outcome => (r.ok ? { ok: true, lines: [r.message], output: '', hint: '', conflicts: [] } : { ok: false, lines: [r.message], output: r.output, hint: '', conflicts: [] });
const syncOutcome = (r: SyncResult): Outcome => (r.ok ? { ok: true, lines: [r.message], output: '', hint: '', conflicts: [] } : { ok: false, lines: [r.message], output: r.output, hint: r.hint, conflicts: r.conflicts });

export function ChangesDialog({ onClose }: { readonly onClose: () => void }) {
  const { session, store } = useServices();
  const dark = useDark();
  const git = useEditor((s) => s.site.git);
  const books = useEditor((s) => s.site.books);
  const openPath = useEditor((s) => s.book?.path ?? null);
  const openDirty = useEditor(dirtyOf);
  // A save of the open book changes what is on disk: its texts are read again.
  const saved = useEditor((s) => s.book?.savedText ?? null);
  const repo = git?.available ? git : null;
  const files: readonly GitFileChange[] = useMemo(() => repo?.files ?? [], [repo]);

  const [choices, setChoices] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [texts, setTexts] = useState<{ readonly of: GitRepoStatus | null; readonly saved: string | null; readonly files: Readonly<Record<string, FileAtHead | string>> }>({ of: null, saved: null, files: {} });
  const [message, setMessage] = useState('');
  const [edited, setEdited] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sideBySide, setSideBySide] = useState(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const isChecked = (path: string) => choices.get(path) ?? checkedByDefault(path, openPath);
  const checked = useMemo(() => files.filter((f) => choices.get(f.path) ?? checkedByDefault(f.path, openPath)), [files, choices, openPath]);
  const shown = files.find((f) => f.path === selected) ?? files.find((f) => f.path === openPath) ?? files[0] ?? null;
  const titleOf = (path: string) => books.find((b) => b.path === path)?.title || null;

  // The texts at HEAD and on disk of what the message and the diff need, read again after each refresh of git's state.
  const current = texts.of === repo && texts.saved === saved ? texts.files : NO_TEXTS;
  const wanted = useMemo(() => [...new Set([...checked.filter((f) => f.kind !== 'image').map((f) => f.path), ...(shown ? [shown.path] : [])])], [checked, shown]);
  const missing = wanted.filter((p) => !(p in current));
  const missingKey = missing.join('\n');
  useEffect(() => {
    if (!missingKey || !repo) return;
    let on = true;
    for (const path of missingKey.split('\n')) {
      void session.readAtHead(path).then(
        (f) => f,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      ).then((f) => on && setTexts((t) => ({ of: repo, saved, files: { ...(t.of === repo && t.saved === saved ? t.files : {}), [path]: f } })));
    }
    return () => {
      on = false;
    };
  }, [missingKey, repo, saved, session]);

  // The prefilled message follows the checked files until the user writes their own.
  const ready = checked.every((f) => f.kind === 'image' || typeof current[f.path] === 'object');
  const suggested = useMemo(() => {
    if (!ready) return null;
    return commitMessage(checked.map((f) => {
      const t = current[f.path];
      return typeof t === 'object' ? { path: f.path, change: f.change, before: t.head, after: t.current } : { path: f.path, change: f.change };
    }));
  }, [ready, checked, current]);
  useEffect(() => {
    if (!edited && suggested !== null) setMessage(suggested);
  }, [edited, suggested]);

  const blocked = repo?.blocked ?? null;
  const unsaved = repo !== null && openDirty && openPath !== null;
  const unsavedChecked = unsaved && checked.some((f) => f.path === openPath);
  const commitReason = !repo ? null
    : blocked ? blocked.message
    : unsavedChecked ? 'Save the open book first: a commit takes files as they are on disk, and is refused while the book has unsaved changes.'
    : !files.length ? 'Nothing to commit.'
    : !checked.length ? 'Check the files to commit.'
    : !message.trim() ? 'Write a commit message.'
    : null;

  const finish = (o: Outcome) => {
    if (live.current) setOutcome(o);
    else store.notify(o.ok ? 'success' : 'error', o.lines.join(' '));
  };
  // When git is done, the keyboard goes to what came of it (the button pressed may be disabled now).
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const doCommit = async (andSync: boolean) => {
    setRunning(andSync ? 'commit-sync' : 'commit');
    setOutcome(null);
    const result = await session.commit(checked.map((f) => f.path), message);
    if (!result.ok || !andSync) {
      if (result.ok && live.current) afterCommit();
      finish(commitOutcome(result));
      if (live.current) setRunning(null);
      return;
    }
    if (live.current) afterCommit();
    const synced = await session.sync();
    const s = syncOutcome(synced);
    finish({ ...s, lines: [result.message, ...s.lines] });
    if (live.current) setRunning(null);
  };
  const afterCommit = () => {
    setChoices(new Map());
    setEdited(false);
  };
  const doSync = async () => {
    setRunning('sync');
    setOutcome(null);
    finish(syncOutcome(await session.sync()));
    if (live.current) setRunning(null);
  };
  const doSave = async () => {
    setRunning('save');
    await session.save();
    if (live.current) setRunning(null);
  };

  const toggleAll = (on: boolean) => setChoices(new Map(files.map((f) => [f.path, on])));
  const shownText = shown ? current[shown.path] : undefined;

  return (
    <Dialog
      title="Changes"
      size="full"
      onClose={onClose}
      footer={
        <>
          <span className="review-reason" id="changes-reason" role="status" aria-live="polite">
            {running ? RUNNING_WORDS[running] : commitReason ?? ''}
          </span>
          <button type="button" className="btn" onClick={onClose}>Close</button>
          <button type="button" className="btn" disabled={!repo || !!running || !!blocked} onClick={() => void doSync()} title="Fetch, bring in the remote’s commits, and push yours">Sync</button>
          <button type="button" className="btn" disabled={!!commitReason || !!running} aria-describedby={commitReason ? 'changes-reason' : undefined} onClick={() => void doCommit(false)}>Commit</button>
          <button type="button" className="btn btn-primary" disabled={!!commitReason || !!running} aria-describedby={commitReason ? 'changes-reason' : undefined} onClick={() => void doCommit(true)}>Commit and sync</button>
        </>
      }
    >
      <div className="changes" aria-busy={running ? 'true' : undefined}>
        <p className="changes-branch">{repo ? branchWords(repo) : git && !git.available ? git.message : 'Reading git’s state…'}</p>
        {blocked ? <p className="msg msg-warning" role="alert">{blocked.message}</p> : null}
        {unsaved ? (
          <div className="msg msg-warning changes-unsaved" role="alert">
            <span>
              {unsavedChecked
                ? `“${titleOf(openPath) ?? openPath}” has unsaved changes. A commit takes the file as it is on disk, so it is refused until you save.`
                : `“${titleOf(openPath) ?? openPath}” has unsaved changes, not in this list until you save.`}
            </span>
            <button type="button" className="btn btn-small" disabled={!!running} onClick={() => void doSave()}>Save now</button>
          </div>
        ) : null}
        {outcome ? <OutcomeView outcome={outcome} at={outcomeRef} /> : null}
        <div className="changes-main">
          <div className="changes-side">
            <fieldset className="changes-files">
              <legend>{files.length ? `Files to commit: ${checked.length} of ${files.length} checked` : 'Files to commit'}</legend>
              {files.length ? (
                <>
                  <div className="changes-all">
                    <button type="button" className="link-btn" onClick={() => toggleAll(true)}>Check all</button>
                    <button type="button" className="link-btn" onClick={() => toggleAll(false)}>Check none</button>
                  </div>
                  <ul className="changes-list" aria-label="Changed files">
                    {files.map((f) => {
                      const name = (f.kind === 'book' ? titleOf(f.path) : null) ?? f.path;
                      const on = shown?.path === f.path;
                      return (
                        <li key={f.path} className={`changes-row${on ? ' shown' : ''}`}>
                          <input type="checkbox" id={`commit-${f.path}`} checked={isChecked(f.path)} aria-label={`Commit ${name}`} onChange={(e) => setChoices(new Map(choices).set(f.path, e.target.checked))} />
                          <button type="button" className="changes-file" aria-pressed={on} aria-label={`Show the changes of ${name}, ${changeWords(f.change)}`} title={f.path} onClick={() => setSelected(f.path)}>
                            <span className="changes-name">{name}</span>
                            {name !== f.path ? <span className="changes-path">{f.path}</span> : null}
                          </button>
                          <ChangeMark change={f.change} />
                        </li>
                      );
                    })}
                  </ul>
                </>
              ) : (
                <p className="empty">{repo ? 'Nothing to commit: the books, people and images are as in the last commit.' : ''}</p>
              )}
            </fieldset>
            <label className="changes-message-label" htmlFor="commit-message">Commit message</label>
            <textarea
              id="commit-message"
              className="input changes-message"
              rows={5}
              data-autofocus={files.length ? '' : undefined}
              disabled={!files.length}
              value={message}
              placeholder={files.length && !ready ? 'Reading what changed…' : 'What changed, in words'}
              onChange={(e) => {
                setMessage(e.target.value);
                setEdited(true);
              }}
            />
            {edited && suggested !== null && suggested !== message ? (
              <button type="button" className="link-btn" onClick={() => setEdited(false)}>Use the suggested message</button>
            ) : null}
          </div>
          <div className="changes-diff">
            {shown ? (
              <>
                <div className="review-head">
                  <span className="changes-diff-title">
                    <strong>{(shown.kind === 'book' ? titleOf(shown.path) : null) ?? shown.path}</strong>
                    <span className="muted">{` · ${changeWords(shown.change)}`}</span>
                    {typeof shownText === 'object' && !shownText.binary ? <span className="muted">{` · ${summaryText(summarize(lineDiff(shownText.head ?? '', shownText.current ?? '')))}`}</span> : null}
                  </span>
                  <div className="spacer" />
                  <div className="segmented" role="group" aria-label="Layout">
                    <button type="button" className={`seg${sideBySide ? '' : ' on'}`} aria-pressed={!sideBySide} onClick={() => setSideBySide(false)}>Inline</button>
                    <button type="button" className={`seg${sideBySide ? ' on' : ''}`} aria-pressed={sideBySide} onClick={() => setSideBySide(true)}>Side by side</button>
                  </div>
                </div>
                <div className="review-legend muted" aria-hidden="true">
                  <span className="diff-key removed">− last commit</span>
                  <span className="diff-key added">+ on disk</span>
                </div>
                <div className="review-diff" role="group" aria-label={`Changes of ${shown.path}`}>
                  {shownText === undefined ? <p className="muted changes-note">Reading the file…</p>
                    : typeof shownText === 'string' ? <p className="msg msg-error changes-note">{`The file could not be read: ${shownText}`}</p>
                    : shownText.binary ? <ImageChange path={shown.path} change={shown.change} />
                    : (
                      <ErrorBoundary fallback={(error) => <pre className="crash">{error.message}</pre>}>
                        <Suspense fallback={<p className="muted changes-note">Loading the differences…</p>}>
                          <DiffView original={shownText.head ?? ''} modified={shownText.current ?? ''} sideBySide={sideBySide} dark={dark} labels={{ original: 'At the last commit', modified: 'On disk' }} />
                        </Suspense>
                      </ErrorBoundary>
                    )}
                </div>
              </>
            ) : (
              <p className="muted changes-note">{repo ? 'No changes to show.' : ''}</p>
            )}
          </div>
        </div>
      </div>
    </Dialog>
  );
}

/** What came of a commit or a sync: the words, the hint, the conflicts with their lines, and git's own output folded away. */
function OutcomeView({ outcome, at }: { readonly outcome: Outcome; readonly at: React.Ref<HTMLDivElement> }) {
  return (
    <div ref={at} tabIndex={-1} className={`changes-outcome ${outcome.ok ? 'ok' : 'failed'}`} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.lines.map((l, i) => <p key={i}>{l}</p>)}
      {outcome.hint ? <p className="muted">{outcome.hint}</p> : null}
      {outcome.conflicts.length ? (
        <ul className="changes-conflicts" aria-label="Conflicts">
          {outcome.conflicts.map((c) => <li key={c.path}><code>{c.path}</code>: {c.message}</li>)}
        </ul>
      ) : null}
      {outcome.output.trim() ? (
        <details>
          <summary>Git’s output</summary>
          <pre>{outcome.output.trim()}</pre>
        </details>
      ) : null}
    </div>
  );
}

/** An image's change: the image as it is on disk now (a deleted one has none). */
function ImageChange({ path, change }: { readonly path: string; readonly change: GitFileChange['change'] }) {
  const { session } = useServices();
  useEffect(() => {
    if (change !== 'deleted') void session.checkFiles([path]);
  }, [session, path, change]);
  const image = useImage(change === 'deleted' ? '' : path);
  return (
    <div className="changes-image">
      <p className="muted">{change === 'deleted' ? 'This image was deleted; the commit removes it.' : 'An image: committed as it is on disk.'}</p>
      {image.url ? <img src={image.url} alt={`${path} as it is on disk`} /> : null}
    </div>
  );
}
