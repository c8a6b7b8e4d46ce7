/**
 * Fixes: repairs a diagnostic carries (VS Code's code actions). An `edit` fix is pure
 * edits of this book through the lossless core (`fixEdits`); the other kinds touch other
 * files and go through the contract (`renameBook`, `createPerson`).
 */
import type { BookDocument, Edit } from '../book/document';
import type { Diagnostic, Severity } from '../book/diagnostic';
import type { Path } from '../yaml/edit';
import type { Value } from '../yaml/tree';
import { isPlainObject } from '../yaml/value';
import type { SiteContext } from '../book/validate';

interface FixBase {
  /** Names the fix among its diagnostic's fixes, e.g. `rename-key`, `author-id:sararobinson`. */
  readonly id: string;
  /** What it does, in words, for a menu or a button: `Rename "list" to "link"`. */
  readonly label: string;
  /** Whether `--fix` applies it unasked: it edits only this book and removes no text. */
  readonly safe: boolean;
}

/** Edits of this book; get them with `fixEdits(doc, diagnostic, fix.id, site)`. */
export interface EditFix extends FixBase {
  readonly kind: 'edit';
}

/** Renames the book (file, image folder, `cover` and `image`) to `to` with the contract's `renameBook`. */
export interface RenameBookFix extends FixBase {
  readonly kind: 'rename-book';
  /** The new site-relative book path, e.g. `_books/20220110-machine-learning.md`. */
  readonly to: string;
}

/** Creates `_people/<person>.md` with the contract's `createPerson` (the page asks for the name first). */
export interface CreatePersonFix extends FixBase {
  readonly kind: 'create-person';
  /** The people id to create. */
  readonly person: string;
}

/** A repair a diagnostic offers. */
export type Fix = EditFix | RenameBookFix | CreatePersonFix;

/** The fixes of one kind of diagnostic: what it offers, and the edits of an offered `edit` fix. */
export interface FixProvider {
  /** The diagnostic codes it repairs. */
  readonly codes: readonly string[];
  /** The fixes for `d` in `doc`, best first; none when it cannot help. */
  offer(doc: BookDocument, d: Diagnostic, site: SiteContext): Fix[];
  /** The edits of the offered edit fix `id`, computed from `doc` as it is now; [] when there is nothing left to do. */
  edits(doc: BookDocument, d: Diagnostic, id: string, site: SiteContext): Edit[];
}

/** How a rule reports a problem at a path (validation computes the range). */
export type Report = (severity: Severity, code: string, path: Path, message: string) => void;

/** The value at `path` in a front matter value; undefined when there is none. */
export function valueAt(data: Value | null, path: Path): Value | undefined {
  let v: Value | undefined = data ?? undefined;
  for (const seg of path) {
    if (typeof seg === 'number' ? !Array.isArray(v) : !isPlainObject(v)) return undefined;
    v = typeof seg === 'number' ? (v as Value[])[seg] : Object.prototype.hasOwnProperty.call(v, seg) ? (v as { [k: string]: Value })[seg] : undefined;
  }
  return v;
}
