/** Which fixes each diagnostic carries: one table of providers by diagnostic code. */
import type { BookDocument } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import type { SiteContext } from '../book/validate';
import { authorIdFix } from './authorId';
import { createPersonFix } from './createPerson';
import type { FixProvider } from './fix';
import { removeEmptyReplyFix } from './removeEmptyReply';
import { renameBookFix } from './renameBook';
import { renameKeyFix } from './renameKey';
import { rewriteDescriptionFix } from './rewriteDescription';
import { siteWeekFix } from './siteWeek';
import { splitAuthorsFix } from './splitAuthors';
import { swapDatesFix } from './swapDates';
import { trackingParamsFix } from './trackingParams';
import { trimNameFix } from './trimName';

const PROVIDERS: readonly FixProvider[] = [
  renameKeyFix, rewriteDescriptionFix, authorIdFix, splitAuthorsFix, swapDatesFix, siteWeekFix,
  trackingParamsFix, removeEmptyReplyFix, trimNameFix, renameBookFix, createPersonFix,
];

const BY_CODE = new Map<string, FixProvider[]>();
for (const p of PROVIDERS) for (const code of p.codes) BY_CODE.set(code, [...(BY_CODE.get(code) ?? []), p]);

/** The providers that may repair a diagnostic of `code`. */
export function providersOf(code: string): readonly FixProvider[] {
  return BY_CODE.get(code) ?? [];
}

/** A provider's fixes; none when it fails, so that a fix can never stop validation from reporting. */
function offerSafely(p: FixProvider, doc: BookDocument, d: Diagnostic, site: SiteContext) {
  try {
    return p.offer(doc, d, site);
  } catch {
    return [];
  }
}

/** The diagnostics with their fixes attached (`fixes`, best first); those without a fix are returned as they are. */
export function attachFixes(doc: BookDocument, diagnostics: readonly Diagnostic[], site: SiteContext): Diagnostic[] {
  return diagnostics.map((d) => {
    const providers = providersOf(d.code);
    if (providers.length === 0) return d;
    const fixes = providers.flatMap((p) => offerSafely(p, doc, d, site));
    return fixes.length ? { ...d, fixes } : d;
  });
}
