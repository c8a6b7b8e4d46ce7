/** The core: everything the Node side and the renderer share. No Node, no DOM. */
export { openBook, applyEdit, applyEdits, checkEdit, checkValue } from './book/document';
export type { BookDocument, Edit } from './book/document';
export { validate, sortDiagnostics, isValidDateTime, didYouMean, REQUIRED_KEYS, DATE_FORMAT } from './book/validate';
export type { SiteContext } from './book/validate';
export { siteContextFor, coverPathOf } from './book/siteContext';
export type { BookWeek, SiteFacts } from './book/siteContext';
export { LineIndex } from './book/diagnostic';
export type { Diagnostic, Range, Severity } from './book/diagnostic';
export { DESCRIPTION_PREFIX, descriptionFor, displayNames, expectedDescription, joinNames } from './book/descriptionForm';
export { addDays, idDate, idForWeek, mondayOf, siteWeek } from './book/week';
export { fixEdits, fixAll } from './fix/applyFix';
export type { AppliedFix, FixAllOptions } from './fix/applyFix';
export type { Fix, EditFix, RenameBookFix, CreatePersonFix } from './fix/fix';
export { followDescription } from './fix/followDescription';
export { nameSuggestions } from './fix/nameSuggestions';
export { bookIdOf, bookPathForDate, imageFolderOf, renameBookEdits, rescheduleEdits, rescheduledPath } from './fix/renameBook';
export { weekEdits } from './fix/siteWeek';
export { withoutTracking } from './fix/trackingParams';
export { PERSON_ID, personPath, personText } from './fix/createPerson';
export type { NewPerson } from './fix/createPerson';
export { splitFrontMatter } from './book/frontMatter';
export type { FrontMatterSplit } from './book/frontMatter';
export {
  bookOf, describePath, BOOK_KEYS,
  addReply, addReplyEdits, addThreadEdits, promoteReply, promoteReplyEdits,
  demoteThread, demoteThreadEdits, mergeThreads, mergeThreadsEdits,
} from './book/model';
export type { Book, Thread, Reply, Link } from './book/model';
export { EditError, pathText, rangeOf } from './yaml/edit';
export type { Path, PathSegment, Tree } from './yaml/edit';
export type { Value, YNode, CollectionNode, Entry, ScalarNode } from './yaml/tree';
export { valueEquals } from './yaml/value';
export { commitMessage, messageLines, sayPhrases, joinWords } from './git/commitMessage';
export type { MessageFile } from './git/commitMessage';
export { bookChangePhrases, VERBS } from './git/bookChanges';
export type { Phrase } from './git/bookChanges';
