/**
 * A diff of the file on disk against a text to be saved, with its toolbar: which change is
 * shown ("Change 2 of 5"), Previous / Next change, and the layout (inline or side by side).
 * It starts at the first change. Used by Review changes and by Keep both.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useDark } from '../services/theme';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Icon } from '../ui/Icon';

const DiffView = lazy(() => import('./DiffView'));

interface Props {
  /** The file on disk ('' when it is not there). */
  readonly original: string;
  /** What Save would write. */
  readonly modified: string;
}

export function DiffPanel({ original, modified }: Props) {
  const dark = useDark();
  const [sideBySide, setSideBySide] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const [at, setAt] = useState(0);
  // Other texts: back to the first change.
  useEffect(() => setAt(0), [original, modified]);
  const last = Math.max(0, (count ?? 0) - 1);
  const shown = Math.min(at, last);
  const go = (step: number) => setAt(Math.max(0, Math.min(last, shown + step)));
  return (
    <>
      <div className="diff-toolbar">
        {/* Off by aria-disabled, not disabled: the focus stays on the button at the first or last change. */}
        <div className="diff-nav" role="group" aria-label="Changes">
          <button type="button" className="btn btn-small" onClick={() => go(-1)} aria-disabled={!count || shown === 0} aria-label="Previous change" title="Previous change">
            <Icon name="up" size={14} /> Previous
          </button>
          <button type="button" className="btn btn-small" onClick={() => go(1)} aria-disabled={!count || shown >= last} aria-label="Next change" title="Next change">
            <Icon name="down" size={14} /> Next
          </button>
          <span className="diff-position muted" role="status" aria-live="polite">
            {count === null ? '' : count === 0 ? 'No changes' : `Change ${shown + 1} of ${count}`}
          </span>
        </div>
        <div className="spacer" />
        <span className="review-legend muted" aria-hidden="true">
          <span className="diff-key removed">− on disk</span> <span className="diff-key added">+ after Save</span>
        </span>
        <div className="segmented" role="group" aria-label="Layout">
          <button type="button" className={`seg${sideBySide ? '' : ' on'}`} aria-pressed={!sideBySide} onClick={() => setSideBySide(false)}>Inline</button>
          <button type="button" className={`seg${sideBySide ? ' on' : ''}`} aria-pressed={sideBySide} onClick={() => setSideBySide(true)}>Side by side</button>
        </div>
      </div>
      <div className="review-diff" role="group" aria-label="Differences">
        <ErrorBoundary fallback={(error) => <pre className="crash">{error.message}</pre>}>
          <Suspense fallback={<p className="muted">Loading the differences…</p>}>
            <DiffView original={original} modified={modified} sideBySide={sideBySide} dark={dark} at={shown} onChanges={setCount} />
          </Suspense>
        </ErrorBoundary>
      </div>
    </>
  );
}
