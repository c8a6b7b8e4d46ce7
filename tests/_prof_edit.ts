import fs from 'node:fs';
import path from 'node:path';
import * as jsyaml from 'js-yaml';
import { applyEdit, openBook } from '/work/main/shared/index';
import { synthBook } from '/work/main/tests/bench/synth';
const dir = '/work/shared/corpus/_books';
const largest = fs.readdirSync(dir).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
for (const [label, text] of [['largest', fs.readFileSync(largest, 'utf8')], ['2000', synthBook(2000)]] as const) {
  const doc = openBook(text);
  const archive = (doc.data as any).archive;
  const t = archive.findIndex((th: any, i: number) => i >= archive.length >> 1 && (th.replies ?? []).length > 0);
  const at = ['archive', t, 'replies', 0, 'text'];
  const N = label === 'largest' ? 20000 : 2000;
  let i = 0;
  for (let k = 0; k < 200; k++) applyEdit(doc, { op: 'set', path: at, value: `An edited reply, version ${i++}.` });
  let t0 = performance.now();
  for (let k = 0; k < N; k++) applyEdit(doc, { op: 'set', path: at, value: `An edited reply, version ${i++}.` });
  const e = (performance.now() - t0) / N;
  const fm = doc.text.slice(doc.split!.start, doc.split!.end);
  t0 = performance.now();
  for (let k = 0; k < 50; k++) jsyaml.load(fm);
  const j = (performance.now() - t0) / 50;
  console.log(label, text.length, 'edit', e.toFixed(4), 'jsyaml', j.toFixed(3), 'ratio', (e / j).toFixed(4));
}
