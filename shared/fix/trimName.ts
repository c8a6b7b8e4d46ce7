/** A thread's or reply's name with spaces before or after it → trimmed. */
import type { BookDocument, Edit } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import type { Path } from '../yaml/edit';
import type { Value } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';
import { valueAt } from './fix';
import type { Fix, FixProvider, Report } from './fix';

const untrimmed = (v: Value | undefined): v is string => typeof v === 'string' && v.trim() !== '' && v.trim() !== v;

/** Warns for each thread and reply name with spaces around it. */
export function checkNameSpaces(archive: readonly Value[], report: Report): void {
  const check = (entry: Value | undefined, at: Path, what: string) => {
    if (isPlainObject(entry) && untrimmed(entry.name)) report('warning', 'name-spaces', [...at, 'name'], `${what}: the name ${JSON.stringify(entry.name)} has spaces around it.`);
  };
  archive.forEach((t, i) => {
    check(t, ['archive', i], `Thread ${i + 1}`);
    const replies = isPlainObject(t) && Array.isArray(t.replies) ? t.replies : [];
    replies.forEach((r, j) => check(r, ['archive', i, 'replies', j], `Thread ${i + 1}, reply ${j + 1}`));
  });
}

function offer(doc: BookDocument, d: Diagnostic): Fix[] {
  const name = valueAt(doc.data, d.keys);
  return untrimmed(name) ? [{ kind: 'edit', id: 'trim-name', label: `Trim the name to "${name.trim()}"`, safe: true }] : [];
}

function edits(doc: BookDocument, d: Diagnostic): Edit[] {
  const name = valueAt(doc.data, d.keys);
  return untrimmed(name) ? [{ op: 'set', path: d.keys, value: name.trim() }] : [];
}

/** Trims a thread's or reply's name. */
export const trimNameFix: FixProvider = { codes: ['name-spaces'], offer, edits };
