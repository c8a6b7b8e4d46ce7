/**
 * The problems list: every diagnostic of the open book in words, errors first; a click
 * takes you to the field or the raw range. A problem that has fixes shows a button per
 * fix; after one is applied, the keyboard lands on the problem that took its place (or
 * the list's heading when none is left), and the notice region says what was fixed.
 */
import { useId, useLayoutEffect, useRef } from 'react';
import { describePath } from '../../../shared/index';
import type { Diagnostic } from '../../../shared/index';
import { FixButtons } from '../ui/FixButtons';
import type { ApplyFix } from '../ui/FixButtons';
import { Icon } from '../ui/Icon';

interface Props {
  readonly diagnostics: readonly Diagnostic[];
  readonly onGo: (d: Diagnostic) => void;
  readonly onClose: () => void;
  /** Applies a fix; absent where the book cannot be changed (then no fix is offered). */
  readonly onFix?: ApplyFix;
}

/** The message with its place in words in front ("Thread 3, reply 2: text is empty."), unless it already starts with it. */
export function problemText(d: Diagnostic): string {
  if (!d.keys.length || /^The\b/.test(d.message)) return d.message;
  const where = describePath(d.keys);
  // "Thread 2 has no name." already names the item its field belongs to.
  const item = describePath(d.keys.slice(0, d.keys.findLastIndex((k) => typeof k === 'number') + 1));
  return d.message.startsWith(where) || (item !== 'Front matter' && d.message.startsWith(item)) ? d.message : `${where}: ${d.message}`;
}

export function ProblemsPanel({ diagnostics: given, onGo, onClose, onFix }: Props) {
  const id = useId();
  const diagnostics = [...given].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const listRef = useRef<HTMLUListElement>(null);
  const headRef = useRef<HTMLHeadingElement>(null);
  // The row whose fix was applied: once the list has changed, the keyboard goes to the row now in its place.
  const fixedAt = useRef<{ index: number; count: number } | null>(null);
  useLayoutEffect(() => {
    const pending = fixedAt.current;
    if (!pending || diagnostics.length === pending.count) return;
    fixedAt.current = null;
    const rows = listRef.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [];
    const row = rows[Math.min(pending.index, rows.length - 1)];
    (row?.querySelector<HTMLElement>('.fix-btn') ?? row?.querySelector<HTMLElement>('.problem') ?? headRef.current)?.focus();
  });
  const fix: ApplyFix | undefined = onFix
    ? (d, f) => {
        const done = onFix(d, f);
        // An edit changes the list at once; a rename or a new person once the contract answered.
        if (done) fixedAt.current = { index: diagnostics.indexOf(d), count: diagnostics.length };
        return done;
      }
    : undefined;
  return (
    <section className="problems" aria-label="Problems">
      <header className="problems-head">
        <h2 ref={headRef} tabIndex={-1}>Problems</h2>
        <span className="muted">{errors} error{errors === 1 ? '' : 's'}, {diagnostics.length - errors} warning{diagnostics.length - errors === 1 ? '' : 's'}{errors ? ' — errors block saving' : ''}</span>
        <div className="spacer" />
        <button type="button" className="icon-btn" aria-label="Close problems" title="Close" onClick={onClose}><Icon name="close" /></button>
      </header>
      {diagnostics.length === 0 ? <p className="empty">No problems. The book can be saved.</p> : null}
      <ul className="problem-list" ref={listRef}>
        {diagnostics.map((d, i) => (
          <li key={i} className={d.fixes?.length && fix ? 'has-fixes' : undefined}>
            <button type="button" className={`problem problem-${d.severity}`} onClick={() => onGo(d)}>
              <Icon name={d.severity === 'error' ? 'error' : 'warning'} size={14} />
              <span className="problem-msg" id={`${id}-${i}`}>{problemText(d)}</span>
              <span className="problem-pos muted">Ln {d.range.startLine}, Col {d.range.startColumn}</span>
            </button>
            {fix ? <FixButtons diagnostic={d} onFix={fix} describedBy={`${id}-${i}`} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
