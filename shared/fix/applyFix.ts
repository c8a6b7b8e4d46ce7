/** Getting and applying the edits of fixes: one fix for the page, every safe fix for `--fix`. */
import { applyEdits } from '../book/document';
import type { BookDocument, Edit } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import { validate } from '../book/validate';
import type { SiteContext } from '../book/validate';
import { EditError } from '../yaml/edit';
import { providersOf } from './attach';
import type { Fix } from './fix';

/**
 * The edits of the edit fix `fixId` of diagnostic `d`, computed from `doc` as it is now
 * (the diagnostic only says where). Throws an EditError when `d` does not offer that fix
 * in `doc` (any more), or when the fix is an action of the contract, not edits.
 */
export function fixEdits(doc: BookDocument, d: Diagnostic, fixId: string, site: SiteContext = {}): Edit[] {
  for (const p of providersOf(d.code)) {
    const fix = p.offer(doc, d, site).find((f) => f.id === fixId);
    if (!fix) continue;
    if (fix.kind !== 'edit') throw new EditError(`"${fix.label}" is not an edit of the text: it goes through the ${fix.kind === 'rename-book' ? 'renameBook' : 'createPerson'} call.`);
    return p.edits(doc, d, fixId, site);
  }
  throw new EditError(`The fix ${JSON.stringify(fixId)} does not apply to "${d.message}" any more.`);
}

/** A fix that `fixAll` applied, with where its diagnostic was in the text it was applied to. */
export interface AppliedFix {
  readonly code: string;
  readonly fix: Fix;
  readonly line: number;
  readonly column: number;
}

/** Options of `fixAll`. */
export interface FixAllOptions {
  /** Only the fixes marked safe (default true): what `--fix` applies. */
  readonly safeOnly?: boolean;
}

/** A fix cascades at most this many times (a renamed key whose link then has tracking parameters…). */
const MAX_PASSES = 5;

/**
 * Applies every (safe) edit fix, the first each diagnostic offers. Each pass applies its
 * fixes from the end of the text backwards, so the paths of those still to come do not
 * move, then validates again for fixes that only the previous ones made possible.
 */
export function fixAll(doc: BookDocument, site: SiteContext = {}, options: FixAllOptions = {}): { readonly doc: BookDocument; readonly text: string; readonly applied: readonly AppliedFix[] } {
  const safeOnly = options.safeOnly ?? true;
  const applied: AppliedFix[] = [];
  let current = doc;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const todo = validate(current, site)
      .map((d) => ({ d, fix: d.fixes?.find((f) => f.kind === 'edit' && (f.safe || !safeOnly)) }))
      .filter((x): x is { d: Diagnostic; fix: Fix } => x.fix !== undefined)
      .sort((a, b) => b.d.range.from - a.d.range.from);
    let changed = false;
    for (const { d, fix } of todo) {
      let edits: Edit[];
      try {
        edits = fixEdits(current, d, fix.id, site);
      } catch {
        continue; // an earlier fix of this pass already repaired it
      }
      if (edits.length === 0) continue;
      let next: BookDocument;
      try {
        next = applyEdits(current, edits);
      } catch {
        continue; // a value that cannot be written back leaves the problem for the user
      }
      if (next.text === current.text) continue;
      applied.push({ code: d.code, fix, line: d.range.startLine, column: d.range.startColumn });
      current = next;
      changed = true;
    }
    if (!changed) break;
  }
  return { doc: current, text: current.text, applied };
}
