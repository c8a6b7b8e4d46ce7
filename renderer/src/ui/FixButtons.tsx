/**
 * The buttons of a diagnostic's fixes (one per fix, labelled with what it does), shown in
 * the problems list and under a field. Generic: the container says what applying one does
 * (through `FixContext` for the fields, by a prop in the problems list).
 */
import { createContext, useContext } from 'react';
import type { Diagnostic, Fix } from '../../../shared/index';
import { Icon } from './Icon';

/** Applies a fix of a diagnostic; returns whether something was done. */
export type ApplyFix = (d: Diagnostic, fix: Fix) => boolean;

/** What the fields' messages call to apply a fix; null where fixes are not offered (a read-only book). */
export const FixContext = createContext<ApplyFix | null>(null);

interface Props {
  readonly diagnostic: Diagnostic;
  readonly onFix: ApplyFix;
  /** The id of the problem's text, so each button is read with the problem it fixes. */
  readonly describedBy?: string;
}

export function FixButtons({ diagnostic, onFix, describedBy }: Props) {
  if (!diagnostic.fixes?.length) return null;
  return (
    <span className="fix-buttons" role="group" aria-label="Fixes">
      {diagnostic.fixes.map((fix) => (
        <button key={fix.id} type="button" className="btn btn-small fix-btn" data-fix={fix.id} aria-describedby={describedBy} onClick={() => onFix(diagnostic, fix)}>
          <Icon name="fix" size={12} />
          {fix.label}
        </button>
      ))}
    </span>
  );
}

/** The fix buttons of a field's message, when the form offers fixes. */
export function FieldFixes({ diagnostic, describedBy }: { readonly diagnostic: Diagnostic; readonly describedBy?: string }) {
  const onFix = useContext(FixContext);
  return onFix ? <FixButtons diagnostic={diagnostic} onFix={onFix} describedBy={describedBy} /> : null;
}
