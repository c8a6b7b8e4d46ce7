/** A field's diagnostics, shown under it. */
import type { Diagnostic } from '../../../shared/index';
import { useId } from 'react';
import { Icon } from './Icon';
import { FieldFixes } from './FixButtons';

/** What every labelled field of the form takes. */
export interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Dotted path of the value, so a problem can take the user here. */
  readonly path: string;
  readonly diagnostics?: readonly Diagnostic[];
  readonly readOnly?: boolean;
}

/** The messages of a field, each with the buttons of its fixes (where the form offers them, through FixContext). */
export function FieldMessages({ id, diagnostics }: { readonly id?: string; readonly diagnostics: readonly Diagnostic[] | undefined }) {
  const own = useId();
  if (!diagnostics?.length) return null;
  return (
    <ul className="field-messages" id={id}>
      {diagnostics.map((d, i) => (
        <li key={i} className={`msg msg-${d.severity}`}>
          <Icon name={d.severity === 'error' ? 'error' : 'warning'} size={14} />
          <span className="msg-text">
            <span id={`${own}-${i}`}>{d.message}</span>
            {d.fixes?.length ? <FieldFixes diagnostic={d} describedBy={`${own}-${i}`} /> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The worst severity of a list, for a field's outline. */
export const severityOf = (list: readonly Diagnostic[] | undefined): 'error' | 'warning' | null =>
  list?.some((d) => d.severity === 'error') ? 'error' : list?.length ? 'warning' : null;
