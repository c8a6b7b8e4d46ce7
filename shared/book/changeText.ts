/**
 * A document after one change of its text, for undo and redo: when the text it goes to is
 * known to read cleanly, only the part of the tree that holds the change is read again
 * (CodeMirror's history keeps changes, and its parser reuses what did not change); in
 * any other case the whole text is read, as openBook does.
 */
import { rereadChange } from '../yaml/reread';
import type { BookDocument } from './document';
import { openBook } from './document';
import type { TextEdit } from './textEdit';
import { applyTextEdit, lineAligned } from './textEdit';

/** A line that would open or close a front matter, or a byte openBook reports: only a whole reading judges these. */
const CLOSER = /(?:^|\n)(?:---|\.\.\.)[ \t]*\r?(?:\n|$)/;
const REPORTED = /[\0\uFFFD]/;

/** Whether a document reads cleanly: a tree and no reading problems. */
export const readsCleanly = (doc: BookDocument): boolean => doc.tree !== null && doc.diagnostics.length === 0;

/** The document after `edit`; `clean` says the resulting text is known to read cleanly (it did before: an undo or redo target). */
export function changeText(doc: BookDocument, change: TextEdit, clean: boolean): BookDocument {
  const edit = lineAligned(doc.text, change);
  const text = applyTextEdit(doc.text, edit);
  const { split, tree } = doc;
  if (!clean || !split || !tree || !readsCleanly(doc)) return openBook(text);
  if (edit.from >= split.bodyStart) return { ...doc, text, body: text.slice(split.bodyStart), tree: { ...tree, text } };
  if (edit.from < split.start || edit.to > split.end || REPORTED.test(edit.insert)) return openBook(text);
  const delta = edit.insert.length - (edit.to - edit.from);
  const end = split.end + delta;
  const changed = edit.from + edit.insert.length;
  // The front matter still ends with a line break before its closing line.
  if (changed === end && end > split.start && text.charCodeAt(end - 1) !== 10) return openBook(text);
  // The lines the change touches, as they now are, up to the closing line: none may open or close a front matter.
  const lineStart = text.lastIndexOf('\n', edit.from - 1) + 1;
  const lineEnd = text.indexOf('\n', changed);
  if (CLOSER.test(text.slice(lineStart, Math.min(lineEnd < 0 ? text.length : lineEnd + 1, end)))) return openBook(text);
  const next = rereadChange(tree, edit.from, edit.to, edit.insert);
  if (!next) return openBook(text);
  return { text, data: next.root.value, body: doc.body, diagnostics: [], split: { ...split, end, bodyStart: split.bodyStart + delta }, tree: next };
}
