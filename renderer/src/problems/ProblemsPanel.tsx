/** The problems list: every diagnostic of the open book in words, errors first; a click takes you to the field or the raw range. */
import { describePath } from '../../../shared/index';
import type { Diagnostic } from '../../../shared/index';
import { Icon } from '../ui/Icon';

interface Props {
  readonly diagnostics: readonly Diagnostic[];
  readonly onGo: (d: Diagnostic) => void;
  readonly onClose: () => void;
}

/** The message with its place in words in front ("Thread 3, reply 2: text is empty."), unless it already starts with it. */
export function problemText(d: Diagnostic): string {
  if (!d.keys.length || /^The\b/.test(d.message)) return d.message;
  const where = describePath(d.keys);
  // "Thread 2 has no name." already names the item its field belongs to.
  const item = describePath(d.keys.slice(0, d.keys.findLastIndex((k) => typeof k === 'number') + 1));
  return d.message.startsWith(where) || (item !== 'Front matter' && d.message.startsWith(item)) ? d.message : `${where}: ${d.message}`;
}

export function ProblemsPanel({ diagnostics: given, onGo, onClose }: Props) {
  const diagnostics = [...given].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
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
              <span className="problem-msg">{problemText(d)}</span>
              <span className="problem-pos muted">Ln {d.range.startLine}, Col {d.range.startColumn}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
