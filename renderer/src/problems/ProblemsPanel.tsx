/** The problems list: every diagnostic in words; a click takes you to the field. */
import { describePath } from '../../../shared/index';
import type { Diagnostic } from '../../../shared/index';
import { Icon } from '../ui/Icon';

interface Props {
  readonly diagnostics: readonly Diagnostic[];
  readonly onGo: (d: Diagnostic) => void;
  readonly onClose: () => void;
}

export function ProblemsPanel({ diagnostics, onGo, onClose }: Props) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems">
      <header className="problems-head">
        <h2>Problems</h2>
        <span className="muted">{errors} error{errors === 1 ? '' : 's'}, {diagnostics.length - errors} warning{diagnostics.length - errors === 1 ? '' : 's'}{errors ? ' — errors block saving' : ''}</span>
        <div className="spacer" />
        <button type="button" className="icon-btn" aria-label="Close problems" title="Close" onClick={onClose}><Icon name="close" /></button>
      </header>
      {diagnostics.length === 0 ? <p className="empty">No problems. The book can be saved.</p> : null}
      <ul className="problem-list">
        {diagnostics.map((d, i) => (
          <li key={i}>
            <button type="button" className={`problem problem-${d.severity}`} onClick={() => onGo(d)}>
              <Icon name={d.severity === 'error' ? 'error' : 'warning'} size={14} />
              <span className="problem-where">{d.keys.length ? describePath(d.keys) : 'File'}</span>
              <span className="problem-msg">{d.message}</span>
              <span className="problem-pos muted">Ln {d.range.startLine}, Col {d.range.startColumn}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
