/** Book files named on a command line: a file, a `_books` folder or a site folder; and the site a file belongs to. */
import fs from 'node:fs';
import path from 'node:path';

/** The site root above `file` (the folder holding `_books/`), or null. */
export function siteRootOf(file: string): string | null {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === '_books' || fs.existsSync(path.join(dir, '_books'))) return path.basename(dir) === '_books' ? path.dirname(dir) : dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The book files named by an argument: a file, a `_books` folder, a site folder, or any folder of .md files. */
export function booksOf(arg: string): string[] {
  const stat = fs.statSync(arg);
  if (stat.isFile()) return [arg];
  const books = path.join(arg, '_books');
  const dir = fs.existsSync(books) && fs.statSync(books).isDirectory() ? books : arg;
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f));
}

