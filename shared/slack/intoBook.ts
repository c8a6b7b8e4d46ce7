/**
 * Chosen threads into a book: appended to its `archive` (created when missing) through the
 * lossless core, as one list of edits, one undo step. New items are written in the style of
 * the archive's other items (PyYAML's where PyYAML wrote them); no other byte changes.
 */
import { bookOf, EditError } from '../index';
import type { BookDocument, Edit, Reply } from '../index';
import { isPlainObject } from '../yaml/value';
import { threadKey } from './plan';

/** A thread to import: the name and text of its first message and its replies. */
export interface ImportThread extends Reply {
  readonly replies: readonly Reply[];
}

/** The edits that import threads, and what they do. */
export interface ImportEdits {
  readonly edits: Edit[];
  /** The undo step's label: "Import 23 threads from Slack". */
  readonly label: string;
  /** Threads the edits add. */
  readonly added: number;
  /** Threads left out because the archive holds them already (same name and text). */
  readonly duplicates: number;
}

/**
 * The edits that append `threads` to the archive of `doc`, skipping those the archive holds
 * already (two equal threads within one import are both kept: the same person may well post
 * "Thank you!" twice). Throws an EditError when the archive is not a list.
 */
export function importEdits(doc: BookDocument, threads: readonly ImportThread[]): ImportEdits {
  const data = doc.data;
  if (!doc.tree || !isPlainObject(data)) throw new EditError('The book cannot be edited: fix its front matter first.');
  const archive = data.archive;
  if (archive != null && !Array.isArray(archive)) throw new EditError('The book\'s archive is not a list of threads: fix it in the raw view first.');
  const known = new Set(bookOf(data)!.archive.map(threadKey));
  const added = threads.filter((t) => !known.has(threadKey(t))).map((t) => ({ name: t.name, text: t.text, replies: t.replies.map((r) => ({ name: r.name, text: r.text })) }));
  const n = added.length;
  const at = Array.isArray(archive) ? archive.length : 0;
  // A book without threads gets its archive in one edit: one splice, where n inserts would re-read the growing text n times.
  const edits: Edit[] = n > 0 && at === 0 ? [{ op: 'set', path: ['archive'], value: added }] : added.map((value, i) => ({ op: 'insert', path: ['archive'], index: at + i, value }));
  const duplicates = threads.length - n;
  return { edits, label: `Import ${n} thread${n === 1 ? '' : 's'} from Slack`, added: n, duplicates };
}
