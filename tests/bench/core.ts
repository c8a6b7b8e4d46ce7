// The core rows of `npm run bench`: each figure is the median of repeated runs after a
// warm-up, next to a baseline measured in the same run and interleaved with it, so that
// the ratio holds on a noisy machine.
import fs from 'node:fs';
import path from 'node:path';
import * as jsyaml from 'js-yaml';
import matter from 'gray-matter';
import { applyEdit, openBook, validate } from '../../shared/index';
import type { BookDocument } from '../../shared/index';
import { Workspace } from '../../electron/workspace';
import { synthBook } from './synth';

export interface Row {
  name: string;
  ours_ms: number;
  baseline: string | null;
  baseline_ms: number | null;
  ratio: number | null;
  target?: string;
  note?: string;
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

/** Times `ours` and `base` alternately: `warm` rounds discarded, then `runs` rounds. */
export async function compare(ours: () => unknown, base: (() => unknown) | null, runs: number, warm = Math.max(3, runs >> 2)): Promise<[number, number | null]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warm + runs; i++) {
    let t = performance.now();
    await ours();
    const x = performance.now() - t;
    let y = 0;
    if (base) {
      t = performance.now();
      await base();
      y = performance.now() - t;
    }
    if (i >= warm) {
      a.push(x);
      b.push(y);
    }
  }
  return [median(a), base ? median(b) : null];
}

/** A row of the table: ours, the baseline and their ratio. */
export function row(name: string, ours: number, baseline: string | null, base: number | null, target?: string): Row {
  return { name, ours_ms: round(ours), baseline, baseline_ms: base === null ? null : round(base), ratio: base ? round(ours / base, 3) : null, ...(target ? { target } : {}) };
}

export const round = (x: number, d = 4) => Number(x.toFixed(d));

function frontMatter(doc: BookDocument): string {
  return doc.text.slice(doc.split!.start, doc.split!.end);
}

/** The reply to edit: one in the middle of the book. */
function replyPath(doc: BookDocument): (string | number)[] {
  const archive = (doc.data as { archive: { replies?: unknown[] }[] }).archive;
  const t = archive.findIndex((th, i) => i >= archive.length >> 1 && (th.replies ?? []).length > 0);
  return ['archive', t, 'replies', 0, 'text'];
}

/** Open (openBook + validate) and edit (one set of a reply's text) on one text. */
async function openAndEdit(label: string, text: string, path_: string, runs: number, targets: [string, string]): Promise<Row[]> {
  const doc = openBook(text);
  const fm = frontMatter(doc);
  const site = { path: path_, people: ['alexeygrigorev'] };
  const [open, base] = await compare(() => validate(openBook(text), site), () => jsyaml.load(fm), runs);
  const at = replyPath(doc);
  let i = 0;
  const [edit, base2] = await compare(() => applyEdit(doc, { op: 'set', path: at, value: `An edited reply, version ${i++}.` }), () => jsyaml.load(fm), runs * 3);
  return [
    row(`open ${label}`, open, 'js-yaml load', base!, targets[0]),
    row(`edit reply text in ${label}`, edit, 'js-yaml load', base2!, targets[1]),
  ];
}

/** The core rows, and how open and edit grow from 100 to 500 to 2,000 threads. */
export async function coreRows(corpus: string | null): Promise<{ rows: Row[]; growth: { threads: number; bytes: number; open_ms: number; edit_ms: number; jsyaml_ms: number }[]; skipped: string[] }> {
  const rows: Row[] = [];
  const skipped: string[] = [];
  if (corpus) {
    const dir = path.join(corpus, '_books');
    const largest = fs.readdirSync(dir).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
    rows.push(...(await openAndEdit('largest real book', fs.readFileSync(largest, 'utf8'), `_books/${path.basename(largest)}`, 60, ['ratio ≤ 1.5', 'ratio ≤ 0.1'])));
  } else {
    skipped.push('largest real book rows: ../shared/corpus is absent');
  }
  rows.push(...(await openAndEdit('synthetic 2000-thread book', synthBook(2000), '_books/20210705-synthetic.md', 12, ['ratio ≤ 4', 'ratio ≤ 0.01'])));

  if (corpus) {
    // A cold scan: a new workspace each run, so the mtime cache starts empty.
    const files = ['_books', '_people'].flatMap((d) => fs.readdirSync(path.join(corpus, d)).filter((f) => f.endsWith('.md')).map((f) => path.join(corpus, d, f)));
    const [scan, base] = await compare(
      async () => {
        const ws = new Workspace(corpus, { backupDir: path.join(corpus, '.no-backups') });
        await ws.listBooks();
        await ws.people();
        ws.close();
      },
      async () => {
        for (const f of files) {
          try {
            // Options turn gray-matter's cache off, so every file is parsed.
            matter(await fs.promises.readFile(f, 'utf8'), { excerpt: false });
          } catch {
            // gray-matter throws on the site's _template.md; the workspace skips it.
          }
        }
      },
      8,
    );
    rows.push(row('scan corpus library', scan, 'gray-matter (options, no cache) reading every book and people file', base, 'ratio ≤ 1.0'));
  } else {
    skipped.push('scan corpus library: ../shared/corpus is absent');
  }

  const growth = [];
  for (const threads of [100, 500, 2000]) {
    const text = synthBook(threads);
    const doc = openBook(text);
    const fm = frontMatter(doc);
    const runs = threads === 2000 ? 10 : 30;
    const [open, js] = await compare(() => validate(openBook(text)), () => jsyaml.load(fm), runs);
    const at = replyPath(doc);
    let i = 0;
    const [edit] = await compare(() => applyEdit(doc, { op: 'set', path: at, value: `v${i++}` }), null, runs * 3);
    growth.push({ threads, bytes: text.length, open_ms: round(open), edit_ms: round(edit), jsyaml_ms: round(js!) });
  }
  return { rows, growth, skipped };
}
