/**
 * `npm run validate -- [--fix] <files or folders>`: checks book files as the editor does and
 * prints one line per problem, `path:line:col: error|warning: message`, then a summary.
 * A site (or its `_books/`) is opened as a workspace, so its books are checked against
 * its people, weeks and covers exactly as the library and the editor check them.
 * Exit status: 0 clean or warnings only, 1 when any error was found, 2 when an argument
 * cannot be read. Usable in the site's own CI. With `--fix`, every safe fix is applied
 * first (each file written atomically), one line per fix, `path:line:col: fixed: what`;
 * the problems and the exit status are then those that remain.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fixAll, openBook, validate } from '../shared/index';
import type { AppliedFix, Diagnostic } from '../shared/index';
import { writeAtomic } from './workspace/atomicWrite';
import { notUtf8Diagnostic } from './workspace/bookChecker';
import { errnoCode, WorkspaceError } from './workspace/errors';
import { decodeUtf8, describeErrno, firstBadUtf8, kindOf, readRegularFile } from './workspace/fileBytes';
import { locateSite } from './workspace/siteRoot';
import { Workspace } from './workspace/workspace';
import type { CheckedFile } from './workspace/workspace';

/** The usage text. */
export const VALIDATE_USAGE = 'usage: npm run validate -- [--fix] <book files, _books folders or site folders>';

/** What the command line asks for. */
export interface ValidateArgs {
  readonly targets: readonly string[];
  /** Apply the safe fixes first. */
  readonly fix: boolean;
  readonly help: boolean;
}

/** Parses the arguments after the script name; throws an Error with a message for a bad one. */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs {
  const targets: string[] = [];
  let fix = false;
  let help = false;
  let onlyTargets = false;
  for (const a of argv) {
    if (onlyTargets || !a.startsWith('-') || a === '-') targets.push(a);
    else if (a === '--') onlyTargets = true;
    else if (a === '--fix') fix = true;
    else if (a === '--help' || a === '-h') help = true;
    else throw new Error(`Unknown option ${a}.`);
  }
  return { targets, fix, help };
}

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;

