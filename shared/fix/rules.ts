/** The book rules whose problems have fixes, run by `validate` on a front matter that is a mapping. */
import type { SiteContext } from '../book/validate';
import type { Value } from '../yaml/tree';
import { checkAuthorNames } from './authorId';
import type { Report } from './fix';
import { checkDescription } from './rewriteDescription';
import { checkWeek } from './siteWeek';
import { checkAuthorLists } from './splitAuthors';
import { checkTracking } from './trackingParams';
import { checkNameSpaces } from './trimName';

/** Description form, author names and lists, the site's week, tracking parameters, names with spaces. */
export function fixRules(data: { readonly [key: string]: Value }, site: SiteContext, report: Report): void {
  checkDescription(data, site, report);
  if (Array.isArray(data.authors)) {
    checkAuthorNames(data.authors, site, report);
    checkAuthorLists(data.authors, report);
  }
  checkWeek(data, report);
  if (Array.isArray(data.links)) checkTracking(data.links, report);
  if (Array.isArray(data.archive)) checkNameSpaces(data.archive, report);
}
