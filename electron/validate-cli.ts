/**
 * `npm run validate -- <files or folders>`: checks book files as the editor does and
 * prints one line per problem, `path:line:col: error|warning: message`, then a summary.
 * A site (or its `_books/`) is opened as a workspace, so its books are checked against
 * its people, weeks and covers exactly as the library and the editor check them.
 * Exit status: 0 clean or warnings only, 1 when any error was found, 2 when an argument
 * cannot be read. Usable in the site's own CI.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { openBook, validate } from '../shared/index';
import type { Diagnostic } from '../shared/index';
import { notUtf8Diagnostic } from './workspace/bookChecker';
import { errnoCode, WorkspaceError } from './workspace/errors';
import { decodeUtf8, describeErrno, firstBadUtf8, kindOf, readFileBytes } from './workspace/fileBytes';
import { locateSite } from './workspace/siteRoot';
import { Workspace } from './workspace/workspace';

/** The usage text. */
export const VALIDATE_USAGE = 'usage: npm run validate -- <book files, _books folders or site folders>';

/** What the command line asks for. */
export interface ValidateArgs {
  readonly targets: readonly string[];
  readonly help: boolean;
}

/** Parses the arguments after the script name; throws an Error with a message for a bad one. */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs {
  const targets: string[] = [];
  let help = false;
  let onlyTargets = false;
  for (const a of argv) {
    if (onlyTargets || !a.startsWith('-') || a === '-') targets.push(a);
    else if (a === '--') onlyTargets = true;
    else if (a === '--help' || a === '-h') help = true;
    else throw new Error(`Unknown option ${a}.`);
  }
  return { targets, help };
}

/** One file reported on: the name shown, and its diagnostics or why it was not read. */
interface FileReport {
  readonly shown: string;
  readonly problem?: string;
  readonly diagnostics: readonly Diagnostic[];
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
  return `${oneLine(file)}:${d.range.startLine}:${d.range.startColumn}: ${d.severity}: ${oneLine(d.message)}`;
}

/** The command line's sites, each opened once as a workspace that checks in this thread. */
class Sites {
  private readonly open = new Map<string, Workspace>();

  workspace(root: string): Workspace {
    let ws = this.open.get(root);
    if (!ws) {
      // The command line only reads: it leaves temp files and backups to the editor.
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

/** Checks a file that is not a book of a site on its own, without site facts. */
async function checkAlone(file: string): Promise<FileReport> {
  const shown = shownAs(file);
  try {
    const { bytes } = await readFileBytes(await fs.realpath(file), shown);
    const text = decodeUtf8(bytes);
    const bad = firstBadUtf8(bytes);
    const diagnostics = validate(openBook(text));
    return { shown, diagnostics: bad < 0 ? diagnostics : [notUtf8Diagnostic(bytes, bad, text), ...diagnostics] };
  } catch (e) {
    return { shown, problem: e instanceof WorkspaceError ? e.message : `${shown} cannot be read: ${describeErrno(errnoCode(e))}.`, diagnostics: [] };
  }
}

/** Checks one book file: through its site's workspace when it is a book of one, else on its own. */
async function checkFile(file: string, sites: Sites): Promise<FileReport> {
  const site = await locateSite(file).catch(() => null);
  if (!site?.book) return checkAlone(file);
  const [checked] = await sites.workspace(site.root).checkBooks([site.book]);
  return { shown: shownAs(file), problem: checked!.problem, diagnostics: checked!.diagnostics };
}

/** The reports for one argument: a book file, a site folder, its `_books/` folder, or any folder of .md files. */
async function reportsFor(target: string, sites: Sites): Promise<FileReport[]> {
  const stat = await fs.stat(target);
  if (stat.isFile()) return [await checkFile(target, sites)];
  if (!stat.isDirectory()) throw new WorkspaceError('not-a-file', `it is ${kindOf(stat)}, not a file or folder`);
  const isDir = (p: string) => fs.stat(p).then((s) => s.isDirectory(), () => false);
  const siteDir = (await isDir(path.join(target, '_books'))) ? target : path.basename(path.resolve(target)) === '_books' ? path.dirname(target) : null;
  if (siteDir !== null) {
    const ws = sites.workspace(siteDir);
    return (await ws.checkBooks()).map((c) => ({ shown: shownAs(path.join(siteDir, ...c.path.split('/'))), problem: c.problem, diagnostics: c.diagnostics }));
  }
  const names = (await fs.readdir(target)).filter((f) => f.endsWith('.md')).sort();
  const out: FileReport[] = [];
  for (const n of names) {
    const file = path.join(target, n);
    const kind = await fs.stat(file).catch(() => null);
    out.push(kind && !kind.isFile() ? { shown: shownAs(file), problem: `It is ${kindOf(kind)}, not a file: it was not read.`, diagnostics: [] } : await checkFile(file, sites));
  }
  return out;
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
  let errors = 0;
  let warnings = 0;
  let files = 0;
  let unreadable = false;
  const sites = new Sites();
  try {
    for (const target of args.targets) {
      let reports: FileReport[];
      try {
        reports = await reportsFor(target, sites);
      } catch (e) {
        const why = e instanceof WorkspaceError ? e.message : describeErrno(errnoCode(e));
        err(`${oneLine(target)}: cannot read: ${oneLine(why)}`);
        unreadable = true;
        continue;
      }
      for (const r of reports) {
        files++;
        if (r.problem) {
          out(`${oneLine(r.shown)}:1:1: error: ${oneLine(r.problem)}`);
          errors++;
        }
        for (const d of r.diagnostics) {
          out(formatDiagnostic(r.shown, d));
          if (d.severity === 'error') errors++;
          else warnings++;
        }
      }
    }
  } finally {
    sites.close();
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out(`${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

const invokedDirectly = process.argv[1] && /validate-cli\.(m?js|ts)$/.test(process.argv[1]);
if (invokedDirectly) void main(process.argv.slice(2)).then((status) => (process.exitCode = status));