/** A text on one line: control characters (a newline in a file name, …) written as escapes. */
export function oneLine(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(new RegExp(CONTROL.source, 'g'), (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line per diagnostic, in the format editors and CI annotate. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return lineOf(oneLine(file), d);
}

/** The line of a diagnostic of a file whose name is already on one line. */
const lineOf = (shown: string, d: Diagnostic) => `${shown}:${d.range.startLine}:${d.range.startColumn}: ${d.severity}: ${oneLine(d.message)}`;

/** What one book file is to the command line: a book of a site (checked through its workspace), or a file on its own. */
type Unit = { readonly kind: 'book'; readonly ws: Workspace; readonly rel: string; readonly shown: string } | { readonly kind: 'alone'; readonly file: string; readonly shown: string } | { readonly kind: 'problem'; readonly shown: string; readonly problem: string };

/** The fixes applied to a file, or why it was not fixed. */
type FixOutcome = { readonly applied: readonly AppliedFix[] } | { readonly refused: string };

/** The command line's sites, each opened once as a workspace that checks in this thread. */
class Sites {
  private readonly open = new Map<string, Workspace>();

  workspace(root: string): Workspace {
    let ws = this.open.get(root);
    if (!ws) {
      // The command line leaves temp files and backups to the editor.
      ws = new Workspace(root, { checkInWorker: false, cleanTemps: false });
      this.open.set(root, ws);
    }
    return ws;
  }

  close(): void {
    for (const ws of this.open.values()) ws.close();
  }
}

const shownAs = (p: string) => path.relative(process.cwd(), p) || p;

/** One book file: a book of its site when it is one, else a file on its own. */
async function unitOf(file: string, sites: Sites): Promise<Unit> {
  const site = await locateSite(file).catch(() => null);
  return site?.book ? { kind: 'book', ws: sites.workspace(site.root), rel: site.book, shown: shownAs(file) } : { kind: 'alone', file, shown: shownAs(file) };
}

/** The book files named by an argument: a book file, a site folder, its `_books/` folder, or any folder of .md files. */
async function unitsOf(target: string, sites: Sites): Promise<Unit[]> {
  const stat = await fs.stat(target);
  if (stat.isFile()) return [await unitOf(target, sites)];
  if (!stat.isDirectory()) throw new WorkspaceError('not-a-file', `it is ${kindOf(stat)}, not a file or folder`);
  const isDir = (p: string) => fs.stat(p).then((s) => s.isDirectory(), () => false);
  const siteDir = (await isDir(path.join(target, '_books'))) ? target : path.basename(path.resolve(target)) === '_books' ? path.dirname(target) : null;
  if (siteDir !== null) {
    const ws = sites.workspace(siteDir);
    return (await ws.listBooks()).map((b) => b.path).sort().map((rel) => ({ kind: 'book', ws, rel, shown: shownAs(path.join(siteDir, ...rel.split('/'))) }));
  }
  const out: Unit[] = [];
  for (const n of (await fs.readdir(target)).filter((f) => f.endsWith('.md')).sort()) {
    const file = path.join(target, n);
    const kind = await fs.stat(file).catch(() => null);
    out.push(kind && !kind.isFile() ? { kind: 'problem', shown: shownAs(file), problem: `It is ${kindOf(kind)}, not a file: it was not read.` } : await unitOf(file, sites));
  }
  return out;
}

/** Reads a file that is not a book of a site: its bytes and text, or why not. */
async function readAlone(file: string, shown: string): Promise<{ bytes: Buffer; text: string } | { problem: string }> {
  try {
    const { bytes } = await readRegularFile(await fs.realpath(file), shown);
    return { bytes, text: decodeUtf8(bytes) };
  } catch (e) {
    return { problem: e instanceof WorkspaceError ? e.message : `${shown} cannot be read: ${describeErrno(errnoCode(e))}.` };
  }
}

/** Applies the safe fixes to a file on its own (no site facts), atomically. */
async function fixAlone(file: string, shown: string): Promise<FixOutcome> {
  const read = await readAlone(file, shown);
  if ('problem' in read) return { refused: read.problem };
  const { text, applied } = fixAll(openBook(read.text));
  if (applied.length === 0) return { applied };
  if (firstBadUtf8(read.bytes) >= 0) return { refused: 'the file is not valid UTF-8, and writing it back would change more than the fixes' };
  await writeAtomic(await fs.realpath(file), Buffer.from(text, 'utf8'));
  return { applied };
}

/** The diagnostics of each unit, or why it was not read: the books of a site checked in one scan of it. */
async function check(units: readonly Unit[]): Promise<{ problem?: string; diagnostics: readonly Diagnostic[] }[]> {
  const bySite = new Map<Workspace, string[]>();
  for (const u of units) if (u.kind === 'book') bySite.set(u.ws, [...(bySite.get(u.ws) ?? []), u.rel]);
  const books = new Map<Workspace, Map<string, CheckedFile>>();
  for (const [ws, rels] of bySite) books.set(ws, new Map((await ws.checkBooks(rels)).map((c) => [c.path, c])));
  return Promise.all(units.map(async (unit) => {
    if (unit.kind === 'problem') return { problem: unit.problem, diagnostics: [] };
    if (unit.kind === 'book') return books.get(unit.ws)!.get(unit.rel)!;
    const read = await readAlone(unit.file, unit.shown);
    if ('problem' in read) return { problem: read.problem, diagnostics: [] };
    const bad = firstBadUtf8(read.bytes);
    const diagnostics = validate(openBook(read.text));
    return { diagnostics: bad < 0 ? diagnostics : [notUtf8Diagnostic(read.bytes, bad, read.text), ...diagnostics] };
  }));
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let args: ValidateArgs;
  try {
    args = parseValidateArgs(argv);
  } catch (e) {
    err(`${(e as Error).message}\n${VALIDATE_USAGE}`);
    return 2;
  }
  if (args.help || args.targets.length === 0) {
    err(VALIDATE_USAGE);
    return args.help ? 0 : 2;
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  let fixes = 0;
  let fixedFiles = 0;
  let errors = 0;
  let warnings = 0;
  let files = 0;
  let unreadable = false;
  const sites = new Sites();
  try {
    for (const target of args.targets) {
      let units: Unit[];
      try {
        units = await unitsOf(target, sites);
      } catch (e) {
        err(`${oneLine(target)}: cannot read: ${oneLine(e instanceof WorkspaceError ? e.message : describeErrno(errnoCode(e)))}`);
        unreadable = true;
        continue;
      }
      files += units.length;
      if (args.fix) {
        for (const unit of units) {
          if (unit.kind === 'problem') continue;
          let outcome: FixOutcome;
          try {
            outcome = unit.kind === 'book' ? await unit.ws.fixBook(unit.rel) : await fixAlone(unit.file, unit.shown);
          } catch (e) {
            outcome = { refused: `cannot write: ${e instanceof WorkspaceError ? e.message : describeErrno(errnoCode(e))}` };
          }
          if ('refused' in outcome) {
            err(`${oneLine(unit.shown)}: not fixed: ${oneLine(outcome.refused)}`);
            unreadable = true;
          } else if (outcome.applied.length) {
            fixes += outcome.applied.length;
            fixedFiles++;
            for (const a of [...outcome.applied].sort((x, y) => x.line - y.line || x.column - y.column)) out(`${oneLine(unit.shown)}:${a.line}:${a.column}: fixed: ${oneLine(a.fix.label)}`);
          }
        }
      }
      const checked = await check(units);
      units.forEach((unit, i) => {
        const { problem, diagnostics } = checked[i]!;
        const shown = oneLine(unit.shown);
        if (problem) {
          out(`${shown}:1:1: error: ${oneLine(problem)}`);
          errors++;
        }
        for (const d of diagnostics) {
          out(lineOf(shown, d));
          if (d.severity === 'error') errors++;
          else warnings++;
        }
      });
    }
  } finally {
    sites.close();
  }
  if (args.fix) out(`Fixed ${plural(fixes, 'problem')} in ${plural(fixedFiles, 'file')}.`);
  out(`${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

const invokedDirectly = process.argv[1] && /validate-cli\.(m?js|ts)$/.test(process.argv[1]);
if (invokedDirectly) void main(process.argv.slice(2)).then((status) => (process.exitCode = status));
