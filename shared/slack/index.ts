/**
 * Importing Q&A from a Slack export. Pure: no Node, no DOM. The editor's dialog and the
 * command line both: build a source (`zipSource`, `folderSource`), `planImport` it against
 * the book, let the user choose threads, then apply `importEdits` as one undo step.
 */
export { planImport, DEFAULT_CHANNEL } from './plan';
export type { ImportPlan, PlanOptions, PlannedThread, Skipped, ThreadFlag } from './plan';
export { importEdits } from './intoBook';
export type { ImportEdits, ImportThread } from './intoBook';
export { folderSource, ImportError } from './source';
export type { ExportSource, ExportFile } from './source';
export { zipSource } from './zipSource';
export type { ByteStream } from './zipSource';
export type { ExportProblem } from './readExport';
export type { ImportWindow } from './window';
export { mrkdwnToMarkdown } from './mrkdwn';
export type { MrkdwnContext, Converted } from './mrkdwn';
export { loadEmoji } from './emoji';
export type { EmojiTable } from './emoji';
