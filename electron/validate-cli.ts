/**
 * `npm run validate -- <files or folders>`: checks book files as the editor does and
 * prints one line per problem, `path:line:col: error|warning: message`, then a summary.
 * Exit status: 0 clean or warnings only, 1 when any error was found, 2 when an argument
 * cannot be read. Usable in the site's own CI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openBook, validate } from '../shared/index';
import { booksOf, siteRootOf } from './bookFiles';
import type { Diagnostic, SiteContext } from '../shared/index';

interface Site {
  readonly root: string;
  readonly people: string[];
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
  const peopleDir = path.join(root, '_people');
  if (fs.existsSync(peopleDir)) {
    for (const f of fs.readdirSync(peopleDir)) {
      if (!f.endsWith('.md') || f.startsWith('_')) continue;
      const data = frontMatterOf(path.join(peopleDir, f));
      people.push(typeof data?.short === 'string' ? data.short : f.slice(0, -3));
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
  const site = { root, people, weeks };
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
  return { path: rel, people: site.people, files, weeks: site.weeks };
}

/** One line per diagnostic, in the format editors and CI annotate. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.range.startLine}:${d.range.startColumn}: ${d.severity}: ${d.message}`;
}

/** Runs the command line; returns the exit status. */
export function main(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  if (args.length === 0) {
    err('usage: npm run validate -- <book files, _books folders or site folders>');
    return 2;
  }
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
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        err(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        unreadable = true;
        continue;
      }
      files++;
      const shown = path.relative(process.cwd(), file) || file;
      for (const d of validate(openBook(text), contextFor(file, text))) {
        out(formatDiagnostic(shown, d));
        if (d.severity === 'error') errors++;
        else warnings++;
      }
    }
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out(`${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

const invokedDirectly = process.argv[1] && /validate-cli\.(m?js|ts)$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
