/**
 * `npm run import-slack -- <export folder or .zip> <book file> [--channel NAME]
 * [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--write]`: imports a week of Q&A from a Slack export
 * into a book's archive. Without --write it prints the YAML it would add and a summary; with
 * --write it saves the book atomically, as the editor does, and prints the summary.
 * Exit status: 0 on success (also when nothing is new), 2 for an unreadable or invalid export
 * or book, or bad arguments.
 */
import fs from 'node:fs';
import { applyEdits, bookOf, EditError, openBook } from '../shared/index';
import { importEdits, ImportError, planImport } from '../shared/slack';
import type { ImportPlan, PlanOptions } from '../shared/slack';
import { writeAtomic } from './workspace/atomicWrite';
import { exportSourceAt } from './workspace/slackExport';

const USAGE = 'usage: npm run import-slack -- <export folder or .zip> <book file> [--channel NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--write]';

interface Args {
  readonly exportPath: string;
  readonly book: string;
  readonly options: PlanOptions;
  readonly write: boolean;
}

function parseArgs(args: string[]): Args | string {
  const positional: string[] = [];
  const options: { channel?: string; from?: string; to?: string } = {};
  let write = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--write') write = true;
    else if (a === '--channel' || a === '--from' || a === '--to') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `${a} needs a value`;
      options[a.slice(2) as 'channel' | 'from' | 'to'] = value.replace(/^#/, '');
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else positional.push(a);
  }
  if (positional.length !== 2) return `expected an export and a book file, got ${positional.length} argument${positional.length === 1 ? '' : 's'}`;
  return { exportPath: positional[0]!, book: positional[1]!, options, write };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const where = (file: string, line?: number, column?: number) => (line ? `${file}:${line}:${column ?? 1}` : file);

/** The text `after` holds that `before` does not: the inserted lines, since an import only inserts. */
function inserted(before: string, after: string): string {
  let a = 0;
  while (a < before.length && before.charCodeAt(a) === after.charCodeAt(a)) a++;
  let b = 0;
  while (b < before.length - a && before.charCodeAt(before.length - 1 - b) === after.charCodeAt(after.length - 1 - b)) b++;
  // Widen to whole lines.
  const from = after.lastIndexOf('\n', a - 1) + 1;
  const end = after.length - b;
  const to = end > 0 && after.charCodeAt(end - 1) === 10 ? end : after.indexOf('\n', end) < 0 ? after.length : after.indexOf('\n', end) + 1;
  return after.slice(from, to);
}

function summary(plan: ImportPlan, added: number, addedReplies: number, duplicates: number): string[] {
  const lines = [`#${plan.channel}, ${plan.window.from} to ${plan.window.to}: ${plural(plan.threads.length, 'thread')} with ${plural(plan.replies, 'reply').replace('replys', 'replies')} found; ${plural(added, 'thread')} with ${plural(addedReplies, 'reply').replace('replys', 'replies')} to add${duplicates ? `, ${duplicates} already in the archive` : ''}.`];
  if (plan.skipped.length > 0) lines.push(`Skipped: ${plan.skipped.map((s) => `${s.message} (${s.count})`).join('; ')}.`);
  plan.threads.forEach((t, i) => {
    if (t.flags.length > 0 && !t.inArchive) lines.push(`Review thread ${i + 1} (${t.name}: "${t.firstLine.slice(0, 60)}"): ${t.flags.join(', ')}${t.customEmoji.length ? ` (:${t.customEmoji.join(': :')}:)` : ''}.`);
  });
  return lines;
}

/** Runs the command line; resolves to the exit status. */
export async function main(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    err(`${parsed}\n${USAGE}`);
    return 2;
  }
  const { exportPath, book, options, write } = parsed;
  let text: string;
  try {
    text = fs.readFileSync(book, 'utf8');
  } catch (e) {
    err(`${book}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const doc = openBook(text);
  const bad = doc.diagnostics.find((d) => d.severity === 'error');
  const view = bookOf(doc.data);
  if (bad || !doc.tree || !view) {
    err(bad ? `${where(book, bad.range.startLine, bad.range.startColumn)}: error: ${bad.message}` : `${book}: error: the front matter is not a mapping.`);
    return 2;
  }
  let plan: ImportPlan;
  try {
    plan = await planImport(await exportSourceAt(exportPath), view, options);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    err(e.file === undefined ? `error: ${e.message}` : e.describe(exportPath).replace(/: /, ': error: '));
    return 2;
  }
  if (!plan.channels.includes(plan.channel)) {
    err(`${exportPath}: error: the export has no channel "${plan.channel}"; its channels: ${plan.channels.join(', ') || 'none'}.`);
    return 2;
  }
  for (const p of plan.problems) err(`${where(`${exportPath.replace(/[\\/]+$/, '')}/${p.file}`, p.line, p.column)}: warning: ${p.message}`);
  let result;
  try {
    result = importEdits(doc, plan.threads);
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    err(`${book}: error: ${e.message}`);
    return 2;
  }
  const after = applyEdits(doc, result.edits);
  const addedReplies = plan.threads.filter((t) => !t.inArchive).reduce((n, t) => n + t.replies.length, 0);
  if (!write) {
    if (result.added > 0) out(inserted(doc.text, after.text).replace(/\r?\n$/, ''));
    summary(plan, result.added, addedReplies, result.duplicates).forEach((l) => out(l));
    if (result.added > 0) out('Nothing written: add --write to save the book.');
    return 0;
  }
  if (result.added > 0) {
    const file = fs.realpathSync(book);
    if (fs.readFileSync(file, 'utf8') !== text) {
      err(`${book}: error: the file changed while importing; nothing written.`);
      return 2;
    }
    await writeAtomic(file, new TextEncoder().encode(after.text));
  }
  summary(plan, result.added, addedReplies, result.duplicates).forEach((l) => out(l));
  out(result.added > 0 ? `Wrote ${book}: ${result.label.replace(/^Import/, 'imported')}.` : 'Nothing new: the book is unchanged.');
  return 0;
}

const invokedDirectly = process.argv[1] && /import-slack-cli\.(m?js|ts)$/.test(process.argv[1]);
if (invokedDirectly) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
