/**
 * `npm run validate -- <files or folders>`: checks book files as the editor does and
 * prints one line per problem, `path:line:col: error|warning: message`, then a summary.
 * Exit status: 0 clean or warnings only, 1 when any error was found, 2 when an argument
 * cannot be read. Usable in the site's own CI. With `--fix`, every safe fix is applied
 * first (each file written atomically), one line per fix, `path:line:col: fixed: what`;
 * the problems and the exit status are then those that remain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fixAll, openBook, validate } from '../shared/index';
import { booksOf, siteRootOf } from './bookFiles';
import type { Diagnostic, SiteContext } from '../shared/index';
import { writeAtomic } from './workspace/atomicWrite';

interface Site {
  readonly root: string;
  readonly people: string[];
  readonly names: { id: string; name: string }[];
  readonly weeks: { path: string; title: string; start: string; end: string }[];
}

const sites = new Map<string, Site | null>();

function frontMatterOf(file: string): Record<string, unknown> | null {
  try {
    const data = openBook(fs.readFileSync(file, 'utf8')).data;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function loadSite(root: string): Site | null {
  if (sites.has(root)) return sites.get(root)!;
  const people: string[] = [];
  const names: Site['names'] = [];
  const peopleDir = path.join(root, '_people');
  if (fs.existsSync(peopleDir)) {
    for (const f of fs.readdirSync(peopleDir)) {
      if (!f.endsWith('.md') || f.startsWith('_')) continue;
      const data = frontMatterOf(path.join(peopleDir, f));
      const id = typeof data?.short === 'string' ? data.short.trim() : f.slice(0, -3);
      people.push(id);
      if (typeof data?.title === 'string') names.push({ id, name: data.title.trim() });
    }
  }
  const weeks: Site['weeks'] = [];
  const booksDir = path.join(root, '_books');
  for (const f of fs.existsSync(booksDir) ? fs.readdirSync(booksDir) : []) {
    if (!f.endsWith('.md')) continue;
    const data = frontMatterOf(path.join(booksDir, f));
    if (data && typeof data.start === 'string' && typeof data.end === 'string') {
      weeks.push({ path: `_books/${f}`, title: typeof data.title === 'string' ? data.title : f, start: data.start, end: data.end });
    }
  }
  const site = { root, people, names, weeks };
  sites.set(root, site);
  return site;
}

function contextFor(file: string, text: string): SiteContext {
  const root = siteRootOf(file);
  const site = root ? loadSite(root) : null;
  if (!site) return {};
  const rel = path.relative(site.root, path.resolve(file)).split(path.sep).join('/');
  const data = openBook(text).data as Record<string, unknown> | null;
  const cover = data && typeof data.cover === 'string' ? data.cover.replace(/^\/+/, '') : null;
  const files = cover && fs.existsSync(path.join(site.root, cover)) ? [cover] : [];
  return { path: rel, people: site.people, names: site.names, files, weeks: site.weeks };
}

/** One line per diagnostic, in the format editors and CI annotate. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.range.startLine}:${d.range.startColumn}: ${d.severity}: ${d.message}`;
}

/** Applies the safe fixes to a file in place (atomically); returns its text after them. */
async function fixFile(file: string, shown: string, bytes: Buffer, out: (line: string) => void, err: (line: string) => void): Promise<{ text: string; fixed: number }> {
  const text = bytes.toString('utf8');
  const { text: fixed, applied } = fixAll(openBook(text), contextFor(file, text));
  if (applied.length === 0) return { text, fixed: 0 };
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    err(`${shown}: not fixed: the file is not valid UTF-8, and writing it back would change more than the fixes.`);
    return { text, fixed: 0 };
  }
  await writeAtomic(fs.realpathSync(file), Buffer.from(fixed, 'utf8'));
  for (const a of [...applied].sort((x, y) => x.line - y.line || x.column - y.column)) out(`${shown}:${a.line}:${a.column}: fixed: ${a.fix.label}`);
  return { text: fixed, fixed: applied.length };
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const fix = argv.includes('--fix');
  const args = argv.filter((a) => a !== '--fix');
  if (args.length === 0) {
    err('usage: npm run validate -- [--fix] <book files, _books folders or site folders>');
    return 2;
  }
  let fixes = 0;
  let fixedFiles = 0;
  let errors = 0;
  let warnings = 0;
  let files = 0;
  let unreadable = false;
  for (const arg of args) {
    let list: string[];
    try {
      list = booksOf(arg);
    } catch (e) {
      err(`${arg}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      unreadable = true;
      continue;
    }
    for (const file of list) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        err(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        unreadable = true;
        continue;
      }
      let text = bytes.toString('utf8');
      files++;
      const shown = path.relative(process.cwd(), file) || file;
      if (fix) {
        try {
          const done = await fixFile(file, shown, bytes, out, err);
          text = done.text;
          fixes += done.fixed;
          if (done.fixed) fixedFiles++;
        } catch (e) {
          err(`${shown}: not fixed: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
          unreadable = true;
        }
      }
      for (const d of validate(openBook(text), contextFor(file, text))) {
        out(formatDiagnostic(shown, d));
        if (d.severity === 'error') errors++;
        else warnings++;
      }
    }
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (fix) out(`Fixed ${plural(fixes, 'problem')} in ${plural(fixedFiles, 'file')}.`);
  out(`${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

const invokedDirectly = process.argv[1] && /validate-cli\.(m?js|ts)$/.test(process.argv[1]);
if (invokedDirectly) void main(process.argv.slice(2)).then((status) => (process.exitCode = status));
