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
export { bookOf, describePath, BOOK_KEYS } from './book/model';
export type { Book, Thread, Reply, Link } from './book/model';
export {
  isObj, str, listOf, fieldOf, threadsOf, threadCount, repliesOf, replyCount, authorsOf, nameOf, textOf, firstLine,
  threadLabel, replyLabel, threadMatches, formatPeopleName, defaultReplier, same, byPathOf,
} from './book/readers';
export type { Obj, PersonName } from './book/readers';
// The edits of the book, one file each: (doc, args) => Edit[], with a label for the undo menu.
export { bookEdit, labelOf, applyBookEdit } from './book/edits/bookEdit';
export type { BookEdit } from './book/edits/bookEdit';
export { setField } from './book/edits/setField';
export type { TextField } from './book/edits/setField';
export { addAuthor } from './book/edits/addAuthor';
export { removeAuthor } from './book/edits/removeAuthor';
export { moveAuthor } from './book/edits/moveAuthor';
export { addLink } from './book/edits/addLink';
export { setLink } from './book/edits/setLink';
export type { SetLinkArgs } from './book/edits/setLink';
export { removeLink } from './book/edits/removeLink';
export { moveLink } from './book/edits/moveLink';
export { addThread } from './book/edits/addThread';
export { editThread } from './book/edits/editThread';
export type { EditThreadArgs } from './book/edits/editThread';
export { removeThread } from './book/edits/removeThread';
export { moveThread } from './book/edits/moveThread';
export { mergeThreads } from './book/edits/mergeThreads';
export { demoteThread } from './book/edits/demoteThread';
export type { DemoteThreadArgs } from './book/edits/demoteThread';
export { addReply } from './book/edits/addReply';
export { editReply } from './book/edits/editReply';
export type { EditReplyArgs } from './book/edits/editReply';
export { removeReply } from './book/edits/removeReply';
export { moveReply } from './book/edits/moveReply';
export type { MoveReplyArgs } from './book/edits/moveReply';
export { promoteReply } from './book/edits/promoteReply';
export { EditError, pathText, rangeOf } from './yaml/edit';
export type { Path, PathSegment, Tree } from './yaml/edit';
export type { Value, YNode, CollectionNode, Entry, ScalarNode } from './yaml/tree';
export { valueEquals } from './yaml/value';
export { commitMessage, messageLines, sayPhrases, joinWords } from './git/commitMessage';
export type { MessageFile } from './git/commitMessage';
export { bookChangePhrases, VERBS } from './git/bookChanges';
export type { Phrase } from './git/bookChanges';
/** "Keep both": the editor's changes since the read replayed on the disk's text, with the conflicts in words. */
export { mergeBook, mergeSummary } from './book/merge';
export type { MergeConflict, MergeConflictKind, MergeOptions, MergeResult } from './book/merge';
