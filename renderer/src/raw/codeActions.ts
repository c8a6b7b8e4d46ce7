/**
 * The raw view's quick fixes (Monaco's code actions: the lightbulb, Ctrl+.): the fixes of
 * the diagnostics at the cursor or selection. Applying one runs a command that hands the
 * fix to the page, which applies it through the store like the problems list does (one
 * undo step named after it); the text then comes back into Monaco through the RawSync.
 */
import type { Diagnostic, Fix } from '../../../shared/index';

/** A fix offered at a place: the diagnostic it repairs, and whether it is that diagnostic's best. */
export interface FixAt {
  readonly diagnostic: Diagnostic;
  readonly fix: Fix;
  readonly preferred: boolean;
}

/** The fixes of the diagnostics whose range touches the offsets `from`..`to` of the text, in the diagnostics' order, each diagnostic's best first, each fix once. */
export function fixesAt(diagnostics: readonly Diagnostic[], from: number, to: number): FixAt[] {
  const out: FixAt[] = [];
  // Two diagnostics of one mistake (no `link`, an unknown `list`) offer the same fix: the menu lists it once.
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!d.fixes?.length || d.range.from > to || d.range.to < from) continue;
    d.fixes.forEach((fix, i) => {
      if (seen.has(fix.label)) return;
      seen.add(fix.label);
      out.push({ diagnostic: d, fix, preferred: i === 0 });
    });
  }
  return out;
}
