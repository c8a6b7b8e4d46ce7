/** The lines that differ between the file on disk and the text in the editor. */
import { useMemo } from 'react';
import { Dialog } from '../ui/Dialog';
import { lineDiff } from '../diff/lineDiff';

interface Props {
  readonly disk: string;
  readonly mine: string;
  readonly onReload: () => void;
  readonly onOverwrite: () => void;
  /** Absent when there is no disk version to merge with. */
  readonly onKeepBoth?: () => void;
  readonly onClose: () => void;
}

const CONTEXT = 3;

export function CompareDialog({ disk, mine, onReload, onOverwrite, onKeepBoth, onClose }: Props) {
  const rows = useMemo(() => {
    const lines = lineDiff(disk, mine);
    const keep = lines.map((l, i) => l.kind !== 'same' || lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((x) => x.kind !== 'same'));
    const out: ({ gap: true } | (typeof lines)[number])[] = [];
    lines.forEach((l, i) => {
      if (keep[i]) out.push(l);
      else if (out.length === 0 || !('gap' in out[out.length - 1]!)) out.push({ gap: true });
    });
    return out;
  }, [disk, mine]);
  return (
    <Dialog
      title="Compare with the file on disk"
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Close</button>
          <button type="button" className="btn btn-danger" onClick={onReload}>Reload</button>
          {onKeepBoth ? <button type="button" className="btn" onClick={onKeepBoth}>Keep both</button> : null}
          <button type="button" className="btn btn-primary" onClick={onOverwrite}>Overwrite</button>
        </>
      }
    >
      <p className="hint"><span className="diff-key removed">− on disk only</span> <span className="diff-key added">+ yours only</span></p>
      <pre className="diff" aria-label="Differences" tabIndex={0}>
        {rows.map((r, i) =>
          'gap' in r ? (
            <div key={i} className="diff-gap">⋯</div>
          ) : (
            <div key={i} className={`diff-line ${r.kind}`}>
              <span className="diff-sign">{r.kind === 'added' ? '+' : r.kind === 'removed' ? '−' : ' '}</span>
              {r.text || ' '}
            </div>
          ),
        )}
      </pre>
    </Dialog>
  );
}
