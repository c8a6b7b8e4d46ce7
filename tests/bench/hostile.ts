// The bench rows of hostile input: a front matter of many keys validated, the command line
// on a 200,000-key book, and readBook while such a book is read into the library. Each
// against a baseline measured in the same run (js-yaml reading the same front matter, or
// the listBooks that readBook would have waited for, were the library read on the host's thread).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as jsyaml from 'js-yaml';
import { openBook, validate } from '../../shared/index';
import { Workspace } from '../../electron/workspace';
import { main } from '../../electron/validate-cli';
import { compare, round } from './core';
import type { Row } from './core';

/** A front matter of `n` top-level keys besides the title; `value` writes the i-th value. */
export function manyKeys(n: number, value: (i: number) => string = (i) => `v${i}`): string {
  let fm = 'title: Many keys\n';
  for (let i = 0; i < n; i++) fm += `k${i}: ${value(i)}\n`;
  return fm;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;

const row = (name: string, ours: number, baseline: string, base: number, target: string): Row => ({ name, ours_ms: round(ours), baseline, baseline_ms: round(base), ratio: round(ours / base, 3), target });

/** The rows (they make and remove a scratch site of their own). */
export async function hostileRows(): Promise<Row[]> {
  const rows: Row[] = [];
  const fm50 = manyKeys(50_000);
  const text50 = `---\n${fm50}---\n`;
  const [ours, base] = await compare(() => validate(openBook(text50)), () => jsyaml.load(fm50), 10);
  rows.push(row('validate 50,000-key front matter', ours, 'js-yaml load', base!, 'ratio ≤ 3'));

  const fmNum = manyKeys(50_000, (i) => String(i));
  const textNum = `---\n${fmNum}---\n`;
  const [oursNum, baseNum] = await compare(() => validate(openBook(textNum)), () => jsyaml.load(fmNum), 6);
  rows.push(row('validate 50,000-key front matter, numbers (the yaml package reads it)', oursNum, 'js-yaml load', baseNum!, 'linear (the yaml package alone ≈ 8)'));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hostile-'));
  try {
    fs.mkdirSync(path.join(dir, '_books'));
    const fm200 = manyKeys(200_000);
    const big = path.join(dir, '_books', '20240101-many-keys.md');
    fs.writeFileSync(big, `---\n${fm200}---\n`);
    const [cli, base200] = await compare(() => main([big], () => undefined, () => undefined), () => jsyaml.load(fm200), 5, 1);
    rows.push(row('validate 200,000-key book through the CLI', cli, 'js-yaml load', base200!, 'ratio ≤ 3'));

    // readBook of a small book while the library reads a 50,000-key one (a fresh workspace each
    // time, so nothing is cached), against readBook with nothing else going on.
    fs.writeFileSync(big, text50);
    fs.writeFileSync(path.join(dir, '_books', '20240108-small.md'), '---\ntitle: Small\n---\n');
    const during: number[] = [];
    const listing: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ws = new Workspace(dir, { backupDir: path.join(dir, '.backups') });
      const started = performance.now();
      const list = ws.listBooks();
      await new Promise((r) => setTimeout(r, 20));
      const t = performance.now();
      await ws.readBook('_books/20240108-small.md');
      during.push(performance.now() - t);
      await list;
      listing.push(performance.now() - started);
      ws.close();
    }
    rows.push(row('readBook while a 50,000-key book is read into the library', median(during.slice(1)), 'that listBooks (what readBook would wait for on one thread)', median(listing.slice(1)), 'ratio ≤ 0.1'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
