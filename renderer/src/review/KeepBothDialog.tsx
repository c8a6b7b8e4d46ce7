/**
 * Keep both: your changes since the book was read, replayed on the version on disk through
 * the lossless core (shared/book/merge.ts), shown as the diff Save would make to the file on
 * disk. Where both sides changed the same place, each is named in words with both versions,
 * and the user keeps the disk's or theirs, one by one or all at once, before saving.
 */
import { useMemo, useState } from 'react';
import type { BookFile } from '../../../shared/api';
import { mergeBook, mergeSummary } from '../../../shared/index';
import type { MergeConflict, Value } from '../../../shared/index';
import { useServices } from '../services/services';
import { useEditor } from '../store/hooks';
import { Dialog } from '../ui/Dialog';
import { DiffPanel } from './DiffPanel';

interface Props {
  /** The file on disk to merge with. */
  readonly disk: BookFile;
  readonly onClose: () => void;
}

const clip = (s: string, n = 90) => {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > n ? `${line.slice(0, n - 1)}…` : line;
};

/** One side's version in a few words: a text quoted, an item by its name, a list by its size. */
export function briefValue(v: Value | undefined): string {
  if (v === undefined) return 'removed';
  if (v === null) return 'empty';
  if (typeof v === 'string') return v.trim() === '' ? 'empty' : `“${clip(v)}”`;
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length}: ${clip(v.map((x) => briefValue(x)).join(', '), 70)}`;
  const name = v.name ?? v.title ?? v.text;
  const words = typeof name === 'string' ? `“${clip(name, 50)}”` : `${Object.keys(v).length} keys`;
  const text = typeof v.text === 'string' && v.text !== name ? `: “${clip(v.text, 50)}”` : '';
  return `${words}${text}`;
}

export function KeepBothDialog({ disk, onClose }: Props) {
  const { session } = useServices();
  // The two sides as they were when the dialog opened (it is modal: nothing edits the book meanwhile).
  const base = useEditor((s) => s.book?.savedText ?? '');
  const ours = useEditor((s) => s.book?.doc.text ?? '');
  const busy = useEditor((s) => s.ui.busy);
  const hostGone = useEditor((s) => s.ui.hostGone);
  const [sides] = useState(() => ({ base, ours }));
  const [mine, setMine] = useState<ReadonlySet<string>>(() => new Set());
  const result = useMemo(() => mergeBook(sides.base, sides.ours, disk.text, { preferOurs: [...mine] }), [sides, disk.text, mine]);
  const conflicts = result.conflicts;
  const choose = (c: MergeConflict, keepMine: boolean) =>
    setMine((m) => {
      const next = new Set(m);
      if (keepMine) next.add(c.key);
      else next.delete(c.key);
      return next;
    });
  const all = (keepMine: boolean) => setMine(keepMine ? new Set(conflicts.map((c) => c.key)) : new Set());
  const same = result.text === disk.text;
  const save = () => void session.saveMerged(disk, result.text);

  return (
    <Dialog
      title="Keep both: your changes and the file on disk"
      size="full"
      onClose={onClose}
      footer={
        <>
          {hostGone ? <span className="review-reason" id="keep-both-reason">The editor&apos;s host is not reachable: Save is off until it is back.</span> : same ? <span className="review-reason" id="keep-both-reason">The file on disk already holds everything: saving changes nothing.</span> : null}
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" disabled={busy || !!hostGone} aria-describedby={same || hostGone ? 'keep-both-reason' : undefined} onClick={save} data-autofocus={conflicts.length ? undefined : true}>
            Save merged version
          </button>
        </>
      }
    >
      <div className="review-head">
        <p className="review-summary" role="status">
          <strong>{mergeSummary(result)}</strong>
        </p>
        <span className="muted review-path">{disk.path}</span>
      </div>
      {conflicts.length ? (
        <section className="merge-conflicts" aria-labelledby="merge-conflicts-title">
          <div className="merge-conflicts-head">
            <h3 id="merge-conflicts-title">
              Both sides changed {conflicts.length === 1 ? 'one place' : `${conflicts.length} places`}: choose which version to keep
            </h3>
            <div className="spacer" />
            <button type="button" className="btn btn-small" onClick={() => all(false)} data-autofocus>Keep the disk’s for all</button>
            <button type="button" className="btn btn-small" onClick={() => all(true)}>Keep yours for all</button>
          </div>
          <ol className="merge-conflict-list">
            {conflicts.map((c, i) => (
              <li key={c.key}>
                <fieldset className="merge-conflict">
                  <legend>
                    <strong>{c.where}</strong> <span className="muted">— {c.what} (line {c.line})</span>
                  </legend>
                  <label className="merge-choice">
                    <input type="radio" name={`conflict-${i}`} checked={c.kept === 'theirs'} onChange={() => choose(c, false)} />
                    <span>
                      The disk’s: <span className="merge-value">{c.kind === 'file' ? 'the whole file as it is on disk' : briefValue(c.theirs)}</span>
                    </span>
                  </label>
                  <label className="merge-choice">
                    <input type="radio" name={`conflict-${i}`} checked={c.kept === 'ours'} onChange={() => choose(c, true)} />
                    <span>
                      Yours: <span className="merge-value">{c.kind === 'file' ? 'the whole file as it is here' : briefValue(c.ours)}</span>
                    </span>
                  </label>
                </fieldset>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <DiffPanel original={disk.text} modified={result.text} />
    </Dialog>
  );
}
