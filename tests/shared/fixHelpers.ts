// Applying one fix the way the page will: validate, pick the diagnostic, get the fix's edits, apply them.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import * as jsyaml from 'js-yaml';
import { applyEdits, fixEdits, openBook, validate } from '../../shared/index';
import type { BookDocument, Diagnostic, SiteContext } from '../../shared/index';
import { CORPUS, hasCorpus } from '../corpus';
import { lineDiff } from '../lineDiff';
import type { LineDiff } from '../lineDiff';

export interface FixResult {
  readonly before: BookDocument;
  readonly after: BookDocument;
  readonly diagnostic: Diagnostic;
  readonly diff: LineDiff;
  /** The diagnostics of the fixed text. */
  readonly left: Diagnostic[];
  /** The fixed front matter as js-yaml reads it. */
  readonly yaml: Record<string, unknown>;
}

/** The diagnostic of `code` (at `path`, when given) in `text`. */
export function diagnosticOf(text: string, code: string, site: SiteContext, path?: string): Diagnostic {
  const found = validate(openBook(text), site).filter((d) => d.code === code && (path === undefined || d.path === path));
  expect(found.map((d) => `${d.code} ${d.path}`)).toHaveLength(1);
  return found[0]!;
}

/** Applies fix `fixId` of the diagnostic `code` (at `path`) and reads the result back. */
export function applyFix(text: string, code: string, fixId: string, site: SiteContext = {}, path?: string): FixResult {
  const before = openBook(text);
  const diagnostic = diagnosticOf(text, code, site, path);
  expect(diagnostic.fixes?.map((f) => f.id)).toContain(fixId);
  const after = applyEdits(before, fixEdits(before, diagnostic, fixId, site));
  const fresh = openBook(after.text);
  expect(fresh.data).toEqual(after.data);
  const fm = after.text.slice(after.split!.start, after.split!.end);
  const yaml = jsyaml.load(fm, { schema: jsyaml.CORE_SCHEMA }) as Record<string, unknown>;
  return { before, after, diagnostic, diff: lineDiff(text, after.text), left: validate(fresh, site), yaml };
}

/** The numbers of the lines a diff removed and added. */
export function changedLines(diff: LineDiff): { removed: number[]; added: number[] } {
  return { removed: diff.removed.map((l) => l.line), added: diff.added.map((l) => l.line) };
}

/** The corpus's people as the validation reads them: ids and display names (empty without the corpus). */
export function corpusPeople(): { people: string[]; names: { id: string; name: string }[] } {
  const names: { id: string; name: string }[] = [];
  const dir = path.join(CORPUS, '_people');
  if (!hasCorpus) return { people: [], names };
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.md') || f.startsWith('_')) continue;
    const data = openBook(fs.readFileSync(path.join(dir, f), 'utf8')).data as Record<string, unknown> | null;
    if (data) names.push({ id: String(data.short ?? f.slice(0, -3)).trim(), name: String(data.title ?? '').trim() });
  }
  return { people: names.map((n) => n.id), names };
}

/** A corpus book's text by file name. */
export const corpusBook = (name: string): string => fs.readFileSync(path.join(CORPUS, '_books', name), 'utf8');
