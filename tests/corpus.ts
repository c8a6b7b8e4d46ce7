// Where the real book files are, when this machine has them: ../shared/corpus, or the
// folder BOOK_EDITOR_CORPUS names (`BOOK_EDITOR_CORPUS=/nonexistent` proves that every
// corpus test skips cleanly without them).
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(process.env.BOOK_EDITOR_CORPUS || path.join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
export const hasCorpus = fs.existsSync(path.join(CORPUS, '_books'));
export const corpusSkipReason = `the real book files are not at ${CORPUS}: corpus tests skipped`;

if (!hasCorpus) console.warn(`[corpus] ${corpusSkipReason}`);

/** Every corpus book as [file name, text]. */
export function corpusBooks(): [string, string][] {
  if (!hasCorpus) return [];
  const dir = path.join(CORPUS, '_books');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}
