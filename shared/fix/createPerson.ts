/**
 * An author id with no people page → "Create person…": `_people/<id>.md` in the site's
 * form (`_people/_template.md`): `short`, `title` and `picture`, then the social fields
 * that are given (the template leaves a blank line for each missing one; we leave none),
 * then the bio as the body.
 */
import type { BookDocument } from '../book/document';
import type { Diagnostic } from '../book/diagnostic';
import { openBook } from '../book/document';
import { emitDouble } from '../yaml/emit';
import { coreReadsAsString, yaml11ReadsAsString } from '../yaml/scalarRules';
import { isPlainObject } from '../yaml/value';
import { valueAt } from './fix';
import type { Fix, FixProvider } from './fix';

/** What a new people file holds. */
export interface NewPerson {
  /** The id books use in `authors` (`short`), also the file name. */
  readonly id: string;
  /** The display name (`title`). */
  readonly name: string;
  readonly github?: string;
  readonly twitter?: string;
  readonly linkedin?: string;
  /** A web address. */
  readonly web?: string;
  /** A few sentences about the person: the file's body. */
  readonly bio?: string;
}

/** What a people id looks like (`short` in `_people/<id>.md`). */
export const PERSON_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;

const SOCIAL = ['github', 'twitter', 'linkedin', 'web'] as const;

/** A value as the people files write it: plain when both YAML readers read it back as that text, quoted otherwise. */
function plainOrQuoted(s: string): string {
  const plain = /^[A-Za-z0-9_.~/-][A-Za-z0-9_.~/:@?=&%+-]*$/.test(s) && !s.includes(': ') && coreReadsAsString(s) && yaml11ReadsAsString(s);
  return plain ? s : emitDouble(s);
}

/** The site-relative path of a person's file. */
export const personPath = (id: string): string => `_people/${id}.md`;

/** The text of a new people file; throws an Error when it would not read back as asked. */
export function personText(p: NewPerson): string {
  const lines = ['---', `short: ${plainOrQuoted(p.id)}`, `title: ${emitDouble(p.name.trim())}`, `picture: ${emitDouble(`images/authors/${p.id}.jpg`)}`];
  for (const key of SOCIAL) {
    const v = p[key]?.trim();
    if (v) lines.push(`${key}: ${plainOrQuoted(v)}`);
  }
  lines.push('---', '', p.bio?.trim() ?? '');
  const text = lines.join('\n');
  const data = openBook(text).data;
  const same = isPlainObject(data) && data.short === p.id && data.title === p.name.trim() && SOCIAL.every((k) => (data[k] ?? '') === (p[k]?.trim() ?? ''));
  if (!same) throw new Error(`The people file for "${p.id}" does not read back as asked; please change the name or the fields.`);
  return text;
}

/** The author id a people diagnostic is about, when it still has no page. */
function missingId(doc: BookDocument, d: Diagnostic, people: readonly string[] | undefined): string | null {
  const id = valueAt(doc.data, d.keys);
  return typeof id === 'string' && PERSON_ID.test(id) && !people?.includes(id) ? id : null;
}

function offer(doc: BookDocument, d: Diagnostic, site: { readonly people?: readonly string[] }): Fix[] {
  const id = missingId(doc, d, site.people);
  return id ? [{ kind: 'create-person', id: 'create-person', label: `Create person "${id}"…`, safe: false, person: id }] : [];
}

/** Offers to create the missing people page. */
export const createPersonFix: FixProvider = { codes: ['people'], offer, edits: () => [] };
